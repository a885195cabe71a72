package dev.faultline.kit;

import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where a service finds Kafka and the schema registry ({@code faultline.kafka.bootstrap-servers},
 * {@code faultline.kafka.schema-registry-url}), and the name it signs its events with
 * ({@code faultline.service.name}).
 */
@Singleton
public final class KafkaSettings {

    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final String serviceName;

    @Inject
    public KafkaSettings(@Value("${faultline.kafka.bootstrap-servers:127.0.0.1:9092}") String bootstrapServers,
                         @Value("${faultline.kafka.schema-registry-url:http://127.0.0.1:8081}") String schemaRegistryUrl,
                         @Value("${faultline.service.name:}") String serviceName,
                         @Value("${micronaut.application.name:faultline}") String applicationName) {
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
        // Micronaut placeholders do not nest, so the fallback to the application name is resolved here.
        this.serviceName = serviceName == null || serviceName.isBlank() ? applicationName : serviceName;
    }

    public KafkaSettings(String bootstrapServers, String schemaRegistryUrl, String serviceName) {
        this(bootstrapServers, schemaRegistryUrl, serviceName, "faultline");
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public String serviceName() {
        return serviceName;
    }

    /** Client properties every producer, consumer, admin and Streams app of a service starts from. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(FaultlineSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        return props;
    }
}
