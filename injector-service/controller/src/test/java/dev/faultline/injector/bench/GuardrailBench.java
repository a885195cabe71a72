package dev.faultline.injector.bench;

import dev.faultline.injector.Fixtures;
import dev.faultline.injector.Timings;
import dev.faultline.injector.fault.DataPlaneClient;
import dev.faultline.injector.it.TestTarget;
import dev.faultline.injector.guardrail.GuardrailEvaluator;
import dev.faultline.injector.guardrail.GuardrailRule;
import dev.faultline.injector.probe.HttpProber;
import dev.faultline.injector.probe.Prober;
import dev.faultline.injector.probe.Sample;
import dev.faultline.injector.run.InjectionEvents;
import dev.faultline.injector.run.InjectionRun;
import dev.faultline.injector.run.RunMetrics;
import dev.faultline.injector.run.Refusal;
import dev.faultline.injector.run.RunOutcome;
import dev.faultline.injector.run.RunRequest;
import dev.faultline.injector.run.RunStore;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.StopReason;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Measures the time from a guardrail's first breaching sample to the fault being gone, over real sockets: an
 * in-process data plane, an HTTP target behind its L4 proxy, HTTP probes every 50 ms, and the real injection
 * lifecycle (Kafka left out). Each trial applies a {@code reset_peer} fault, so the probes start failing at once; the
 * guardrail (error rate > 0.5 over 1 s, no sustain) trips. The first breaching sample is found afterwards by replaying
 * the samples the run published as DURING evidence, in the order their answers reached the injector (stamped as the prober handed them over)
 * through a fresh evaluator of the same guardrail; the time is taken from that arrival to the moment
 * {@code DELETE /leases/{holder}} returned and {@code GET /leases} + the proxy's toxics confirmed it gone, so
 * detection is included. Run by {@code scripts/bench-guardrail-stop.sh}; prints p50/p99/max.
 */
public final class GuardrailBench {

    private static final Timings TIMINGS = new Timings(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMillis(300),
            Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(5));

    private static final Guardrail GUARDRAIL = Fixtures.errorRateGuardrail("reads", 1000, 0);

    private GuardrailBench() {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = 2;
        List<Double> sampleToRemoved = new ArrayList<>();
        List<Double> sampleToBreach = new ArrayList<>();
        List<Double> breachToRemoved = new ArrayList<>();
        try (TestTarget target = new TestTarget("pricing")) {
            DataPlaneClient dataPlane = new DataPlaneClient(target.dataPlaneUrl(), JsonMapper.createDefault());
            HttpProber http = new HttpProber(HttpClientSpans.disabled());
            for (int i = 0; i < warmup + trials; i++) {
                List<Arrived> arrivals = new CopyOnWriteArrayList<>();
                Prober prober = (spec, experimentId) -> http.probe(spec, experimentId).thenApply(sample -> {
                    arrivals.add(new Arrived(sample, Instant.now()));
                    return sample;
                });
                DuringSamples during = new DuringSamples();
                RunOutcome outcome = trial(target, dataPlane, prober, during);
                if (outcome.reason() != StopReason.GUARDRAIL || !outcome.rollbackVerified() || !target.toxics().equals("[]")) {
                    throw new IllegalStateException("trial " + i + " did not stop on the guardrail cleanly: " + outcome);
                }
                if (i >= warmup) {
                    Instant first = firstBreachingSample(outcome.startedAt(), arrivals, during.samples);
                    sampleToRemoved.add(millis(first, outcome.removedAt()));
                    sampleToBreach.add(millis(first, outcome.breachDetectedAt()));
                    breachToRemoved.add(millis(outcome.breachDetectedAt(), outcome.removedAt()));
                }
            }
        }
        report("first breaching sample -> fault removed and verified", sampleToRemoved);
        report("  of which first breaching sample -> breach decided (detection)", sampleToBreach);
        report("  of which breach decided -> fault removed and verified", breachToRemoved);
    }

    /** One probe answer and when it reached the injector. */
    private record Arrived(Sample sample, Instant at) {
    }

