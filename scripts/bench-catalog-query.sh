#!/usr/bin/env bash
# Catalog query latency under load: a real devstack (Kafka, registry from jars) and a real catalog-service; a catalog
# of SERVICES x 16 fault types entries (each from VERDICTS verdicts, 3 dimensions), the services declared as targets;
# then THREADS threads query it over HTTP for SECONDS per endpoint (after a 5 s warm-up): one entry
# (GET /catalog/{service}/{faultType}, random), the gaps, the whole catalog. Prints p50/p99/max and requests/s per
# endpoint, measured by the client on the same cores as the service (goal: p99 of one entry <= 5 ms).
#
#   scripts/bench-catalog-query.sh                  # 50 services (800 entries), 3 verdicts each, 8 threads, 30 s (~3 min)
#   scripts/bench-catalog-query.sh 50 3 8 30        # services, verdicts per entry, threads, seconds per endpoint
#
# Builds this checkout's modules in the Maven reactor (nothing installed, nothing read from other checkouts).
set -euo pipefail
cd "$(dirname "$0")/.."
module="$PWD/catalog-service"
. scripts/lib/reactor-bench.sh
reactor_build -pl catalog-service -am test-compile
java -Xmx1g -Dlogback.configurationFile="$PWD/injector-service/controller/src/test/resources/logback-bench.xml" \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
    dev.faultline.catalog.bench.CatalogQueryBench "$@"
