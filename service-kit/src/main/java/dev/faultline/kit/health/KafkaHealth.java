package dev.faultline.kit.health;

import dev.faultline.kit.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/**
 * {@code kafka} in {@code /health}: UP while the brokers at {@code faultline.kafka.bootstrap-servers} describe their
 * cluster within the deadline. Its admin client is created on the first check and closed with the context.
 */
@Singleton
public class KafkaHealth extends DependencyHealth {

    private final KafkaSettings settings;
    private Admin admin;

    public KafkaHealth(KafkaSettings settings, HealthSettings health) {
        super("kafka", health);
        this.settings = settings;
    }

    @Override
    protected CompletionStage<Map<String, Object>> check() {
        DescribeClusterResult cluster = admin().describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout().toMillis()));
        return cluster.clusterId().toCompletionStage().thenCombine(cluster.nodes().toCompletionStage(),
                (clusterId, nodes) -> Map.of("clusterId", clusterId, "nodes", nodes.size()));
    }

    @Override
    protected Map<String, Object> where() {
        return Map.of("bootstrapServers", settings.bootstrapServers());
    }

    private synchronized Admin admin() {
        if (admin == null) {
            int millis = (int) timeout().toMillis();
            Map<String, Object> props = new HashMap<>(settings.clientProperties());
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.serviceName() + "-health");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
            // while the broker is down, retry the connection every second at most rather than flooding the log
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
