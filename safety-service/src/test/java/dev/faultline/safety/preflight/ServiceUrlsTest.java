package dev.faultline.safety.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySource.PropertyConvention;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code faultline.services.injector-url}: required, an http(s) URL. */
class ServiceUrlsTest {

    private static ServiceUrls bind(Map<String, Object> properties) {
        return SettingsBinding.bind(ServiceUrls.class, properties);
    }

    @Test
    void shouldReadTheInjectorUrlWithoutItsTrailingSlash() {
        assertThat(bind(Map.of("faultline.services.injector-url", "http://127.0.0.1:18103/")).injectorUrl())
                .isEqualTo("http://127.0.0.1:18103");
    }

    @Test
    void shouldReadTheDemoUrlOfApplicationYml() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.enabled", false,
                "micronaut.health.monitor.enabled", false))) {
            assertThat(context.getBean(ServiceUrls.class).injectorUrl()).isEqualTo("http://127.0.0.1:8103");
        }
    }

    @Test
    void shouldReadTheInjectorUrlFromAnEnvironmentVariable() {
        // docker-compose.yml sets FAULTLINE_SERVICES_INJECTOR_URL
        try (ApplicationContext context = ApplicationContext.builder().enableDefaultPropertySources(false)
                .properties(Map.of("kafka.enabled", false, "micronaut.health.monitor.enabled", false))
                .propertySources(PropertySource.of("env",
                        Map.of("FAULTLINE_SERVICES_INJECTOR_URL", "http://injector-service:8103"),
                        PropertyConvention.ENVIRONMENT_VARIABLE))
                .start()) {
            assertThat(context.getBean(ServiceUrls.class).injectorUrl()).isEqualTo("http://injector-service:8103");
        }
    }

    @Test
    void shouldRefuseAMissingInjectorUrl() {
        assertThatThrownBy(() -> bind(Map.of()))
                .hasStackTraceContaining("faultline.services.injector-url must be set");
    }

    @Test
    void shouldRefuseAnInjectorUrlThatIsNoHttpUrl() {
        assertThatThrownBy(() -> bind(Map.of("faultline.services.injector-url", "127.0.0.1:8103")))
                .hasStackTraceContaining("faultline.services.injector-url must be an http(s) URL, was 127.0.0.1:8103");
    }
}
