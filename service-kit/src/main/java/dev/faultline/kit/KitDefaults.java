package dev.faultline.kit;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.PropertySource;
import java.util.Map;

/**
 * Settings every service shares, as the lowest-priority property source of each application context: a service's
 * {@code application.yml}, system properties and environment variables still override them. Kept here, not repeated in
 * five {@code application.yml} files (only one {@code application.yml} on the classpath is read).
 * <ul>
 *   <li>{@code /health} shows each indicator's status and details to anyone (it carries no secrets);</li>
 *   <li>{@code /metrics} is the Prometheus scrape path ({@link dev.faultline.kit.metrics.MetricsController}), so
 *       micronaut-micrometer's JSON {@code metrics} endpoint and its {@code /prometheus} endpoint are off;</li>
 *   <li>micronaut-kafka's client metrics (consumer lag among them) are bound to Micrometer;</li>
 *   <li>micronaut-kafka's own Kafka health indicator is off: {@link dev.faultline.kit.health.KafkaHealth} reports
 *       Kafka under the same name, with a short deadline and a cached answer.</li>
 * </ul>
 */
@ContextConfigurer
public final class KitDefaults implements ApplicationContextConfigurer {

    /** Below {@code application.yml} ({@link AbstractPropertySourceLoader#DEFAULT_POSITION}). */
    static final int ORDER = AbstractPropertySourceLoader.DEFAULT_POSITION - 100;

    static final Map<String, Object> SETTINGS = Map.of(
            "endpoints.health.details-visible", "ANONYMOUS",
            "endpoints.metrics.enabled", false,
            "endpoints.prometheus.enabled", false,
            "micronaut.metrics.binders.kafka.enabled", true,
            "kafka.health.enabled", false);

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of("faultline-kit-defaults", SETTINGS, ORDER));
    }
}
