#!/usr/bin/env bash
# Evidence ingest throughput: probe samples per second from the injector's EvidenceCaptured events to
# analysis-service's store (real Kafka, registry and Cassandra started from jars, a real analysis-service context).
#   scripts/bench-evidence.sh                 # 4 experiments × 250 batches × 500 samples = 500,000 samples
#   scripts/bench-evidence.sh 8 250 1000      # experiments, batches each, samples per batch
set -euo pipefail
cd "$(dirname "$0")/.."
module="$PWD/analysis-service"
mvn -B -o -q -Dstyle.color=never -f "$module/pom.xml" test-compile dependency:build-classpath \
    -Dmdep.outputFile="$module/target/bench.classpath" -Dmdep.includeScope=test >&2
# the injector is on analysis-service's test classpath for one unit test only; its beans must not start here
classpath="$(tr ':' '\n' < "$module/target/bench.classpath" | grep -v 'faultline-injector-service' | paste -sd:)"
java -Xmx2g -Dlogback.configurationFile="$PWD/injector-service/controller/src/test/resources/logback-bench.xml" \
    -cp "$module/target/test-classes:$module/target/classes:$classpath" \
    dev.faultline.analysis.bench.EvidenceIngestBench "${1:-4}" "${2:-250}" "${3:-500}"
