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
module="$PWD/injector-service/controller"
build() {
  mvn -B -q -Dstyle.color=never "$@" -pl injector-service/controller -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
}
build -o 2>/dev/null || build   # offline when everything is already downloaded
java -Dlogback.configurationFile="$module/src/test/resources/logback-bench.xml" \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
    dev.faultline.injector.bench.GuardrailBench "${1:-${TRIALS:-20}}"
