package dev.faultline.safety.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faultline.kit.probe.ProbeAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final Optional<Baseline> NORM = Optional.of(new Baseline("storefront", "reads", 0.0, 20, 10, T0));

    /** Ten answered samples, {@code errors} of them 503, the slowest at {@code p95} ms (the nearest-rank p95 of ten). */
    private static ProbeMeasurement measured(int errors, double p95) {
        List<ProbeAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(ProbeAnswer.answered(T0, i == 9 ? p95 : Math.min(1, p95), i < errors ? 503 : 200, List.of()));
        }
        return new ProbeMeasurement("reads", answers, Map.of());
    }

    @Test
    void shouldRecordTheFirstMeasurementAsBaseline() {
        BaselineComparison.Result result = BaselineComparison.compare(measured(0, 12), Optional.empty());
        assertThat(result.healthy()).isTrue();
        assertThat(result.firstBaseline()).isTrue();
        assertThat(result.reason()).contains("no baseline yet");
        assertThat(BaselineComparison.updated("storefront", Optional.empty(), measured(0, 12), T0).p95Millis()).isEqualTo(12);
    }

    @Test
    void shouldNotRecordAFailingTargetAsTheFirstBaseline() {
        BaselineComparison.Result result = BaselineComparison.compare(measured(3, 12), Optional.empty());
        assertThat(result.healthy()).isFalse();
        assertThat(result.reason()).contains("not recorded");
    }

    @Test
    void shouldPassWithinTheNorm() {
        assertThat(BaselineComparison.compare(measured(0, 150), NORM).healthy()).isTrue();
    }

    @Test
    void shouldFailAnErrorRateAboveNormPlusFivePercent() {
        BaselineComparison.Result result = BaselineComparison.compare(measured(1, 10), NORM);
        assertThat(result.healthy()).isFalse();
        assertThat(result.reason()).contains("error rate 0.10").contains("above the baseline error rate");
    }

    @Test
    void shouldFailAP95AboveThreeTimesNormPlus100Ms() {
        assertThat(BaselineComparison.compare(measured(0, 160), NORM).healthy()).isTrue();
        BaselineComparison.Result result = BaselineComparison.compare(measured(0, 161), NORM);
        assertThat(result.healthy()).isFalse();
        assertThat(result.reason()).contains("= 160 ms");
    }

    @Test
    void shouldFailAnUnreachableProbeEvenWithoutBaseline() {
        ProbeMeasurement down = new ProbeMeasurement("reads",
                List.of(ProbeAnswer.unanswered(T0, 2, "ConnectException"), ProbeAnswer.unanswered(T0, 1, "ConnectException")),
                Map.of());
        assertThat(BaselineComparison.compare(down, Optional.empty()).healthy()).isFalse();
        assertThat(BaselineComparison.compare(down, NORM).reason()).contains("unreachable");
    }

    @Test
    void shouldMoveTheNormSlowly() {
        Baseline updated = BaselineComparison.updated("storefront", NORM, measured(0, 120), T0.plusSeconds(60));
        assertThat(updated.p95Millis()).isCloseTo(50, within(0.001));
        assertThat(updated.samples()).isEqualTo(20);
    }

    @Test
    void shouldMeasureWithTheSharedMeaningOfSuccessAndP95() {
        ProbeMeasurement mixed = new ProbeMeasurement("reads", List.of(ProbeAnswer.answered(T0, 5, 200, List.of()),
                ProbeAnswer.answered(T0, 7, 302, List.of()), ProbeAnswer.answered(T0, 9, 404, List.of()),
                ProbeAnswer.unanswered(T0, 3000, "HttpTimeoutException: request timed out")), Map.of());
        assertThat(mixed.errorRate()).isEqualTo(0.5); // 404 and no answer fail, 2xx and 3xx succeed
        assertThat(mixed.p95Millis()).isEqualTo(3000); // the timeout is the latency the user saw
        assertThat(mixed.isUnreachable()).isFalse();
        assertThat(mixed.lastProblem()).isEqualTo("HttpTimeoutException: request timed out");
        ProbeMeasurement none = new ProbeMeasurement("reads", List.of(), Map.of());
        assertThat(none.errorRate()).isEqualTo(1.0);
        assertThat(none.p95Millis()).isZero();
        assertThat(none.isUnreachable()).isTrue();
    }
}
