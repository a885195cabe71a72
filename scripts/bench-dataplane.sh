#!/usr/bin/env bash
# Benchmarks the fault data plane with no fault configured, in one run on loopback: direct, through
# Faultline's data plane (its own JVM, with the flags of injector-service/dataplane/jvm.options, as
# `./faultline dataplane` and the local stack launch it) and, optionally, through any other proxy that
# speaks Toxiproxy's API (Toxiproxy itself), in interleaved blocks. Prints p50/p99/p99.9/worst of 64-byte
# round trips and the latency each proxy adds, requests/s on 16 connections and MB/s of a 1 GiB stream as
# ratios of direct, RSS and CPU per request, the data plane's GC pauses, and the issue's targets met or missed.
#   scripts/bench-dataplane.sh                                   # two free cores (~2-3 minutes)
#   scripts/bench-dataplane.sh --one-core                        # client, upstream and data plane pinned to core 0
#   scripts/bench-dataplane.sh --other-proxy http://127.0.0.1:8474 [--other-name toxiproxy] [--other-pid PID]
#   BENCH_OPTS="-Dbench.rounds=4 -Dbench.streamBytes=268435456" scripts/bench-dataplane.sh
#   DATAPLANE_JVM="-Xmx64m" scripts/bench-dataplane.sh          # other flags for the data plane's JVM
# The other proxy is created with POST /proxies {name, listen: 127.0.0.1:0, upstream, enabled} and deleted
# after; it must run on this machine (its upstream is a loopback port). With --one-core, pin it yourself
# (taskset -c 0 toxiproxy-server); --other-pid lets the report read its RSS and CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
module=injector-service/dataplane
pin=()
opts=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --one-core) pin=(taskset -c 0) ;;
    --other-proxy) opts+=("-Dbench.otherProxy=$2"); shift ;;
    --other-name) opts+=("-Dbench.otherName=$2"); shift ;;
    --other-pid) opts+=("-Dbench.otherPid=$2"); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
# a build directory of its own, so that a build running at the same time cannot swap classes under it
build="$PWD/$module/target/bench-build"
mvn -B -o -q -pl "$module" test-compile dependency:build-classpath -Ddataplane.buildDirectory="$build" \
    -Dmdep.outputFile="$build/bench.classpath" -DincludeScope=test >/dev/null
mvn -B -o -q -pl "$module" dependency:build-classpath -Ddataplane.buildDirectory="$build" \
    -Dmdep.outputFile="$build/runtime.classpath" -DincludeScope=runtime >/dev/null
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"
opts+=("-Dbench.dataplaneClasspath=$build/classes:$(cat "$build/runtime.classpath")")
flags="${DATAPLANE_JVM-$(sed '/^\s*#/d' "$module/jvm.options" | tr '\n' ' ')}"
exec "${pin[@]}" java -Xms512m -Xmx512m -XX:+UseParallelGC "${opts[@]}" -Dbench.dataplaneJvm="$flags" \
    -Dbench.workDir="$build/bench" ${BENCH_OPTS:-} -cp "$cp" dev.faultline.dataplane.bench.DataPlaneBench
