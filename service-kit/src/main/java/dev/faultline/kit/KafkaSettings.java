package dev.faultline.kit;

import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where a service finds Kafka and the schema registry, and the name it signs its events with:
 * <ul>
 *   <li>{@code faultline.kafka.bootstrap-servers} (default {@code 127.0.0.1:9092}): the brokers;</li>
 *   <li>{@code faultline.kafka.schema-registry-url} (default {@code http://127.0.0.1:8081}): the schema registry;</li>
 *   <li>{@code faultline.kafka.replication-factor} (default 1): replication of the topics the service creates,
 *       Kafka Streams' internal topics included;</li>
 *   <li>{@code faultline.service.name} (default {@code micronaut.application.name}, else {@code faultline}): the
 *       service's name in event headers, client ids and the {@code service} metric tag.</li>
 * </ul>
 */
@ConfigurationProperties("faultline.kafka")
public final class KafkaSettings {

    private static final String DEFAULT_SERVICE_NAME = "faultline";

    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final short replicationFactor;
    private final String serviceName;

    @ConfigurationInject
    KafkaSettings(@Bindable(defaultValue = "127.0.0.1:9092") String bootstrapServers,
                  @Bindable(defaultValue = "http://127.0.0.1:8081") String schemaRegistryUrl,
                  @Bindable(defaultValue = "1") short replicationFactor,
                  @Property(name = "faultline.service.name") @Nullable String serviceName,
                  @Property(name = "micronaut.application.name", defaultValue = DEFAULT_SERVICE_NAME)
                  String applicationName) {
        this.bootstrapServers = SettingChecks.notBlank(bootstrapServers, "faultline.kafka.bootstrap-servers");
        this.schemaRegistryUrl = SettingChecks.notBlank(schemaRegistryUrl, "faultline.kafka.schema-registry-url");
        this.replicationFactor = (short) SettingChecks.atLeast(replicationFactor, 1,
                "faultline.kafka.replication-factor");
        // two keys outside faultline.kafka, bound by name: the service's name, else the application's
        this.serviceName = serviceName == null || serviceName.isBlank() ? applicationName : serviceName;
    }

    /** Settings made by hand (tests, tools outside a context): replication factor 1. */
    public KafkaSettings(String bootstrapServers, String schemaRegistryUrl, String serviceName) {
        this(bootstrapServers, schemaRegistryUrl, (short) 1, serviceName, DEFAULT_SERVICE_NAME);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public short replicationFactor() {
        return replicationFactor;
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
