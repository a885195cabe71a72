#!/usr/bin/env bash
# Time from a freeze, an incident or an operator's halt while an experiment injects to its fault removed, p50/p99/max over N
# trials each (default 20, + 1 warm-up each): the whole local stack (Kafka, registry, Cassandra, the data plane, the demo
# target and the five services as processes, as `faultline stack` starts them); each trial runs the example
# experiment (storefront → pricing blackhole, STAGING, 60 s) until its toxic is on the data plane, publishes a FREEZE
# of the storefront on faultline.calendar (or an OPEN incident on its dependency pricing on faultline.incidents) as
# another tool would, and polls the data plane every 5 ms until the toxic is gone: publish → safety-service's
# HaltRequested → the injector's halt → removal (the trial checks the run stopped HALTED with "safety envelope"); the
# third case is an operator halting it over HTTP (`POST /halts` with dave's token → HaltRequested → removal).
#   scripts/bench-midrun-stop.sh          # 20 trials per case, about 15 minutes on 2 cores
#   scripts/bench-midrun-stop.sh 30
# Packages this checkout's modules in the Maven reactor (nothing installed): the stack runs them from target/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/reactor-bench.sh
reactor_build -DskipTests package
bench_java cli dev.faultline.cli.e2e.MidRunStopBench "${1:-${TRIALS:-20}}"
