package dev.faultline.kit.testing;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Binds a {@code @ConfigurationProperties} class the way a service binds it at start, from {@code properties} alone:
 * no {@code application.yml}, system properties or environment variables, so that a test sees the class's own
 * defaults and only the overrides it names. No Kafka client or listener starts in such a context.
 */
public final class SettingsBinding {

    private SettingsBinding() {
    }

    public static <T> T bind(Class<T> type, Map<String, Object> properties) {
        try (ApplicationContext context = context(properties)) {
            return context.getBean(type);
        }
    }

    /** A started context with {@code properties} as its only configuration; the caller closes it. */
    public static ApplicationContext context(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent("kafka.enabled", false);
        // the health monitor's scheduled task would still be registering when a short-lived context closes
        all.putIfAbsent("micronaut.health.monitor.enabled", false);
        return ApplicationContext.builder().enableDefaultPropertySources(false).properties(all).start();
    }
}
