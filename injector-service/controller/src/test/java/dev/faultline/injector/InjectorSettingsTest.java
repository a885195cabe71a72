package dev.faultline.injector;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo defaults of application.yml and their overrides, read the way the service reads them. */
class InjectorSettingsTest {

    private static InjectorSettings settings(Map<String, Object> overrides) {
        try (ApplicationContext context = ApplicationContext.builder().properties(overrides).build()) {
            Environment env = context.getEnvironment().start();
            return new InjectorSettings(env, env.getRequiredProperty("faultline.injector.group-id", String.class),
                    env.getRequiredProperty("faultline.injector.controller-id", String.class),
                    env.getRequiredProperty("faultline.injector.dataplane-url", String.class),
                    env.getRequiredProperty("faultline.injector.lease-ttl-millis", Long.class),
                    env.getRequiredProperty("faultline.injector.lease-renew-millis", Long.class),
                    env.getRequiredProperty("faultline.injector.before-millis", Long.class),
                    env.getRequiredProperty("faultline.injector.after-millis", Long.class),
                    env.getRequiredProperty("faultline.injector.batch-millis", Long.class),
                    env.getRequiredProperty("faultline.injector.guardrail-interval-millis", Long.class),
                    env.getRequiredProperty("faultline.injector.plan-wait-millis", Long.class),
                    env.getRequiredProperty("faultline.injector.max-clearance-age-millis", Long.class));
        }
    }

    @Test
    void shouldReadTheDemoDefaults() {
        InjectorSettings settings = settings(Map.of());
        assertThat(settings.dataPlaneUrl()).isEqualTo("http://127.0.0.1:8474");
        assertThat(settings.proxyFor("pricing")).contains("pricing");
        assertThat(settings.proxyFor("inventory")).isEmpty();
        assertThat(settings.httpProxyFor("pricing")).isEmpty();
        assertThat(settings.maxClearanceAge()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.timings()).isEqualTo(new Timings(Duration.ofMillis(3000), Duration.ofMillis(1000),
                Duration.ofMillis(5000), Duration.ofMillis(3000), Duration.ofMillis(1000), Duration.ofMillis(100)));
    }

    @Test
    void shouldTakeOverriddenProxies() {
        InjectorSettings settings = settings(Map.of("faultline.injector.proxies.inventory", "inv",
                "faultline.injector.http-proxies.pricing", "pricing-http"));
        assertThat(settings.proxyFor("inventory")).contains("inv");
        assertThat(settings.proxyFor("pricing")).contains("pricing");
        assertThat(settings.httpProxyFor("pricing")).contains("pricing-http");
    }
}
