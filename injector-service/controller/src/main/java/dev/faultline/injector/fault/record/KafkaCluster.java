package dev.faultline.injector.fault.record;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * A Kafka cluster the injector writes malformed records to: its bootstrap servers and the injector's credentials
 * there (SASL settings, empty on a cluster without authentication).
 */
public record KafkaCluster(String bootstrapServers, Map<String, Object> security) {

    public KafkaCluster {
        security = Map.copyOf(security);
    }

    /** A cluster that needs no authentication. */
    public static KafkaCluster unauthenticated(String bootstrapServers) {
        return new KafkaCluster(bootstrapServers, Map.of());
    }

    /** The same credentials at other brokers (a target's own cluster, named in its targets file). */
    public KafkaCluster at(String otherBootstrapServers) {
        return new KafkaCluster(otherBootstrapServers, security);
    }

    /** Client properties: the bootstrap servers, the credentials, then {@code settings}. */
    Map<String, Object> clientProperties(Map<String, Object> settings) {
        Map<String, Object> props = new HashMap<>(security);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(settings);
        return props;
    }

    @Override
    public String toString() {
        return bootstrapServers; // the security settings hold a password
    }
}
