package dev.faultline.injector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code faultline.injector.*} keys: the class's defaults, application.yml's demo values and overrides. */
class InjectorSettingsTest {

    private static final Timings DEFAULT_TIMINGS = new Timings(Duration.ofMillis(3000), Duration.ofMillis(1000),
            Duration.ofMillis(5000), Duration.ofMillis(3000), Duration.ofMillis(1000), Duration.ofMillis(100),
            Duration.ofMillis(5000));

    private static InjectorSettings bind(Map<String, Object> properties) {
        return SettingsBinding.bind(InjectorSettings.class, properties);
    }

    @Test
    void shouldDefaultToTheLocalDataPlaneAndTheStatedTimings() {
        InjectorSettings settings = bind(Map.of());

        assertThat(settings.groupId()).isEqualTo("injector-service");
        assertThat(settings.controllerId()).isEqualTo("injector-service");
        assertThat(settings.dataPlaneUrl()).isEqualTo("http://127.0.0.1:8474");
        assertThat(settings.proxyFor("pricing")).isEmpty();
        assertThat(settings.httpProxyFor("pricing")).isEmpty();
        assertThat(settings.timings()).isEqualTo(DEFAULT_TIMINGS);
        assertThat(settings.planWait()).isEqualTo(Duration.ofMillis(15_000));
        assertThat(settings.maxClearanceAge()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldReadTheDemoValuesOfApplicationYml() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.enabled", false,
                "micronaut.health.monitor.enabled", false))) {
            InjectorSettings settings = context.getBean(InjectorSettings.class);

            assertThat(settings.dataPlaneUrl()).isEqualTo("http://127.0.0.1:8474");
            assertThat(settings.proxyFor("pricing")).contains("pricing");
            assertThat(settings.proxyFor("inventory")).isEmpty();
            assertThat(settings.httpProxyFor("pricing")).isEmpty();
            assertThat(settings.timings()).isEqualTo(DEFAULT_TIMINGS);
            assertThat(settings.maxClearanceAge()).isEqualTo(Duration.ofSeconds(60));
        }
    }

    @Test
    void shouldAddProxiesToThoseOfApplicationYml() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.enabled", false,
                "micronaut.health.monitor.enabled", false, "faultline.injector.proxies.inventory", "inv",
                "faultline.injector.http-proxies.pricing", "pricing-http"))) {
            InjectorSettings settings = context.getBean(InjectorSettings.class);

            assertThat(settings.proxyFor("inventory")).contains("inv");
            assertThat(settings.proxyFor("pricing")).contains("pricing");
            assertThat(settings.httpProxyFor("pricing")).contains("pricing-http");
        }
    }

    @Test
    void shouldTakeEveryKeyFromConfiguration() {
        InjectorSettings settings = bind(Map.ofEntries(Map.entry("faultline.injector.group-id", "injector-it"),
                Map.entry("faultline.injector.controller-id", "controller-2"),
                Map.entry("faultline.injector.dataplane-url", "http://127.0.0.1:18474"),
                Map.entry("faultline.injector.proxies.inventory-db", "inv"),
                Map.entry("faultline.injector.http-proxies.pricing", "pricing-http"),
                Map.entry("faultline.injector.lease-ttl-millis", 60_000),
                Map.entry("faultline.injector.lease-renew-millis", 500),
                Map.entry("faultline.injector.before-millis", 300),
                Map.entry("faultline.injector.after-millis", 200),
                Map.entry("faultline.injector.batch-millis", 250),
                Map.entry("faultline.injector.guardrail-interval-millis", 50),
                Map.entry("faultline.injector.guardrail-max-silence-millis", 2000),
                Map.entry("faultline.injector.plan-wait-millis", 3000),
                Map.entry("faultline.injector.max-clearance-age-millis", 10_000)));

        assertThat(settings.groupId()).isEqualTo("injector-it");
        assertThat(settings.controllerId()).isEqualTo("controller-2");
        assertThat(settings.dataPlaneUrl()).isEqualTo("http://127.0.0.1:18474");
        // dependency names are kept as written, not turned into camel case
        assertThat(settings.proxyFor("inventory-db")).contains("inv");
        assertThat(settings.httpProxyFor("pricing")).contains("pricing-http");
        assertThat(settings.timings()).isEqualTo(new Timings(Duration.ofMillis(60_000), Duration.ofMillis(500),
                Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofMillis(50),
                Duration.ofMillis(2000)));
        assertThat(settings.planWait()).isEqualTo(Duration.ofMillis(3000));
        assertThat(settings.maxClearanceAge()).isEqualTo(Duration.ofMillis(10_000));
    }

    @Test
    void shouldRefuseALeaseThatWouldLapseBetweenRenewals() {
        assertThatThrownBy(() -> bind(Map.of("faultline.injector.lease-ttl-millis", 1000)))
                .hasStackTraceContaining("faultline.injector.lease-ttl-millis must be more than lease-renew-millis");
    }

    @Test
    void shouldRefuseADataPlaneUrlThatIsNoHttpUrl() {
        assertThatThrownBy(() -> bind(Map.of("faultline.injector.dataplane-url", "127.0.0.1:8474")))
                .hasStackTraceContaining("faultline.injector.dataplane-url must be an http(s) URL, was 127.0.0.1:8474");
    }
}
