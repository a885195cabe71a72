package dev.faultline.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventMetrics metrics = new EventMetrics(registry);

    @Test
    void shouldCountConsumedAndPublishedEventsPerTopicAndType() {
        metrics.consumed("faultline.hypotheses", "PlanApproved");
        metrics.consumed("faultline.hypotheses", "PlanApproved");
        metrics.consumed("faultline.hypotheses", "HypothesisDrafted");
        metrics.published("faultline.safety", "PreflightPassed");

        assertThat(count(EventMetrics.CONSUMED, "faultline.hypotheses", "type", "PlanApproved")).isEqualTo(2.0);
        assertThat(count(EventMetrics.CONSUMED, "faultline.hypotheses", "type", "HypothesisDrafted")).isEqualTo(1.0);
        assertThat(count(EventMetrics.PUBLISHED, "faultline.safety", "type", "PreflightPassed")).isEqualTo(1.0);
    }

    @Test
    void shouldCountDeadLettersByReasonAndNameAnUnreadableRecordsTypeUnknown() {
        metrics.deadLettered("faultline.injections", "unreadable");
        metrics.consumed("faultline.injections", null);

        assertThat(count(EventMetrics.DEAD_LETTERED, "faultline.injections", "reason", "unreadable")).isEqualTo(1.0);
        assertThat(count(EventMetrics.CONSUMED, "faultline.injections", "type", "unknown")).isEqualTo(1.0);
    }

    @Test
    void shouldTimeHandlers() {
        metrics.handled("faultline.evidence", "EvidenceCaptured", Duration.ofMillis(40));
        metrics.handled("faultline.evidence", "EvidenceCaptured", Duration.ofMillis(60));

        Timer timer = registry.get(EventMetrics.HANDLED).tags("topic", "faultline.evidence", "type", "EvidenceCaptured").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100.0);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(60.0);
    }

    @Test
    void shouldBeScrapedUnderPrometheusNamesWithTheServiceTag() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        prometheus.config().meterFilter(MeterFilter.commonTags(Tags.of("service", "safety-service")));
        EventMetrics onPrometheus = new EventMetrics(prometheus);
        onPrometheus.consumed("faultline.hypotheses", "PlanApproved");
        onPrometheus.published("faultline.safety", "PreflightBlocked");
        onPrometheus.deadLettered("faultline.hypotheses", "invalid");
        onPrometheus.handled("faultline.hypotheses", "PlanApproved", Duration.ofMillis(5));

        assertThat(prometheus.scrape()).contains(
                "faultline_events_consumed_total{service=\"safety-service\",topic=\"faultline.hypotheses\",type=\"PlanApproved\"} 1",
                "faultline_events_published_total{service=\"safety-service\",topic=\"faultline.safety\",type=\"PreflightBlocked\"} 1",
                "faultline_events_dead_lettered_total{reason=\"invalid\",service=\"safety-service\",topic=\"faultline.hypotheses\"} 1",
                "faultline_events_handled_seconds_count{service=\"safety-service\",topic=\"faultline.hypotheses\",type=\"PlanApproved\"} 1",
                "faultline_events_handled_seconds_bucket{");
    }

    private double count(String name, String topic, String key, String value) {
        return registry.get(name).tags("topic", topic, key, value).counter().count();
    }
}
