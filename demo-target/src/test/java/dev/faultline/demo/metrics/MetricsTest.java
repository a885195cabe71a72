package dev.faultline.demo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsTest {

    private final Metrics metrics = new Metrics();

    @Test
    void shouldRenderCountersWithLabelsInPrometheusText() {
        Counter requests = metrics.counter("demo_requests_total", "requests", "path", "status");
        requests.inc("/products/{id}", "200");
        requests.inc("/products/{id}", "200");
        requests.inc("/orders", "503");

        assertThat(metrics.scrape()).contains(
                "# TYPE demo_requests_total counter\n",
                "demo_requests_total{path=\"/products/{id}\",status=\"200\"} 2\n",
                "demo_requests_total{path=\"/orders\",status=\"503\"} 1\n");
    }

    @Test
    void shouldRenderCumulativeHistogramBuckets() {
        Histogram latency = metrics.histogram("demo_latency_seconds", "latency", new double[] {0.1, 1.0}, "path");
        latency.observe(0.05, "/a");
        latency.observe(0.5, "/a");
        latency.observe(1.2, "/a");

        assertThat(metrics.scrape()).contains(
                "demo_latency_seconds_bucket{path=\"/a\",le=\"0.1\"} 1\n",
                "demo_latency_seconds_bucket{path=\"/a\",le=\"1\"} 2\n",
                "demo_latency_seconds_bucket{path=\"/a\",le=\"+Inf\"} 3\n",
                "demo_latency_seconds_count{path=\"/a\"} 3\n",
                "demo_latency_seconds_sum{path=\"/a\"} 1.75\n");
    }

    @Test
    void shouldEscapeLabelValues() {
        metrics.counter("demo_total", "x", "reason").inc("say \"hi\"\n");

        assertThat(metrics.scrape()).contains("demo_total{reason=\"say \\\"hi\\\"\\n\"} 1");
    }

    @Test
    void shouldRefuseTheWrongNumberOfLabelValues() {
        Counter counter = metrics.counter("demo_total", "x", "a");

        assertThatThrownBy(() -> counter.inc("1", "2")).isInstanceOf(IllegalArgumentException.class);
    }
}
