package dev.faultline.demo.orders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The shop's Kafka cluster as its clients reach it: the bootstrap servers and any further client settings — on a
 * cluster with authentication, its SASL settings — read from a Kafka client properties file ({@code --kafka-config},
 * the form of Kafka's own tools' {@code --command-config}), so that no password is on a command line.
 */
public record ShopKafka(String bootstrapServers, Map<String, String> settings) {

    public ShopKafka {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("the shop's Kafka bootstrap servers are missing (--kafka-bootstrap-servers)");
        }
        settings = Map.copyOf(settings);
    }

    /** A cluster reached with no further settings (no authentication). */
    public static ShopKafka at(String bootstrapServers) {
        return new ShopKafka(bootstrapServers, Map.of());
    }

    /** The cluster at {@code bootstrapServers} with the client settings of {@code configFile} (a properties file). */
    public static ShopKafka at(String bootstrapServers, Path configFile) {
        Properties file = new Properties();
        try (InputStream in = Files.newInputStream(configFile)) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka client settings in " + configFile, e);
        }
        Map<String, String> settings = new HashMap<>();
        file.stringPropertyNames().forEach(key -> settings.put(key, file.getProperty(key)));
        settings.remove("bootstrap.servers");
        return new ShopKafka(bootstrapServers, settings);
    }

    /**
     * From a command line: {@code bootstrapServers} ({@code --kafka-bootstrap-servers}; null: no Kafka, null is
     * answered) and the settings file {@code configFile} ({@code --kafka-config}; null: none).
     */
    public static ShopKafka of(String bootstrapServers, String configFile) {
        if (bootstrapServers == null) {
            return null;
        }
        return configFile == null ? at(bootstrapServers) : at(bootstrapServers, Path.of(configFile));
    }

    /** Client properties: the file's settings, the bootstrap servers, then {@code own} (a client's own settings). */
    public Map<String, Object> clientProperties(Map<String, Object> own) {
        Map<String, Object> props = new HashMap<>(settings);
        props.put("bootstrap.servers", bootstrapServers);
        props.putAll(own);
        return props;
    }

    @Override
    public String toString() {
        return bootstrapServers; // the settings may hold a password
    }
}
