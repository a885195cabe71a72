package dev.faultline.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parser on real exposition text: what the Prometheus client library (through Micrometer's registry) writes
 * for counters, gauges (NaN too) and histograms with labels, and the format document's own example.
 */
class ExpositionTest {

    /** The example of the Prometheus text format document: escapes, timestamps, +Inf, a histogram. */
    static final String FORMAT_EXAMPLE = """
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000

            # Escaping in label values:
            msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9

            # Minimalistic line:
            metric_without_timestamp_and_labels 12.47

            # A weird metric from before the epoch:
            something_weird{problem="division by zero"} +Inf -3982045

            # A histogram, which has a pretty complex representation in the text format:
            # HELP http_request_duration_seconds A histogram of the request duration.
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{le="0.05"} 24054
            http_request_duration_seconds_bucket{le="0.1"} 33444
            http_request_duration_seconds_bucket{le="0.2"} 100392
            http_request_duration_seconds_bucket{le="0.5"} 129389
            http_request_duration_seconds_bucket{le="1"} 133988
            http_request_duration_seconds_bucket{le="+Inf"} 144320
            http_request_duration_seconds_sum 53423
            http_request_duration_seconds_count 144320
            """;

    @Test
    void shouldReadTheFormatDocumentsExample() {
        Exposition exposition = Exposition.parse(FORMAT_EXAMPLE);

        assertThat(exposition.series("http_requests_total", Map.of("code", "400"))).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(3));
        assertThat(exposition.series("http_requests_total", Map.of("method", "post"))).hasSize(2);
        assertThat(exposition.series("msdos_file_access_time_seconds", Map.of())).singleElement().satisfies(s -> {
            assertThat(s.labels().get("path")).isEqualTo("C:\\DIR\\FILE.TXT");
            assertThat(s.labels().get("error")).isEqualTo("Cannot find file:\n\"FILE.TXT\"");
            assertThat(s.value()).isEqualTo(1.458255915e9);
        });
        assertThat(exposition.series("metric_without_timestamp_and_labels", Map.of()).get(0).value()).isEqualTo(12.47);
        assertThat(exposition.series("something_weird", Map.of()).get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(exposition.series("http_request_duration_seconds_bucket", Map.of("le", "+Inf")).get(0).value())
                .isEqualTo(144320);
        assertThat(exposition.typeOf("http_request_duration_seconds")).contains("histogram");
        assertThat(exposition.typeOf("http_requests_total")).contains("counter");
    }

    @Test
    void shouldReadWhatThePrometheusClientWritesForCountersGaugesAndHistograms() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("pricing.fallbacks").tag("reason", "timeout").register(registry).increment(7);
        Counter.builder("pricing.fallbacks").tag("reason", "error").register(registry).increment(2);
        Gauge.builder("cache.size", () -> 42).register(registry);
        Gauge.builder("cache.ratio", () -> Double.NaN).register(registry);
        Timer timer = Timer.builder("reads").publishPercentileHistogram().serviceLevelObjectives(
                Duration.ofMillis(100), Duration.ofMillis(500)).register(registry);
        timer.record(Duration.ofMillis(50));
        timer.record(Duration.ofMillis(300));

        Exposition exposition = Exposition.parse(registry.scrape());

        assertThat(exposition.series("pricing_fallbacks_total", Map.of("reason", "timeout")).get(0).value()).isEqualTo(7);
        assertThat(exposition.series("pricing_fallbacks_total", Map.of())).hasSize(2);
        assertThat(exposition.series("cache_size", Map.of()).get(0).value()).isEqualTo(42);
        assertThat(exposition.series("cache_ratio", Map.of()).get(0).value()).isNaN();
        assertThat(exposition.series("reads_seconds_bucket", Map.of("le", "+Inf")).get(0).value()).isEqualTo(2);
        assertThat(exposition.typeOf("reads_seconds")).contains("histogram");
    }

    @Test
    void shouldNameTheLineAndTheProblemOfBadText() {
        assertThatThrownBy(() -> Exposition.parse("ok 1\nbroken{le=\"0.1\" 3\n"))
                .hasMessageContaining("line 2").hasMessageContaining("expected ',' or '}'");
        assertThatThrownBy(() -> Exposition.parse("a_metric one")).hasMessageContaining("line 1: 'one' is not a number");
        assertThatThrownBy(() -> Exposition.parse("{x=\"1\"} 3")).hasMessageContaining("expected a metric name");
    }
}
