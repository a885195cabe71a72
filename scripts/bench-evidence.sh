#!/usr/bin/env bash
# Evidence ingest throughput: probe samples per second from the injector's EvidenceCaptured events to
# analysis-service's store (real Kafka, registry and Cassandra started from jars, a real analysis-service context),
# and the CPU each sample costs (this JVM + the Cassandra child process).
#
# A batch is what the injector publishes: one EvidenceCaptured per second (injector batch-millis 1000) holding every
# sample its probes took in that second. The default load is 4 HTTP probes at 200-250 ms + a METRIC and a LOG probe
# at 1 s = 20 samples a batch (the demo experiment's storefront template makes 9: reads every 200 ms, orders every
# 500 ms, a metric, a log). Two phases of the same size, each followed by every injection's verdict:
#   backlog  the listener paused while everything is sent, then resumed: its capacity (the figure)
#   live     sent from one thread while it consumes: bounded by that sender on the same cores
#
#   scripts/bench-evidence.sh                 # 16 experiments × 1200 batches × 20 samples = 384,000 samples a phase (~1.5 min)
#   scripts/bench-evidence.sh 16 1200 9       # experiments, batches each (seconds of probing), samples per batch
#
# Builds this checkout's modules in the Maven reactor (nothing installed, nothing read from other checkouts).
set -euo pipefail
cd "$(dirname "$0")/.."
module="$PWD/analysis-service"
. scripts/lib/reactor-bench.sh
reactor_build -pl analysis-service -am test-compile
# the injector is on analysis-service's test classpath for one unit test only; its beans must not start here
classpath="$(tr ':' '\n' < "$module/target/bench.classpath" \
    | grep -v -e '/injector-service/controller/target/' -e 'faultline-injector-service' | paste -sd:)"
java -Xmx2g -Dlogback.configurationFile="$PWD/injector-service/controller/src/test/resources/logback-bench.xml" \
    -cp "$module/target/test-classes:$module/target/classes:$classpath" \
    dev.faultline.analysis.bench.EvidenceIngestBench "$@"
