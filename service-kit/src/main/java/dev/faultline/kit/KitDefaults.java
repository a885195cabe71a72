package dev.faultline.kit;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.PropertySource;
import dev.faultline.kit.security.SecuritySettings;
import java.util.List;
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
 *   <li>micronaut-micrometer's logging registry is off: it wrote every meter to the log once a minute (some thousand
 *       lines a service), which Prometheus already scrapes;</li>
 *   <li>micronaut-kafka's own Kafka health indicator is off: {@link dev.faultline.kit.health.KafkaHealth} reports
 *       Kafka under the same name, with a short deadline and a cached answer;</li>
 *   <li>every endpoint but {@code /health} and {@code /metrics} (probes and Prometheus scrape) needs a bearer JWT,
 *       validated against the JWKS, issuer, audience and roles claim of
 *       {@link dev.faultline.kit.security.SecuritySettings} ({@code faultline.security.*}); a controller checks the
 *       role a write needs ({@link dev.faultline.kit.security.Roles}).</li>
 * </ul>
 */
@ContextConfigurer
public final class KitDefaults implements ApplicationContextConfigurer {

    /** Below {@code application.yml} ({@link AbstractPropertySourceLoader#DEFAULT_POSITION}). */
    static final int ORDER = AbstractPropertySourceLoader.DEFAULT_POSITION - 100;

    static final Map<String, Object> SETTINGS = Map.ofEntries(
            Map.entry("endpoints.health.details-visible", "ANONYMOUS"),
            Map.entry("endpoints.metrics.enabled", false),
            Map.entry("endpoints.prometheus.enabled", false),
            Map.entry("micronaut.metrics.binders.kafka.enabled", true),
            Map.entry("micronaut.metrics.export.logging.enabled", false),
            Map.entry("kafka.health.enabled", false),
            Map.entry("micronaut.security.authentication", "bearer"),
            Map.entry("micronaut.security.token.jwt.signatures.jwks.faultline.url",
                    "${faultline.security.jwks-url:" + SecuritySettings.LOCAL_ISSUER + "/.well-known/jwks.json}"),
            Map.entry("micronaut.security.token.jwt.claims-validators.issuer",
                    "${faultline.security.issuer:" + SecuritySettings.LOCAL_ISSUER + "}"),
            Map.entry("micronaut.security.token.jwt.claims-validators.audience", "${faultline.security.audience:faultline}"),
            Map.entry("micronaut.security.token.roles-name", "${faultline.security.roles-claim:roles}"),
            Map.entry("micronaut.security.intercept-url-map", List.of(
                    access("/health", "isAnonymous()"), access("/health/**", "isAnonymous()"),
                    access("/metrics", "isAnonymous()"), access("/**", "isAuthenticated()"))));

    private static Map<String, Object> access(String pattern, String rule) {
        return Map.of("pattern", pattern, "access", List.of(rule));
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of("faultline-kit-defaults", SETTINGS, ORDER));
    }
}
