package dev.faultline.safety.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final Optional<Baseline> NORM = Optional.of(new Baseline("storefront", "reads", 0.0, 20, 10, T0));

    private static ProbeMeasurement measured(int errors, double p95) {
        return new ProbeMeasurement("reads", 10, errors, 0, p95, errors > 0 ? "status 503" : null);
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
        ProbeMeasurement down = new ProbeMeasurement("reads", 10, 10, 10, 0, "ConnectException");
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
    void shouldComputeNearestRankP95() {
        assertThat(ProbeMeasurement.p95(List.of(5.0, 1.0, 2.0, 3.0, 4.0, 6.0, 7.0, 8.0, 9.0, 100.0))).isEqualTo(100.0);
        assertThat(ProbeMeasurement.p95(List.of())).isZero();
    }
}
