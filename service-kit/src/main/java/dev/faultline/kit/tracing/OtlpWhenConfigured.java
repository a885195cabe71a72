package dev.faultline.kit.tracing;

import io.micronaut.context.env.Environment;
import io.micronaut.tracing.opentelemetry.OpenTelemetryBuilderCustomizer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Trace export is off by default and goes over OTLP as soon as an endpoint is configured the standard way
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, as environment variables,
 * system properties or {@code otel.*} settings), unless an exporter is named explicitly
 * ({@code OTEL_TRACES_EXPORTER} / {@code otel.traces.exporter}). micronaut-tracing alone would keep export off
 * until the exporter is named too.
 */
@Singleton
public class OtlpWhenConfigured implements OpenTelemetryBuilderCustomizer {

    private static final String EXPORTER = "otel.traces.exporter";
    private final Environment environment;

    public OtlpWhenConfigured(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void configure(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        boolean exporterNamed = environment.containsProperty(EXPORTER) || System.getProperty(EXPORTER) != null
                || System.getenv("OTEL_TRACES_EXPORTER") != null;
        builder.addPropertiesCustomizer(config -> {
            boolean endpoint = config.getString("otel.exporter.otlp.endpoint") != null
                    || config.getString("otel.exporter.otlp.traces.endpoint") != null;
            return !exporterNamed && endpoint ? Map.of(EXPORTER, "otlp") : Map.of();
        });
    }
}
