package dev.faultline.safety.norm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.probe.PromQlClient;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.safety.baseline.BaselineSampler;
import dev.faultline.safety.baseline.ProbeMeasurements;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.Probe;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.support.FakePrometheus;
import dev.faultline.safety.support.InMemoryProbeHistory;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.TargetServer;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HISTORICAL_NORM on a real local HTTP target (sent 3 times now) against weeks of samples at the same hour of the
 * week, and on METRIC probes whose past comes from Prometheus' range-query JSON served by a local HTTP server.
 */
class HistoricalNormCheckTest {

    /** Thursday 12:20 UTC: the norm is Thursday 12:00–12:59 of past weeks. */
    private static final Instant NOW = Instant.parse("2026-11-26T12:20:00Z");
    private static final Instant HOUR = Instant.parse("2026-11-26T12:00:00Z");
    private static final ProbeKey READS = new ProbeKey(Environment.PRODUCTION, "storefront", "reads");

    private final TargetServer target = new TargetServer();
    private final FakePrometheus prometheus = new FakePrometheus();
    private final InMemoryProbeHistory history = new InMemoryProbeHistory();
    private final HttpProbeClient client = new HttpProbeClient(HttpClientSpans.disabled());
    private final HistoricalNormCheck norms = new HistoricalNormCheck(history, new PrometheusHistory(client),
            new PromQlClient(client), new NormSettings(Duration.ofMinutes(1),
            Duration.ofDays(35), 4, 0.1, 0.9, 1.0, 0.1, 30, 0.05, Duration.ofMinutes(1), null));

    @AfterEach
    void stop() {
        target.close();
        prometheus.close();
    }

    /** HISTORICAL_NORM as one preflight runs it at {@link #NOW}, an HTTP probe sent 3 times. */
    private CheckResult check(Plan plan) throws InterruptedException {
        return norms.check(plan, NOW, new ProbeMeasurements(new BaselineSampler(3, 0)));
    }

    private Plan plan(Probe... probes) {
        return Plans.plan(Environment.PRODUCTION, 0.1, List.of(probes));
    }

    private Probe reads() {
        return Plans.get("reads", target.url("/products/sku-1"));
    }

    private Probe metric(String query) {
        return new Probe("lookups", "METRIC", prometheus.url(), "GET", 1000, Map.of(), null,
                Map.of("source", "prometheus", "query", query));
    }

    @Test
    void shouldBlockWhenTheMedianLatencyNowIsBeyondTheBandAndGiveTheNumbers() throws Exception {
        history.weeksOf(READS, HOUR, 4, List.of(2.0, 3.0, 4.0, 5.0, 6.0), true);
        target.answerAfter(150);

        CheckResult result = check(plan(reads()));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).startsWith("reads: median latency ")
                .contains("ms now vs median 4, p10–p90 2–6 ms over 240 samples from 4 weeks at Thu 12:00 UTC")
                .contains("above p90 6 + tolerance 4 = 10 ms");
        assertThat(result.details()).containsEntry("reads.norm.medianMillis", "4.0")
                .containsEntry("reads.norm.bandMillis", "2.0-6.0").containsEntry("reads.norm.limitMillis", "10.0")
                .containsEntry("reads.norm.samples", "240").containsEntry("reads.norm.weeks", "4")
                .containsEntry("hourOfWeek", "Thu 12:00 UTC").doesNotContainKey(HistoricalNormCheck.NO_HISTORY);
        assertThat(Double.parseDouble(result.details().get("reads.now.medianMillis"))).isGreaterThanOrEqualTo(150);
    }

    @Test
    void shouldPassWithinTheBandSayingWhereTheValueStands() throws Exception {
        history.weeksOf(READS, HOUR, 2, List.of(1.0, 50.0, 100.0, 200.0, 400.0), true);

        CheckResult result = check(plan(reads()));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.reason()).contains("reads: error rate 0.00 now vs 0.00 at Thu 12:00 UTC in past weeks")
                .contains("over 120 samples from 2 weeks at Thu 12:00 UTC: within p10–p90");
    }

    @Test
    void shouldBlockWhenErrorsRiseAboveTheHistorysShareAtThisHour() throws Exception {
        history.weeksOf(READS, HOUR, 4, List.of(2.0, 3.0), true);
        target.answer(503);

        CheckResult result = check(plan(reads()));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("reads: error rate 1.00 now vs 0.00 at Thu 12:00 UTC in past weeks"
                + " (+ margin 0.05 = 0.05)");
    }

    @Test
    void shouldWidenToTheNeighbourHoursAndSayWhenThereIsNoHistoryYet() throws Exception {
        history.record(READS, new ProbeHistory.Sample(HOUR.minus(Duration.ofDays(7)).minusSeconds(60), 3, true));
        history.record(READS, new ProbeHistory.Sample(HOUR.minusSeconds(60), 3, true));  // today: not a past week

        CheckResult result = check(plan(reads()));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.reason()).isEqualTo("no history for probe reads at Thu 12:00 UTC: 1 sample in the past 4"
                + " weeks (that hour and the hours either side), needs 30");
        assertThat(result.details()).containsEntry(HistoricalNormCheck.NO_HISTORY, "reads")
                .containsEntry("reads.norm", "no history");
    }

    @Test
    void shouldCompareAMetricNowWithItsRangeQueriesOfPastWeeksOnEitherSide() throws Exception {
        prometheus.answerNow(112);
        CheckResult within = check(plan(metric("sum(rate(lookups_total[1m]))")));

        assertThat(within.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(within.reason()).isEqualTo("lookups: 112 now vs median 109, p10–p90 101–118 over 240 samples"
                + " from 4 weeks at Thu 12:00 UTC: within p10–p90 ± 17");
        assertThat(prometheus.rangeQueries()).hasSize(4).first().asString()
                .contains("query=sum%28rate%28lookups_total%5B1m%5D%29%29")
                // last week's Thursday 11:00 to 13:59, every minute
                .contains("start=1795086000&end=1795096740&step=60");

        prometheus.answerNow(60);
        CheckResult below = check(plan(metric("sum(rate(lookups_total[1m]))")));

        assertThat(below.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(below.reason()).isEqualTo("lookups: 60 now vs median 109, p10–p90 101–118 over 240 samples"
                + " from 4 weeks at Thu 12:00 UTC: below p10 101 − tolerance 17 = 84");
        assertThat(below.details()).containsEntry("lookups.now", "60").containsEntry("lookups.norm.limit", "84");
    }

    @Test
    void shouldCountAPrometheusThatDoesNotAnswerAsNoHistory() throws Exception {
        Probe gone = new Probe("lookups", "METRIC", "http://127.0.0.1:1", "GET", 1000, Map.of(), null,
                Map.of("source", "prometheus", "query", "up"));

        CheckResult result = check(plan(gone));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.reason()).startsWith("no history for probe lookups at Thu 12:00 UTC: Prometheus at"
                + " http://127.0.0.1:1 did not answer the range query up");
        assertThat(result.details()).containsEntry(HistoricalNormCheck.NO_HISTORY, "lookups");
    }
}
