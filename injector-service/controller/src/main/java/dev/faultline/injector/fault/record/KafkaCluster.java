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

    /**
     * The cluster at {@code otherBootstrapServers} (a target's own, named in its targets file): these credentials only
     * when it is this cluster; another cluster is reached without any, so that Faultline's password is never sent to
     * brokers it does not know (credentials per target cluster are not supported yet).
     */
    public KafkaCluster at(String otherBootstrapServers) {
        return otherBootstrapServers.equals(bootstrapServers) ? this : unauthenticated(otherBootstrapServers);
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
