#!/usr/bin/env bash
# Catalog query latency under load: a real devstack (Kafka, registry from jars) and a real catalog-service; a catalog
# of SERVICES x 16 fault types entries (each from VERDICTS verdicts, 3 dimensions), the services declared as targets;
# then it is queried over HTTP (keep-alive, bearer token) for SECONDS per run (after a 5 s warm-up): one entry
# (GET /catalog/{service}/{faultType}, random) at a fixed RATE of requests/s over THREADS threads (open model: latency
# counted from each request's intended send time), then flat out by THREADS threads (closed model: the most
# requests/s, and the queue at saturation); then the gaps and the whole catalog, flat out. Prints p50/p99/max and
# requests/s per run, measured by the client on the same cores as the service, with the machine's load average
# (goal: p99 of one entry <= 5 ms at the fixed rate). Then the one-entry query in process (store lookup and JSON).
#
#   scripts/bench-catalog-query.sh                  # 50 services (800 entries), 3 verdicts each, 8 threads, 30 s, 300/s (~4 min)
#   scripts/bench-catalog-query.sh 50 3 8 30 300    # services, verdicts per entry, threads, seconds per run, rate
#   BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/catalog.jfr,settings=profile scripts/bench-catalog-query.sh
#
# Builds this checkout's modules in the Maven reactor (nothing installed, nothing read from other checkouts).
set -euo pipefail
cd "$(dirname "$0")/.."
module="$PWD/catalog-service"
. scripts/lib/reactor-bench.sh
reactor_build -pl catalog-service -am test-compile
java -Xms1g -Xmx1g ${BENCH_JAVA_OPTS:-} -Dlogback.configurationFile="$PWD/injector-service/controller/src/test/resources/logback-bench.xml" \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
    dev.faultline.catalog.bench.CatalogQueryBench "$@"
