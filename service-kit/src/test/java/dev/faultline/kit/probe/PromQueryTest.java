package dev.faultline.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromQueryTest {

    private static final Instant AT = Instant.parse("2026-12-05T10:00:00.250Z");

    @Test
    void shouldAskAnInstantQueryAtTheSamplesTime() {
        PromQuery query = PromQuery.of(Map.of("source", "prometheus",
                "query", "rate(storefront_cache_lookups_total{result=\"stale\"}[5s])"));

        assertThat(query.isRange()).isFalse();
        assertThat(query.url("http://prometheus:9090/", AT)).isEqualTo("http://prometheus:9090/api/v1/query?query="
                + "rate%28storefront_cache_lookups_total%7Bresult%3D%22stale%22%7D%5B5s%5D%29&time=1796464800.250");
        assertThat(query.reference("http://prometheus:9090")).isEqualTo("http://prometheus:9090/api/v1/query?query="
                + "rate%28storefront_cache_lookups_total%7Bresult%3D%22stale%22%7D%5B5s%5D%29");
        assertThat(query.describe()).isEqualTo(
                "PromQL rate(storefront_cache_lookups_total{result=\"stale\"}[5s]) (instant query; series summed)");
    }

    @Test
    void shouldAskARangeQueryEndingAtTheSamplesTime() {
        PromQuery query = PromQuery.of(Map.of("source", "prometheus", "query", "sum(up)", "range", "1m30s",
                "step", "15s"));
        PromQuery defaultStep = PromQuery.of(Map.of("source", "prometheus", "query", "up", "range", "30"));

        assertThat(query.range()).isEqualTo(Duration.ofSeconds(90));
        assertThat(query.url("http://prometheus:9090", AT)).isEqualTo("http://prometheus:9090/api/v1/query_range"
                + "?query=sum%28up%29&step=15&start=1796464710.250&end=1796464800.250");
        assertThat(query.describe()).contains("over the last 90 s every 15 s", "mean of its steps");
        assertThat(defaultStep.step()).as("a tenth of the range").isEqualTo(Duration.ofSeconds(3));
        assertThat(PromQuery.of(Map.of("query", "up", "range", "500ms")).step()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void shouldRefuseWhatPrometheusCouldNotAnswerNamingTheParameter() {
        assertThatThrownBy(() -> PromQuery.of(Map.of("source", "prometheus")))
                .hasMessage("query: a METRIC probe with source=prometheus needs a PromQL query");
        assertThatThrownBy(() -> PromQuery.of(Map.of("query", "up", "metric", "up")))
                .hasMessageStartingWith("metric: belongs to the scrape form");
        assertThatThrownBy(() -> PromQuery.of(Map.of("query", "up", "step", "1s")))
                .hasMessageStartingWith("step: only a range query has a step");
        assertThatThrownBy(() -> PromQuery.of(Map.of("query", "up", "range", "5 minutes")))
                .hasMessageStartingWith("range: '5 minutes' is not a duration");
        assertThatThrownBy(() -> PromQuery.of(Map.of("query", "up", "range", "0s")))
                .hasMessageStartingWith("range: '0s' is not a duration");
        assertThatThrownBy(() -> PromQuery.of(Map.of("query", "up", "range", "10s", "step", "1m")))
                .hasMessageStartingWith("step: 60 s must be more than zero and at most the range 10s");
        assertThatThrownBy(() -> PromQuery.of(Map.of("query", "up", "range", "1d", "step", "1s")))
                .hasMessageContaining("more than 11000 points");
    }

    @Test
    void shouldTellTheSourceFromTheParameters() {
        assertThat(MetricSource.of(Map.of("metric", "up"))).isEqualTo(MetricSource.SCRAPE);
        assertThat(MetricSource.of(Map.of("source", "scrape", "metric", "up"))).isEqualTo(MetricSource.SCRAPE);
        assertThat(MetricSource.of(Map.of("source", "Prometheus", "query", "up"))).isEqualTo(MetricSource.PROMETHEUS);
        assertThatThrownBy(() -> MetricSource.of(Map.of("source", "graphite")))
                .hasMessage("source: 'graphite' is not one of scrape, prometheus");
        assertThatThrownBy(() -> MetricSource.of(Map.of("query", "up")))
                .hasMessageStartingWith("query: belongs to a PromQL query, which needs source=prometheus");
    }
}
