#!/usr/bin/env bash
# Time from a guardrail's first breaching sample to the fault removed (and verified gone), detection included, with no
# sustain configured: p50/p99/max over N trials (default 20, + 2 warm-up), and the two parts (sample -> breach
# decided, breach decided -> removed and verified). Real sockets: an in-process fault data plane, an HTTP target behind
# its L4 proxy, the injector's real lifecycle (InjectionRun), HTTP probes every 50 ms, guardrail "error rate > 0.5
# over 1 s". Kafka and Cassandra are not involved (they are not on the stop path).
#   scripts/bench-guardrail-stop.sh          # 20 trials, about 1 minute
#   scripts/bench-guardrail-stop.sh 50
# Builds this checkout's modules in the Maven reactor (nothing installed, nothing read from other checkouts).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/reactor-bench.sh
reactor_build -pl injector-service/controller -am test-compile
bench_java injector-service/controller dev.faultline.injector.bench.GuardrailBench "${1:-${TRIALS:-20}}"
