#!/usr/bin/env bash
# Time from a guardrail breach to the fault removed (and verified gone), p50/p99/max over N trials (default 20).
# Real sockets: an in-process fault data plane, an HTTP target behind its L4 proxy, the injector's real lifecycle,
# HTTP probes every 50 ms, guardrail "error rate > 0.5 over 1 s". Kafka and Cassandra are not involved.
#   scripts/bench-guardrail.sh            # 20 trials (+2 warm-up), about 1 minute
#   TRIALS=50 scripts/bench-guardrail.sh
set -euo pipefail
cd "$(dirname "$0")/.."
module="$PWD/injector-service/controller"
mvn -B -o -q -Dstyle.color=never -f "$module/pom.xml" test-compile dependency:build-classpath \
    -Dmdep.outputFile="$module/target/bench.classpath" -Dmdep.includeScope=test >&2
java -Dlogback.configurationFile="$module/src/test/resources/logback-bench.xml" \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
    dev.faultline.injector.bench.GuardrailBench "${TRIALS:-20}"
