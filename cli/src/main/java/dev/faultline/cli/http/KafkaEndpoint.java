package dev.faultline.cli.http;

import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Kafka and the schema registry as the CLI reaches them: bootstrap servers, registry URL and the client settings of
 * a Kafka client properties file ({@code --kafka-config}, as Kafka's tools' {@code --command-config}): on a cluster
 * with authentication its SASL settings and the registry's {@code basic.auth.user.info}, e.g. a file a devstack
 * wrote ({@code <data>/kafka/clients/faultline-tool.properties}).
 */
public record KafkaEndpoint(String bootstrapServers, String registryUrl, Map<String, String> settings) {

    /**
     * What to pass to read every Faultline topic as the auditor: the local stack's file (compose keeps the same one in
     * its secrets).
     */
    public static final String AUDITOR_SETTINGS = "--kafka-config <data>/kafka/clients/faultline-auditor.properties";

    public KafkaEndpoint {
        settings = Map.copyOf(settings);
    }

    /** No authentication. */
    public static KafkaEndpoint unauthenticated(String bootstrapServers, String registryUrl) {
        return new KafkaEndpoint(bootstrapServers, registryUrl, Map.of());
    }

    /** With the settings of {@code configFile} (null: none); its own bootstrap servers, if any, are ignored. */
    public static KafkaEndpoint of(String bootstrapServers, String registryUrl, String configFile) {
        if (configFile == null || configFile.isBlank()) {
            return unauthenticated(bootstrapServers, registryUrl);
        }
        Properties file = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(configFile))) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka client settings in " + configFile
                    + " (--kafka-config / FAULTLINE_KAFKA_CONFIG)", e);
        }
        Map<String, String> settings = new HashMap<>();
        file.stringPropertyNames().forEach(key -> settings.put(key, file.getProperty(key)));
        settings.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        return new KafkaEndpoint(bootstrapServers, registryUrl, settings);
    }

    /** Client properties: the file's settings, the bootstrap servers and the registry URL. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>(settings);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(FaultlineSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        return props;
    }

    @Override
    public String toString() {
        return bootstrapServers; // the settings may hold a password
    }
}
