package dev.faultline.injector.guardrail;

import static dev.faultline.injector.Fixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.injector.Fixtures;
import dev.faultline.injector.probe.Sample;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardrailEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Long enough that the tests of the statistic never see a probe fall silent. */
    private static final Duration NEVER_BLIND = Duration.ofHours(1);

    private final GuardrailEvaluator evaluator = evaluator(Fixtures.errorRateGuardrail("reads", 3000, 1000), NEVER_BLIND);

    private static GuardrailEvaluator evaluator(Guardrail guardrail, Duration maxSilence) {
        return new GuardrailEvaluator(List.of(GuardrailRule.of(guardrail, maxSilence)), T0);
    }

    /** One sample every 200 ms from {@code fromMillis} to {@code toMillis}, ok or failing. */
    private static void add(List<Sample> samples, long fromMillis, long toMillis, boolean ok) {
        for (long t = fromMillis; t < toMillis; t += 200) {
            samples.add(sample("reads", T0.plusMillis(t), 10, ok));
        }
    }

    @Test
    void shouldNotTripWhileTheBreachHasNotLastedSustainMillis() {
        List<Sample> samples = new ArrayList<>();
        add(samples, 0, 1000, true);
        add(samples, 1000, 3000, false);
        assertThat(evaluator.evaluate(samples, T0.plusMillis(2600))).isEmpty(); // 8 of 13 failing: condition true since now
        assertThat(evaluator.evaluate(samples, T0.plusMillis(3000))).isEmpty(); // 400 ms < 1000 ms
    }

    @Test
    void shouldTripOnceTheBreachHasLastedSustainMillis() {
        List<Sample> samples = new ArrayList<>();
        add(samples, 0, 1000, true);
        add(samples, 1000, 4000, false);
        assertThat(evaluator.evaluate(samples, T0.plusMillis(2600))).isEmpty();
        Breach breach = evaluator.evaluate(samples, T0.plusMillis(3600)).orElseThrow();
        assertThat(breach.rule().id()).isEqualTo("reads-failing");
        assertThat(breach.conditionSince()).isEqualTo(T0.plusMillis(2600));
        assertThat(breach.detectedAt()).isEqualTo(T0.plusMillis(3600));
        assertThat(breach.observed()).isGreaterThan(0.5);
    }

    @Test
    void shouldResetTheStreakWhenTheConditionStopsHolding() {
        List<Sample> samples = new ArrayList<>();
        add(samples, 0, 1000, false);
        assertThat(evaluator.evaluate(samples, T0.plusMillis(1000))).isEmpty();
        add(samples, 1000, 5000, true);
        assertThat(evaluator.evaluate(samples, T0.plusMillis(1800))).isEmpty(); // 5 of 10 failing: not above 0.5, streak reset
        assertThat(evaluator.evaluate(samples, T0.plusMillis(4000))).isEmpty(); // 0 of 15 failing: streak reset
        add(samples, 5000, 9000, false);
        assertThat(evaluator.evaluate(samples, T0.plusMillis(7000))).isEmpty(); // streak starts again here
        assertThat(evaluator.evaluate(samples, T0.plusMillis(8000))).isPresent();
    }

    @Test
    void shouldIgnoreOtherProbesAndEmptyWindows() {
        List<Sample> samples = new ArrayList<>();
        for (long t = 0; t < 5000; t += 100) {
            samples.add(sample("orders", T0.plusMillis(t), 10, false));
        }
        assertThat(evaluator.evaluate(samples, T0.plusMillis(3000))).isEmpty();
        assertThat(evaluator.evaluate(samples, T0.plusMillis(5000))).isEmpty();
    }

    @Test
    void shouldTripAtOnceWithoutSustain() {
        GuardrailEvaluator immediate = evaluator(Fixtures.errorRateGuardrail("reads", 1000, 0), NEVER_BLIND);
        List<Sample> samples = new ArrayList<>();
        add(samples, 0, 1000, false);
        assertThat(immediate.evaluate(samples, T0.plusMillis(1000))).isPresent();
    }

    private static GuardrailEvaluator immediately(Statistic statistic, String header, ComparisonOperator comparator,
                                                  double threshold) {
        return evaluator(Guardrail.newBuilder().setGuardrailId("g")
                .setDescription("test").setProbeId("reads").setStatistic(statistic).setStatus(null).setHeader(header)
                .setComparator(comparator).setThreshold(threshold).setUnit(MeasureUnit.RATIO)
                .setEvaluationWindowMillis(1000).setSustainMillis(0).build(), NEVER_BLIND);
    }

    @Test
    void shouldTripAThroughputGuardrailWhenNothingArrivesInTheWindow() {
        GuardrailEvaluator starved = immediately(Statistic.THROUGHPUT, null, ComparisonOperator.LESS_THAN, 1);
        assertThat(starved.evaluate(List.of(), T0.plusMillis(5000)).orElseThrow().observed()).isZero();
    }

    @Test
    void shouldFindAResponseHeaderRecordedWithItsValue() {
        GuardrailEvaluator missing = immediately(Statistic.HEADER_PRESENT_SHARE, "Retry-After",
                ComparisonOperator.LESS_THAN, 0.5);
        List<Sample> withValue = List.of(new Sample("reads", "storefront", T0, 5, 503, false, List.of("retry-after: 5"), null));
        assertThat(missing.evaluate(withValue, T0.plusMillis(10))).isEmpty();
    }

    @Test
    void shouldTreatRoundingNoiseAtTheThresholdAsEqual() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(sample("reads", T0.plusMillis(i * 100L), 10, i >= 3)); // 3 of 10 failing
        }
        // at 910 ms every answer is in (the last one sent at 900 ms)
        assertThat(immediately(Statistic.ERROR_RATE, null, ComparisonOperator.EQUAL, 0.1 + 0.2)
                .evaluate(samples, T0.plusMillis(910))).isPresent(); // 0.3 EQUAL 0.30000000000000004
        assertThat(immediately(Statistic.ERROR_RATE, null, ComparisonOperator.GREATER_THAN, 0.1 + 0.2)
                .evaluate(samples, T0.plusMillis(910))).isEmpty();
    }

    @Test
    void shouldBreachAsBlindOnceTheProbeHasBeenSilentForMaxSilence() {
        GuardrailEvaluator watched = evaluator(Fixtures.errorRateGuardrail("reads", 1000, 0), Duration.ofSeconds(5));
        List<Sample> samples = new ArrayList<>();
        add(samples, 0, 1000, true); // the last one sent at 800 ms, answered at 810 ms

        assertThat(watched.evaluate(samples, T0.plusMillis(5809))).isEmpty();
        Breach blind = watched.evaluate(samples, T0.plusMillis(5810)).orElseThrow();
        assertThat(blind.what()).isEqualTo("running blind: no sample from reads for 5.0 s");
        assertThat(blind.observed()).isNull();
        assertThat(blind.conditionSince()).isEqualTo(T0.plusMillis(810));
        assertThat(blind.detectedAt()).isEqualTo(T0.plusMillis(5810));
    }

    @Test
    void shouldCountSilenceFromTheStartOfTheWatchWhenTheProbeNeverAnswered() {
        GuardrailEvaluator watched = evaluator(Fixtures.errorRateGuardrail("reads", 1000, 0), Duration.ofSeconds(5));
        List<Sample> others = List.of(sample("orders", T0.plusMillis(4000), 10, true));

        assertThat(watched.evaluate(others, T0.plusMillis(4999))).isEmpty();
        assertThat(watched.evaluate(others, T0.plusMillis(5000))).hasValueSatisfying(b -> assertThat(b.what())
                .isEqualTo("running blind: no sample from reads for 5.0 s"));
    }

    @Test
    void shouldHearASampleWhenItsAnswerArrivesNotWhenItsRequestWentOut() {
        GuardrailEvaluator watched = evaluator(Fixtures.errorRateGuardrail("reads", 10_000, 0), Duration.ofSeconds(5));
        List<Sample> slow = List.of(sample("reads", T0.plusMillis(1000), 3000, true)); // answered at 4000 ms

        assertThat(watched.evaluate(slow, T0.plusMillis(8999))).isEmpty();
        assertThat(watched.evaluate(slow, T0.plusMillis(9000))).isPresent();
    }

    @Test
    void shouldTripOnRequestsThatHangForLongerThanTheWindow() {
        // every request to a hanging dependency times out after 5 s; the guardrail looks at the last 2 s. Windowed by
        // when requests went out, the window would only ever hold requests still in flight (no sample yet) and the
        // guardrail would never trip, while the steady timeouts keep the probe from being silent: it must count the
        // timeouts when they fire
        GuardrailEvaluator watched = evaluator(Fixtures.errorRateGuardrail("reads", 2000, 1000), Duration.ofSeconds(6));
        List<Sample> sent = new ArrayList<>();
        for (long t = 0; t < 20_000; t += 200) {
            sent.add(new Sample("reads", "storefront", T0.plusMillis(t), 5000, null, false, List.of(),
                    "request timed out"));
        }

        Breach breach = null;
        for (long now = 0; breach == null && now <= 20_000; now += 100) {
            Instant at = T0.plusMillis(now);
            // as in a run, a sample exists once its answer (here: its timeout) has come back
            List<Sample> arrived = sent.stream().filter(s -> !s.at().plusMillis(5000).isAfter(at)).toList();
            breach = watched.evaluate(arrived, at).orElse(null);
        }

        assertThat(breach).as("a guardrail breach while every request hangs").isNotNull();
        assertThat(breach.observed()).isEqualTo(1.0);
        assertThat(breach.conditionSince()).as("from the first timeout").isEqualTo(T0.plusMillis(5000));
        assertThat(breach.detectedAt()).isEqualTo(T0.plusMillis(6000));
    }

    @Test
    void shouldCountASampleInTheWindowItsAnswerArrivedIn() {
        GuardrailEvaluator immediate = evaluator(Fixtures.errorRateGuardrail("reads", 1000, 0), NEVER_BLIND);
        List<Sample> samples = List.of(sample("reads", T0.plusMillis(500), 800, false), // answered at 1300 ms
                sample("reads", T0.plusMillis(1800), 300, true)); // answered at 2100 ms

        // [1000, 2000]: the failure sent before the window is in it; the success sent in it is not back yet
        assertThat(immediate.evaluate(samples, T0.plusMillis(2000))).hasValueSatisfying(b ->
                assertThat(b.observed()).isEqualTo(1.0));
        assertThat(immediate.evaluate(samples, T0.plusMillis(2100))).isEmpty(); // [1100, 2100]: 1 of 2 failing
        assertThat(immediate.evaluate(samples, T0.plusMillis(2301))).isEmpty(); // [1301, 2301]: 0 of 1 failing
    }
}
