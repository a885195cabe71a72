#!/usr/bin/env bash
# Start time and resident memory (VmRSS) of each devstack part.
#   scripts/devstack-stats.sh [runs]      (default: 3 runs of each form)
# 1. `faultline devstack --exit-after-start` (DevStackMain): Kafka and Cassandra in their own JVMs,
#    the schema registry inside the main JVM;
# 2. the in-process form the tests use: Kafka broker and registry inside one JVM (EmbeddedKafka,
#    SchemaRegistryServer), Cassandra in its child JVM.
# All ports are free ones, so it runs beside anything already listening on 9092/8081/9042.
# The machine's load average is printed too: on a shared 2-core machine it moves every figure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-3}"

mvn -B -q -o -pl devstack-cassandra,devstack install -DskipTests >&2 \
  || mvn -B -q -pl devstack-cassandra,devstack install -DskipTests >&2
CPFILE="$(mktemp)"
WORK="$(mktemp -d)"
trap 'rm -rf "$CPFILE" "$WORK"' EXIT
mvn -B -q -o -pl devstack dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$CPFILE" >&2
CP="devstack/target/classes:$(cat "$CPFILE")"
LOGBACK="-Dlogback.configurationFile=dev/faultline/devstack/devstack-logback.xml"
FREE_PORTS=(--kafka-port 0 --kafka-controller-port 0 --registry-port 0 --cassandra-port 0 --cassandra-storage-port 0)

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "== 1. faultline devstack --exit-after-start (own processes)"
for i in $(seq "$RUNS"); do
  echo "-- run $i"
  java "$LOGBACK" -cp "$CP" dev.faultline.devstack.DevStackMain --exit-after-start "${FREE_PORTS[@]}" \
    | grep -E '^(kafka|registry|cassandra|devstack up)'
done

cat > "$WORK/InProcessStats.java" <<'JAVA'
import dev.faultline.devstack.cassandra.CassandraNode;
import dev.faultline.devstack.kafka.EmbeddedKafka;
import dev.faultline.devstack.process.ProcessStats;
import dev.faultline.devstack.registry.SchemaRegistryServer;
import dev.faultline.devstack.support.WorkDirs;
import java.nio.file.Path;

public class InProcessStats {
    public static void main(String[] args) {
        Path dir = WorkDirs.fresh("faultline-stats-");
        long base = rss();
        long t = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        double kafkaS = seconds(t);
        long afterKafka = rss();
        t = System.nanoTime();
        SchemaRegistryServer registry = SchemaRegistryServer.start(kafka.bootstrapServers(), 0);
        double registryS = seconds(t);
        long afterRegistry = rss();
        t = System.nanoTime();
        CassandraNode cassandra = CassandraNode.start(dir.resolve("cassandra"));
        double cassandraS = seconds(t);
        System.out.printf("kafka      in-process   started in %4.1f s  JVM rss %d -> %d MB (+%d)%n",
                kafkaS, base, afterKafka, afterKafka - base);
        System.out.printf("registry   in-process   started in %4.1f s  JVM rss %d -> %d MB (+%d)%n",
                registryS, afterKafka, afterRegistry, afterRegistry - afterKafka);
        System.out.printf("cassandra  child JVM    started in %4.1f s  rss %s%n",
                cassandraS, ProcessStats.megabytes(cassandra.rssBytes()));
        t = System.nanoTime();
        cassandra.requestStop();
        registry.close();
        kafka.close();
        cassandra.close();
        System.out.printf("stopped    all          in %4.1f s%n", seconds(t));
        WorkDirs.deleteRecursively(dir);
    }

    private static long rss() {
        return ProcessStats.selfRssBytes().orElse(0) / (1024 * 1024);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
JAVA
echo "== 2. in-process form (DevStack.shared() in tests)"
for i in $(seq "$RUNS"); do
  echo "-- run $i"
  java "$LOGBACK" -cp "$CP" "$WORK/InProcessStats.java" | grep -E '^(kafka|registry|cassandra|stopped)'
done
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
