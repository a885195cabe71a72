#!/usr/bin/env bash
# Benchmarks the fault data plane with no fault configured: direct vs through the L4 (TCP)
# proxy and the L7 (HTTP) proxy, in one run on loopback. Prints p50/p99 round trips, the
# latency the proxy adds, and requests/s and MB/s as ratios of direct. Takes about 1-2 minutes.
#   scripts/bench-dataplane.sh                         # defaults: 8 rounds x 6000 round trips
#   BENCH_OPTS="-Dbench.rounds=4 -Dbench.bulkRounds=3" scripts/bench-dataplane.sh
set -euo pipefail
cd "$(dirname "$0")/.."
module=injector-service/dataplane
# a build directory of its own, so that a build running at the same time cannot swap classes under it
build="$PWD/$module/target/bench-build"
mvn -B -o -q -pl "$module" test-compile dependency:build-classpath -Ddataplane.buildDirectory="$build" \
    -Dmdep.outputFile="$build/bench.classpath" -Dmdep.includeScope=test >/dev/null
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"
exec java -Xms512m -Xmx512m -XX:+UseParallelGC ${BENCH_OPTS:-} \
    -cp "$cp" dev.faultline.dataplane.bench.DataPlaneBench
