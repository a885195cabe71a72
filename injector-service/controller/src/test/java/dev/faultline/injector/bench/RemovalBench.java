package dev.faultline.injector.bench;

import dev.faultline.agent.client.AgentClient;
import dev.faultline.injector.bench.RemovalCase.Observation;
import dev.faultline.injector.fault.DataPlaneClient;
import dev.faultline.injector.fault.Fault;
import dev.faultline.injector.fault.FaultKinds;
import dev.faultline.injector.fault.record.KafkaCluster;
import dev.faultline.injector.fault.Lease;
import dev.faultline.injector.it.TestTarget;
import dev.faultline.schemas.avro.FaultType;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The time from a fault's stop to its verified removal, per fault family, over real sockets: a real data plane
 * (in-process, its management API over HTTP) with an L4 proxy {@code pricing} and an L7 proxy {@code pricing-http} in
 * front of an HTTP server. Each trial plans the fault as the injector does ({@link FaultKinds}), applies it under a
 * 3 s lease, observes requests through it, then stops it — {@link Fault#remove()}: the lease holder released, the
 * place's faults and the holder's leases listed, nothing of it left — and times that call; requests after it must be
 * untouched (how many were not is printed with the effect). Given a Kafka bootstrap address as its second argument,
 * it also measures MALFORMED_RECORD ({@link KafkaRecordsCase}). Prints, per fault, what was configured, the effect measured while applied, and p50/p99/max of stop →
 * verified removal. Run by {@code scripts/bench-removal.sh [trials]}; a new family is one {@link RemovalCase} in
 * {@link #cases}.
 */
public final class RemovalBench {

    private static final int WARMUP = 2;
    private static final int AFTER = 5;

    private RemovalBench() {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String kafka = args.length > 1 ? args[1] : null;
        List<String> rows = new ArrayList<>();
        try (TestTarget target = new TestTarget("pricing")) {
            List<RemovalCase> cases = new ArrayList<>(cases(target));
            if (kafka != null) {
                cases.add(new KafkaRecordsCase(kafka));
            }
            try {
                List<Results> results = cases.stream().map(c -> new Results()).toList();
                // rounds: every case once per round, so that warm-up and bursts of load hit all of them alike
                for (int round = 0; round < WARMUP + trials; round++) {
                    for (int i = 0; i < cases.size(); i++) {
                        trial(cases.get(i), round, round >= WARMUP ? results.get(i) : new Results());
                    }
                }
                for (int i = 0; i < cases.size(); i++) {
                    rows.add(results.get(i).row(cases.get(i)));
                }
            } finally {
                cases.forEach(RemovalCase::close);
            }
        }
        print(trials, rows);
    }

    /** The fault families measured; add a family (an agent's host fault, a Kafka record fault) here. */
    static List<RemovalCase> cases(TestTarget target) {
        FaultKinds kinds = new FaultKinds(FaultKinds.builtIn(new DataPlaneClient(target.dataPlaneUrl(), JsonMapper.createDefault()),
                url -> new AgentClient(URI.create(url), "faultline-bench-agent-token"),
                KafkaCluster.unauthenticated("127.0.0.1:9092")));
        String l4 = target.url("/prices/sku-1");
        String l7 = target.httpUrl("/prices/sku-1");
        return List.of(
                new DataPlaneCase("L4 toxic: latency", "NETWORK_LATENCY 100 ms upstream, toxicity 1.0, L4 proxy 'pricing'",
                        kinds, FaultType.NETWORK_LATENCY, 1.0, Map.of("latencyMillis", "100"), l4, 10,
                        (answer, millis) -> millis >= 90, DataPlaneCase.latency()),
                new DataPlaneCase("L7 rule: respond 503", "HTTP_ERROR_STATUS 503, share 0.5, L7 proxy 'pricing-http'",
                        kinds, FaultType.HTTP_ERROR_STATUS, 0.5, Map.of("status", "503"), l7, 20,
                        (answer, millis) -> answer.statusCode() == 503, DataPlaneCase.share(0.5, "answered 503")),
                new DataPlaneCase("L7 rule: delay", "HTTP_DELAY 100 ms, share 0.5, L7 proxy 'pricing-http'",
                        kinds, FaultType.HTTP_DELAY, 0.5, Map.of("latencyMillis", "100"), l7, 20,
                        (answer, millis) -> millis >= 90, DataPlaneCase.share(0.5, "held >= 90 ms")),
                new DataPlaneCase("L7 rule: corrupt body", "MALFORMED_BODY every byte inverted, share 0.5, L7 proxy 'pricing-http'",
                        kinds, FaultType.MALFORMED_BODY, 0.5, Map.of("flipEvery", "1"), l7, 20,
                        (answer, millis) -> !answer.body().equals("{\"price\":10}"), DataPlaneCase.share(0.5, "body unreadable")));
    }

    private static void trial(RemovalCase removal, int round, Results results) {
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Fault fault = removal.plan(prefix, new Lease("bench:" + prefix, Duration.ofSeconds(3)));
        fault.apply();
        for (int i = 0; i < removal.observationsPerTrial(); i++) {
            results.during.add(removal.observe());
        }
        long stop = System.nanoTime();
        boolean verified = fault.remove();
        results.stopToVerified.add((System.nanoTime() - stop) / 1e6);
        if (!verified) {
            throw new IllegalStateException(removal.name() + ", round " + round + ": " + fault.where()
                    + " does not confirm the removal");
        }
        removal.removed();
        for (int i = 0; i < AFTER; i++) {
            results.after.add(removal.observe());
        }
    }

    /** One case's measurements over its trials. */
    private static final class Results {
        final List<Double> stopToVerified = new ArrayList<>();
        final List<Observation> during = new ArrayList<>();
        final List<Observation> after = new ArrayList<>();

        String row(RemovalCase removal) {
            List<Double> sorted = new ArrayList<>(stopToVerified);
            Collections.sort(sorted);
            return String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f |", removal.name(), removal.configured(),
                    removal.effect(during, after), rank(sorted, 0.50), rank(sorted, 0.99), sorted.get(sorted.size() - 1));
        }
    }

    private static double rank(List<Double> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    @SuppressWarnings("java:S106") // a benchmark's report goes to stdout
    private static void print(int trials, List<String> rows) {
        System.out.printf(Locale.ROOT, "stop -> verified removal over %d trials each (+%d warm-up rounds), milliseconds;"
                + " p50/p99 by nearest rank (under 100 trials p99 is the maximum)%n%n", trials, WARMUP);
        System.out.println("| fault | configured | measured effect while applied | p50 | p99 | max |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }
}
