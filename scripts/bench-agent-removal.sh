#!/usr/bin/env bash
# Benchmarks the host agent's verified removals: against a real agent started from its jar, for each
# fault kind (cpu, memory, disk, pause, kill) creates a fault and stops it, 30 times (plus a warm-up),
# and prints p50/p99 of the time from the stop request to the answer, which comes only once the
# removal is verified on the host. One table; takes about a minute.
#   scripts/bench-agent-removal.sh
#   BENCH_OPTS="-Dbench.trials=50" scripts/bench-agent-removal.sh
set -euo pipefail
cd "$(dirname "$0")/.."
module=agent
# a build directory of its own, so that a build running at the same time cannot swap classes under it
build="$PWD/$module/target/bench-build"
mvn -B -o -q -pl "$module" package dependency:build-classpath -DskipTests -Dagent.buildDirectory="$build" \
    -Dmdep.outputFile="$build/bench.classpath" -DincludeScope=test >/dev/null
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"
exec java -Xmx256m ${BENCH_OPTS:-} -Dagent.jar="$build/faultline-agent.jar" -Dagent.testClasses="$build/test-classes" \
    -cp "$cp" dev.faultline.agent.bench.RemovalBench
