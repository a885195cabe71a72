#!/usr/bin/env bash
# Time from a fault's stop to its verified removal, per fault family: p50/p99/max over N trials each (default 20,
# + 2 warm-up), with what was configured and the effect measured while it was applied. Real sockets: a data plane
# (in-process, driven over its HTTP management API exactly as the injector drives it), an L4 proxy `pricing` and an L7
# proxy `pricing-http` in front of an HTTP server; each trial plans the fault with the injector's FaultKinds, applies
# it under a 3 s lease, sends requests through it, stops it (Fault.remove: the lease holder released, then the place's
# faults and the holder's leases listed until nothing of it is left) and times that. Kafka and Cassandra are not
# involved. Other families (a host agent's faults, Kafka record faults) are one RemovalCase each
# (injector-service/controller/src/test/java/dev/faultline/injector/bench/).
#   scripts/bench-removal.sh          # 20 trials per fault, about 1 minute
#   scripts/bench-removal.sh 50
#   scripts/bench-removal.sh 20 127.0.0.1:9092   # + MALFORMED_RECORD on that Kafka (e.g. `./faultline devstack`'s)
# The host agent's faults have their own: scripts/bench-agent-removal.sh.
# Builds this checkout's modules in the Maven reactor (nothing installed, nothing read from other checkouts).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/reactor-bench.sh
reactor_build -pl injector-service/controller -am test-compile
bench_java injector-service/controller dev.faultline.injector.bench.RemovalBench "${1:-${TRIALS:-20}}" ${2:+"$2"}
