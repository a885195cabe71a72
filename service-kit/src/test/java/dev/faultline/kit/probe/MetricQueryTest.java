package dev.faultline.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricQueryTest {

    private static Exposition scrape(double timeouts, double errors) {
        return Exposition.parse("""
                # TYPE fallbacks_total counter
                fallbacks_total{reason="timeout"} %s
                fallbacks_total{reason="error"} %s
                """.formatted(timeouts, errors));
    }

    private static Exposition histogram(long le01, long le05, long le1, long inf) {
        return Exposition.parse("""
                # TYPE latency_seconds histogram
                latency_seconds_bucket{le="0.1"} %d
                latency_seconds_bucket{le="0.5"} %d
                latency_seconds_bucket{le="1.0"} %d
                latency_seconds_bucket{le="+Inf"} %d
                """.formatted(le01, le05, le1, inf));
    }

    @Test
    void shouldSumTheMatchingSeriesNow() {
        MetricQuery all = MetricQuery.of(Map.of("metric", "fallbacks_total"));
        MetricQuery timeouts = MetricQuery.of(Map.of("metric", "fallbacks_total", "labels", "reason=\"timeout\""));

        assertThat(all.value(all.read(scrape(5, 2)), null, Duration.ZERO)).hasValue(7);
        assertThat(timeouts.value(timeouts.read(scrape(5, 2)), null, Duration.ZERO)).hasValue(5);
    }

    @Test
    void shouldTurnACounterIntoARatePerSecondAndCountAResetFromZero() {
        MetricQuery rate = MetricQuery.of(Map.of("metric", "fallbacks_total", "aggregate", "rate"));
        MetricQuery.Reading first = rate.read(scrape(10, 0));

        assertThat(rate.value(first, null, Duration.ZERO)).as("a rate needs two scrapes").isEmpty();
        assertThat(rate.value(rate.read(scrape(30, 0)), first, Duration.ofSeconds(2))).hasValue(10);
        assertThat(rate.value(rate.read(scrape(4, 0)), first, Duration.ofSeconds(2))).as("reset").hasValue(2);
    }

    @Test
    void shouldInterpolateAQuantileOfTheObservationsSinceThePreviousScrape() {
        MetricQuery p90 = MetricQuery.of(Map.of("metric", "latency_seconds", "aggregate", "quantile", "quantile", "0.9"));
        MetricQuery.Reading before = p90.read(histogram(100, 100, 100, 100));
        // since then: 10 observations, 5 in (0.1, 0.5], 5 in (0.5, 1.0]
        MetricQuery.Reading now = p90.read(histogram(100, 105, 110, 110));

        assertThat(p90.value(now, before, Duration.ofSeconds(1)).getAsDouble()).isCloseTo(0.9, offset(1e-9));
        assertThat(p90.value(before, before, Duration.ofSeconds(1))).as("nothing observed").isEmpty();
        MetricQuery.Reading tail = p90.read(histogram(100, 100, 100, 120));
        assertThat(p90.value(tail, before, Duration.ofSeconds(1))).as("all above the last bound").hasValue(1.0);
    }

    @Test
    void shouldSayWhichSeriesIsAbsentAndRefuseBadParameters() {
        MetricQuery missing = MetricQuery.of(Map.of("metric", "fallbacks_total", "labels", "reason=overload"));

        assertThatThrownBy(() -> missing.read(scrape(1, 1)))
                .hasMessage("fallbacks_total{reason=\"overload\"} is absent");
        assertThatThrownBy(() -> MetricQuery.of(Map.of())).hasMessageContaining("metric:");
        assertThatThrownBy(() -> MetricQuery.of(Map.of("metric", "m", "aggregate", "median")))
                .hasMessageContaining("aggregate: 'median'");
        assertThatThrownBy(() -> MetricQuery.of(Map.of("metric", "m", "quantile", "1.5")))
                .hasMessageContaining("quantile:");
        assertThatThrownBy(() -> MetricQuery.of(Map.of("metric", "m", "labels", "oops")))
                .hasMessageContaining("labels: 'oops'");
    }

    @Test
    void shouldReadACounterThatHasNotCountedYetAsZero() {
        Exposition before = Exposition.parse("# TYPE lookups_total counter\nlookups_total{result=\"hit\"} 7\n");
        Exposition after = Exposition.parse("# TYPE lookups_total counter\nlookups_total{result=\"hit\"} 7\n"
                + "lookups_total{result=\"stale\"} 6\n");
        MetricQuery stale = MetricQuery.of(Map.of("metric", "lookups_total", "labels", "result=stale", "aggregate", "rate"));
        MetricQuery staleNow = MetricQuery.of(Map.of("metric", "lookups_total", "labels", "result=stale"));

        assertThat(stale.value(stale.read(after), stale.read(before), Duration.ofSeconds(3))).hasValue(2);
        assertThat(stale.declared(before)).isTrue();
        assertThatThrownBy(() -> staleNow.read(before)).as("a value needs the series").hasMessageContaining("is absent");
        assertThatThrownBy(() -> MetricQuery.of(Map.of("metric", "evictions_total", "aggregate", "rate")).read(before))
                .hasMessage("evictions_total is absent");
    }
}
