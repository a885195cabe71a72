#!/usr/bin/env bash
# Auditor replay throughput (events/s decoded and checked): a devstack of its own (Kafka with SASL and ACLs, the
# schema registry; no Cassandra, no service) filled as the services would fill it with EXPERIMENTS complete experiments
# of BATCHES evidence batches of 20 samples each (+ 8 other events each: proposal, hypothesis, review, approval, a
# clearance signed with a real Ed25519 key, start, stop, the verdict the evaluation computed), then `faultline replay`
# over every faultline.* topic as the faultline-auditor principal, RUNS times: each run decodes every record, verifies
# every clearance and recomputes every verdict (all reproduced, exit 0). Each run prints its wall time and its CPU,
# split between the replay and the devstack's broker and registry serving it (they share the bench's JVM).
#   scripts/bench-replay.sh                  # 2000 experiments x 100 batches (216,000 events), 3 runs, ~3 min
#   scripts/bench-replay.sh 500 400 2        # EXPERIMENTS BATCHES RUNS
# Builds the cli module and what it needs with the Maven reactor (nothing installed).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/reactor-bench.sh
reactor_build -pl cli -am -Dfaultline.e2e.skip test-compile
bench_java cli dev.faultline.cli.replay.ReplayBench "${1:-2000}" "${2:-100}" "${3:-3}"
