package dev.faultline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code faultline.catalog.*} keys: the class's defaults, application.yml's demo values and overrides. */
class CatalogSettingsTest {

    private static CatalogSettings bind(Map<String, Object> properties) {
        return SettingsBinding.bind(CatalogSettings.class, properties);
    }

    @Test
    void shouldDefaultToTheStatedStreamsSettingsAndNoExpectations() {
        CatalogSettings settings = bind(Map.of());

        assertThat(settings.applicationId()).isEqualTo("faultline-catalog");
        assertThat(settings.stateDir())
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "faultline-catalog-state").toString());
        assertThat(settings.commitIntervalMs()).isEqualTo(200);
        assertThat(settings.staleAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.expected()).isEmpty();
    }

    @Test
    void shouldReadTheDemoExpectationsOfApplicationYml() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.enabled", false,
                "micronaut.health.monitor.enabled", false))) {
            assertThat(context.getBean(CatalogSettings.class).expected()).containsExactly(
                    Map.entry("storefront", List.of("NETWORK_BLACKHOLE", "NETWORK_LATENCY", "HTTP_ERROR_STATUS")));
        }
    }

    @Test
    void shouldTakeEveryKeyFromConfiguration() {
        CatalogSettings settings = bind(Map.of("faultline.catalog.application-id", "catalog-it",
                "faultline.catalog.state-dir", "/tmp/catalog-it",
                "faultline.catalog.commit-interval-ms", 50,
                "faultline.catalog.stale-after", "7d",
                "faultline.catalog.expected.demo-target", List.of("NETWORK_LATENCY"),
                "faultline.catalog.expected.orderService", List.of("HTTP_ERROR_STATUS")));

        assertThat(settings.applicationId()).isEqualTo("catalog-it");
        assertThat(settings.stateDir()).isEqualTo("/tmp/catalog-it");
        assertThat(settings.commitIntervalMs()).isEqualTo(50);
        assertThat(settings.staleAfter()).isEqualTo(Duration.ofDays(7));
        // service names come out hyphenated, as they always have
        assertThat(settings.expected()).containsOnly(Map.entry("demo-target", List.of("NETWORK_LATENCY")),
                Map.entry("order-service", List.of("HTTP_ERROR_STATUS")));
    }

    @Test
    void shouldRefuseAStaleAfterThatWouldMarkEveryEntryStale() {
        assertThatThrownBy(() -> bind(Map.of("faultline.catalog.stale-after", "0s")))
                .hasStackTraceContaining("faultline.catalog.stale-after must be positive");
    }
}
