package dev.faultline.analysis.bench;

import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.EvidenceReference;
import dev.faultline.schemas.avro.EvidenceReferenceKind;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.avro.StopReason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The events one injection sends analysis-service, shaped as injector-service publishes them: its hypothesis and
 * {@code InjectionStarted}, one {@code EvidenceCaptured} per second (the injector's {@code batch-millis}, 1000)
 * holding every sample its probes took in that second, then {@code InjectionStopped} counting the batches.
 * <p>
 * The probe load is {@link #PROBES}: four HTTP probes at 200–250 ms and a METRIC and a LOG probe every second, so a
 * batch holds 20 samples ({@link #SAMPLES_PER_SECOND}); the demo experiment's storefront template publishes 9 (reads
 * every 200 ms, orders every 500 ms, a metric and a log). Another batch size cycles through the same probes.
 */
final class InjectorLoad {

    /** A probe of the load: its id, what it reads, and how often (ms). */
    record Probe(String id, String kind, long intervalMillis) {
    }

    static final List<Probe> PROBES = List.of(new Probe("product-reads", "HTTP", 200),
            new Probe("order-writes", "HTTP", 250), new Probe("cart-reads", "HTTP", 200),
            new Probe("search", "HTTP", 250), new Probe("stale-prices", "METRIC", 1000),
            new Probe("errors", "LOG", 1000));

    static final int SAMPLES_PER_SECOND = PROBES.stream().mapToInt(p -> (int) (1000 / p.intervalMillis())).sum();

    /** One sample slot per probe answer of a second, in the order they are taken. */
    private static final List<Probe> SECOND = second();

    final String experimentId;
    final UUID injectionId = UUID.randomUUID();
    final int batches;
    private final Instant t0;

    InjectorLoad(String experimentId, int batches, Instant t0) {
        this.experimentId = experimentId;
        this.batches = batches;
        this.t0 = t0;
    }

    HypothesisDrafted hypothesis() {
        return Fixtures.drafted(experimentId, 1, Fixtures.hypothesis(Fixtures.examplePredictions()));
    }

    /** Deadline far enough away that the lost-injector watchdog never fires during a run. */
    InjectionStarted started() {
        return Fixtures.started(experimentId, injectionId, 1, t0, Instant.now().plusSeconds(3600L + batches));
    }

    InjectionStopped stopped() {
        return Fixtures.stopped(experimentId, injectionId, StopReason.COMPLETED, t0, t0.plusSeconds(batches),
                (long) batches);
    }

    /** Batch {@code sequence}: the second {@code sequence} of the injection, {@code samples} samples. */
    EvidenceCaptured batch(long sequence, int samples) {
        Instant second = t0.plusSeconds(sequence);
        List<ProbeSample> taken = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            Probe probe = SECOND.get(s % SECOND.size());
            taken.add(sample(probe, second.plusMillis(s * 1000L / samples), s));
        }
        return EvidenceCaptured.newBuilder()
                .setHeader(EventHeaders.first(experimentId, Actors.service("injector-service"), Clock.systemUTC()))
                .setInjectionId(injectionId).setSequence(sequence).setPhase(ExperimentPhase.DURING).setSamples(taken)
                .setReferences(references(second)).build();
    }

    private static ProbeSample sample(Probe probe, Instant at, int s) {
        ProbeSample.Builder sample = ProbeSample.newBuilder().setProbeId(probe.id()).setComponent("storefront")
                .setAt(at).setError(null).setValue(null).setStatus(null).setHeaders(List.of());
        return switch (probe.kind()) {
            case "METRIC" -> sample.setLatencyMillis(4).setOk(true).setValue(0.2 * (s % 7)).build();
            case "LOG" -> sample.setLatencyMillis(1).setOk(true).setValue((double) (s % 3)).build();
            default -> {
                boolean ok = s % 10 != 0;
                yield sample.setLatencyMillis(3 + s % 50 + (s % 17 == 0 ? 1200 : 0)).setOk(ok).setStatus(ok ? 200 : 503)
                        .setHeaders(ok ? List.of("content-type") : List.of("retry-after", "content-type"))
                        .setError(ok ? null : "HTTP 503").build();
            }
        };
    }

    /** As EvidenceReferences makes them: a trace per HTTP probe, the metric series scraped, the log window read. */
    private static List<EvidenceReference> references(Instant second) {
        List<EvidenceReference> references = new ArrayList<>();
        for (Probe probe : PROBES) {
            String window = " from " + second + " to " + second.plusMillis(1000 - probe.intervalMillis());
            references.add(switch (probe.kind()) {
                case "METRIC" -> reference(EvidenceReferenceKind.METRIC, "http://127.0.0.1:18080/metrics", probe.id()
                        + ": rate of storefront_cache_lookups_total{result=\"stale\"}; in this batch: 1 scrapes" + window);
                case "LOG" -> reference(EvidenceReferenceKind.LOG, "file:///var/log/storefront.log",
                        probe.id() + ": lines with level ERROR; in this batch: written" + window);
                default -> reference(EvidenceReferenceKind.TRACE, "trace:" + UUID.randomUUID().toString().replace("-", ""),
                        probe.id() + ": one of its requests; in this batch: " + 1000 / probe.intervalMillis()
                                + " requests" + window);
            });
        }
        return references;
    }

    private static EvidenceReference reference(EvidenceReferenceKind kind, String uri, String description) {
        return EvidenceReference.newBuilder().setKind(kind).setUri(uri).setDescription(description).build();
    }

    private static List<Probe> second() {
        List<Probe> slots = new ArrayList<>();
        for (long at = 0; at < 1000; at += 50) {
            for (Probe probe : PROBES) {
                if (at % probe.intervalMillis() == 0) {
                    slots.add(probe);
                }
            }
        }
        return List.copyOf(slots);
    }
}
