package dev.faultline.analysis.bench;

import static org.awaitility.Awaitility.await;

import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.support.WorkDirs;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.metrics.EventMetrics;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Evidence ingest throughput: probe samples per second from the injector's evidence events to analysis-service's
 * store. A real devstack (Kafka, registry, Cassandra) and a real analysis-service context; {@code experiments}
 * injections publish {@code batches} EvidenceCaptured each, of {@code samples} probe samples (the shape the
 * injector publishes: one batch per second and phase with every probe's samples), from as many publisher threads
 * as experiments (acks=all, idempotent, as the injector's publisher). The time runs from the first publish to the
 * moment analysis-service has stored the last batch (its {@code faultline_events_handled} count for
 * faultline.evidence). Run by {@code scripts/bench-evidence.sh}; prints samples/s and batches/s.
 */
public final class EvidenceIngestBench {

    private EvidenceIngestBench() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the context's threads must not keep a failed run alive
        }
    }

    private static void run(String[] args) throws Exception {
        int experiments = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (DevStack stack = DevStack.start(WorkDirs.fresh("faultline-bench-"))) {
            Map<String, Object> props = ServiceProperties.forDevStack(stack, "bench_" + run);
            props.put("faultline.analysis.group-id", "bench-" + run);
            try (ApplicationContext analysis = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
                 EventPublisher publisher = EventPublisher.standalone(new KafkaSettings(stack.kafkaBootstrapServers(),
                         stack.schemaRegistryUrl(), "injector-service"))) {
                MeterRegistry meters = analysis.getBean(MeterRegistry.class);
                List<List<EvidenceCaptured>> work = new ArrayList<>();
                for (int e = 0; e < experiments; e++) {
                    work.add(batches("exp-bench-" + run + "-" + e, batches, samples));
                }
                publisher.publish(work.get(0).get(0)); // warm the producer, the registry subject and the listener
                awaitStored(meters, 1, Duration.ofSeconds(60));

                long total = (long) experiments * batches;
                ExecutorService threads = Executors.newFixedThreadPool(experiments);
                long start = System.nanoTime();
                List<CompletableFuture<Void>> publishing = work.stream().map(list -> CompletableFuture.runAsync(
                        () -> list.forEach(publisher::publish), threads)).toList();
                CompletableFuture.allOf(publishing.toArray(CompletableFuture[]::new)).join();
                double published = (System.nanoTime() - start) / 1e9;
                awaitStored(meters, total + 1, Duration.ofMinutes(10));
                double stored = (System.nanoTime() - start) / 1e9;
                threads.shutdown();
                long totalSamples = total * samples;
                System.out.printf("evidence ingest: %d experiments × %d batches × %d samples = %,d samples%n",
                        experiments, batches, samples, totalSamples);
                System.out.printf("  published in %.2f s (%,.0f samples/s), stored by analysis-service in %.2f s:"
                        + " %,.0f samples/s, %,.0f batches/s%n", published, totalSamples / published, stored,
                        totalSamples / stored, total / stored);
                System.out.printf("  stored batches of one experiment read back: %d%n",
                        analysis.getBean(EvidenceRecords.class).evidence("exp-bench-" + run + "-0").size());
            }
        }
    }

    private static List<EvidenceCaptured> batches(String experimentId, int batches, int samples) {
        UUID injection = UUID.randomUUID();
        Instant t0 = Instant.now();
        List<EvidenceCaptured> list = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<ProbeSample> batch = new ArrayList<>(samples);
            for (int s = 0; s < samples; s++) {
                boolean ok = s % 10 != 0;
                batch.add(ProbeSample.newBuilder().setProbeId(s % 2 == 0 ? "product-reads" : "order-writes")
                        .setComponent("storefront").setAt(t0.plusMillis(b * 1000L + s)).setLatencyMillis(3 + s % 50)
                        .setStatus(ok ? 200 : 503).setOk(ok).setHeaders(ok ? List.of("content-type") : List.of("retry-after"))
                        .setError(null).setValue(null).build());
            }
            list.add(EvidenceCaptured.newBuilder()
                    .setHeader(EventHeaders.first(experimentId, Actors.service("injector-service"), Clock.systemUTC()))
                    .setInjectionId(injection).setSequence(b).setPhase(ExperimentPhase.DURING).setSamples(batch)
                    .setReferences(List.of()).build());
        }
        return list;
    }

    private static void awaitStored(MeterRegistry meters, long count, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(20))
                .alias(count + " batches stored").until(() -> handled(meters) >= count);
    }

    private static long handled(MeterRegistry meters) {
        return meters.find(EventMetrics.HANDLED).tag("topic", Topics.Names.EVIDENCE).timers().stream()
                .mapToLong(Timer::count).sum();
    }
}
