#!/usr/bin/env bash
# Measures the heap cost of idle proxied connections in the standalone fault data plane:
# starts target/faultline-dataplane-<version>-all.jar as its own JVM, reads its used heap
# after a full GC (jcmd GC.run + GC.heap_info), opens N idle connections through one L4
# proxy, and reads it again; its resident set too. The budget is 50 MB for 1,000 connections. The data plane
# runs with the flags of injector-service/dataplane/jvm.options (DATAPLANE_JVM="..." for others).
#   scripts/dataplane-memory.sh          # 1000 connections
#   scripts/dataplane-memory.sh 5000
set -euo pipefail
cd "$(dirname "$0")/.."
module=injector-service/dataplane
connections="${1:-1000}"
mvn -B -o -q -pl "$module" package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/memory.classpath -DincludeScope=test >/dev/null
mvn -B -o -q -pl "$module" test-compile >/dev/null
jar=$(ls "$module"/target/faultline-dataplane-*-all.jar | head -1)
cp="$module/target/classes:$module/target/test-classes:$(cat "$module/target/memory.classpath")"
flags="${DATAPLANE_JVM-$(sed '/^\s*#/d' "$module/jvm.options" | tr '\n' ' ')}"
exec java -Dlogback.configurationFile="$module/src/test/resources/logback-test.xml" -Ddataplane.jvm="$flags" \
    -cp "$cp" dev.faultline.dataplane.memory.IdleConnectionHeap "$jar" "$connections"
