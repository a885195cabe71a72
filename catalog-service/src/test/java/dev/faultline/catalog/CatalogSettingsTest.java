package dev.faultline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code faultline.catalog.*} keys: the class's defaults, application.yml's demo values and overrides. */
class CatalogSettingsTest {

    private static CatalogSettings bind(Map<String, Object> properties) {
        return SettingsBinding.bind(CatalogSettings.class, properties);
    }

    @Test
    void shouldDefaultToTheStatedStreamsSettings() {
        CatalogSettings settings = bind(Map.of());

        assertThat(settings.applicationId()).isEqualTo("faultline-catalog");
        assertThat(settings.stateDir())
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "faultline-catalog-state").toString());
        assertThat(settings.commitIntervalMs()).isEqualTo(200);
        assertThat(settings.staleAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.staleCheckEvery()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.applicationServer()).as("one instance").isEmpty();
    }

    @Test
    void shouldTakeTheAddressOtherInstancesReachThisOneAtAsHostAndPort() {
        assertThat(bind(Map.of("faultline.catalog.application-server", "catalog-2:8105")).applicationServer())
                .contains("catalog-2:8105");
        assertThatThrownBy(() -> bind(Map.of("faultline.catalog.application-server", "catalog-2")))
                .hasStackTraceContaining("faultline.catalog.application-server must be host:port, was 'catalog-2'");
        assertThatThrownBy(() -> bind(Map.of("faultline.catalog.application-server", "catalog-2:http")))
                .hasStackTraceContaining("must be host:port");
    }

    @Test
    void shouldReadApplicationYml() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.enabled", false,
                "micronaut.health.monitor.enabled", false))) {
            CatalogSettings settings = context.getBean(CatalogSettings.class);
            assertThat(settings.staleAfter()).isEqualTo(Duration.ofDays(30));
            assertThat(settings.staleCheckEvery()).isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void shouldTakeEveryKeyFromConfiguration() {
        CatalogSettings settings = bind(Map.of("faultline.catalog.application-id", "catalog-it",
                "faultline.catalog.state-dir", "/tmp/catalog-it",
                "faultline.catalog.commit-interval-ms", 50,
                "faultline.catalog.stale-after", "7d",
                "faultline.catalog.stale-check-every", "1s"));

        assertThat(settings.applicationId()).isEqualTo("catalog-it");
        assertThat(settings.stateDir()).isEqualTo("/tmp/catalog-it");
        assertThat(settings.commitIntervalMs()).isEqualTo(50);
        assertThat(settings.staleAfter()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.staleCheckEvery()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldRefuseAStaleAfterThatWouldMarkEveryEntryStale() {
        assertThatThrownBy(() -> bind(Map.of("faultline.catalog.stale-after", "0s")))
                .hasStackTraceContaining("faultline.catalog.stale-after must be positive");
    }
}
