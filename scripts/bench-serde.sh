#!/usr/bin/env bash
# Serde throughput (records/s) with JMH: serialize and deserialize a HypothesisDrafted and an EvidenceCaptured
# batch of 20 samples through FaultlineAvroSerializer/Deserializer (registry answers cached after the first).
#
#   scripts/bench-serde.sh                                 # 1 fork, 3 x 2 s warm-up, 5 x 3 s measurement (~2 min)
#   scripts/bench-serde.sh -f 2 -wi 3 -w 2s -i 5 -r 3s     # JMH options given replace those defaults
#
# Results: the JMH table on stdout, and schemas/target/bench-serde.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
classpath_file="$root/schemas/target/bench.classpath"
build() {
  mvn -B -q "$@" -pl schemas test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -DincludeScope=test
}
build -o 2>/dev/null || build   # offline when everything is already downloaded
jmh_options=("$@")
if [ ${#jmh_options[@]} -eq 0 ]; then
  jmh_options=(-f 1 -wi 3 -w 2s -i 5 -r 3s)
fi
java -Xss1m \
  -cp "$root/schemas/target/test-classes:$root/schemas/target/classes:$(cat "$classpath_file")" \
  org.openjdk.jmh.Main 'dev.faultline.schemas.bench.SerdeBenchmark' \
  "${jmh_options[@]}" -rf csv -rff "$root/schemas/target/bench-serde.csv"
echo
echo "records/s (mean ± 99.9% error), $(nproc) cores:"
awk -F, 'NR > 1 { gsub(/"/, ""); sub(/.*\./, "", $1); printf "  %-32s %12.0f ± %.0f\n", $1, $5, $6 }' \
  "$root/schemas/target/bench-serde.csv"