    /** When the answer arrived that first made the guardrail breach, replayed in arrival order. */
    private static Instant firstBreachingSample(Instant faultApplied, List<Arrived> arrivals, Set<Sample> during) {
        GuardrailEvaluator replay = new GuardrailEvaluator(List.of(GuardrailRule.of(GUARDRAIL, Duration.ofHours(1))),
                faultApplied);
        List<Sample> heard = new ArrayList<>();
        for (Arrived a : arrivals.stream().sorted(Comparator.comparing(Arrived::at)).toList()) {
            if (during.contains(a.sample())) { // what the run's guardrails saw: the samples it tagged DURING
                heard.add(a.sample());
                if (replay.evaluate(heard, a.at()).isPresent()) {
                    return a.at();
                }
            }
        }
        throw new IllegalStateException("no sample breached the guardrail, yet the run stopped on it");
    }

    private static RunOutcome trial(TestTarget target, DataPlaneClient dataPlane, Prober prober, DuringSamples during) {
        Hypothesis hypothesis = Fixtures.hypothesis(
                Fixtures.fault(FaultType.NETWORK_RESET, FaultDirection.UPSTREAM, 30_000, Map.of()),
                List.of(Fixtures.probe("reads", target.url("/products/sku-1"), 50, 500)),
                List.of(GUARDRAIL));
        UUID injectionId = UUID.randomUUID();
        RunRequest request = new RunRequest("bench-" + injectionId, 1, injectionId, UUID.randomUUID(), Environment.STAGING,
                hypothesis, Fixtures.planned(dataPlane, hypothesis, injectionId, "bench-" + injectionId.toString().substring(0, 8)),
                EventHeaders.first("bench", Actors.tool("bench-guardrail"), Clock.systemUTC()));
        return new InjectionRun(request, prober, during, new NoStore(), RunMetrics.NONE, TIMINGS,
                Clock.systemUTC()).execute();
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1_000_000.0;
    }

    @SuppressWarnings("java:S106") // a benchmark's report goes to stdout
    private static void report(String what, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s over %d trials: p50 %.1f ms, p99 %.1f ms, max %.1f ms, min %.1f ms%n", what,
                sorted.size(), rank(sorted, 0.50), rank(sorted, 0.99), sorted.get(sorted.size() - 1), sorted.get(0));
    }

    private static double rank(List<Double> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Keeps the samples the run published as DURING evidence; Kafka is left out. */
    private static final class DuringSamples implements InjectionEvents {

        private final Set<Sample> samples = ConcurrentHashMap.newKeySet();

        @Override
        public void started(RunRequest run, Instant leaseExpiresAt, Instant deadline, boolean stopActionVerified) {
        }

        @Override
        public void evidence(RunRequest run, long sequence, ExperimentPhase phase, List<Sample> batch) {
            if (phase == ExperimentPhase.DURING) {
                samples.addAll(batch);
            }
        }

        @Override
        public void stopped(RunRequest run, RunOutcome outcome) {
        }

        @Override
        public void refused(Refusal refusal) {
        }
    }

    private static final class NoStore implements RunStore {
        @Override
        public Optional<UUID> claim(UUID clearanceId, UUID injectionId, String experimentId) {
            return Optional.empty();
        }

        @Override
        public Optional<UUID> claimedBy(UUID clearanceId) {
            return Optional.empty();
        }

        @Override
        public void recordActive(ActiveRecord record) {
        }

        @Override
        public void removeActive(UUID injectionId) {
        }

        @Override
        public void restoreActive(ActiveRecord record) {
        }

        @Override
        public List<Owned> active() {
            return List.of();
        }

        @Override
        public boolean takeOver(UUID injectionId, String from) {
            return false;
        }

        @Override
        public String owner() {
            return "bench";
        }

        @Override
        public void beat(java.time.Instant at, String member) {
        }

        @Override
        public java.util.Map<String, java.time.Instant> beats() {
            return java.util.Map.of();
        }

        @Override
        public java.util.Map<String, String> members() {
            return java.util.Map.of();
        }
    }
}
