package dev.faultline.safety.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.kit.probe.ProbeAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeHealthTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final double LIMIT = 0.1;

    /** Ten answered samples, {@code errors} of them 503, the slowest at {@code p95} ms (the nearest-rank p95 of ten). */
    private static ProbeMeasurement measured(int errors, double p95) {
        List<ProbeAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(ProbeAnswer.answered(T0, i == 9 ? p95 : Math.min(1, p95), i < errors ? 503 : 200, List.of()));
        }
        return new ProbeMeasurement("reads", answers, Map.of());
    }

    @Test
    void shouldPassAnErrorRateUpToTheLimitWhateverTheLatency() {
        ProbeHealth.Result result = ProbeHealth.judge(measured(1, 2500), LIMIT);
        assertThat(result.healthy()).isTrue();
        assertThat(result.reason()).isEqualTo("reads: error rate 0.10, p95 2500 ms over 10 samples;"
                + " error rate 95 % CI 0.018–0.404");
    }

    @Test
    void shouldPassAnErrorRateAboveTheLimitThatTenSamplesCannotShowIsAbove() {
        // 2 of 10: the Wilson interval 0.057–0.51 reaches below the limit 0.1 — maybe an unlucky sample
        ProbeHealth.Result result = ProbeHealth.judge(measured(2, 10), LIMIT);
        assertThat(result.healthy()).isTrue();
        assertThat(result.reason()).contains("error rate 0.20", "95 % CI 0.057–0.51",
                "not confidently above the limit 0.10", "status 503");
    }

    @Test
    void shouldFailAnErrorRateConfidentlyAboveTheLimitSayingWhatFailed() {
        ProbeHealth.Result result = ProbeHealth.judge(measured(5, 10), LIMIT);
        assertThat(result.healthy()).isFalse();
        assertThat(result.reason()).contains("error rate 0.50", "above the limit 0.10", "status 503",
                "95 % CI 0.237–0.763 lies above it");
    }

    @Test
    void shouldFailAnUnreachableProbe() {
        ProbeMeasurement down = new ProbeMeasurement("reads",
                List.of(ProbeAnswer.unanswered(T0, 2, "ConnectException"), ProbeAnswer.unanswered(T0, 1, "ConnectException")),
                Map.of());
        ProbeHealth.Result result = ProbeHealth.judge(down, LIMIT);
        assertThat(result.healthy()).isFalse();
        assertThat(result.reason()).isEqualTo("reads is unreachable (ConnectException)");
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
