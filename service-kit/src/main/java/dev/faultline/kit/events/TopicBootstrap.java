package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.schemas.topics.TopicProvisioner;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/**
 * Creates Faultline's topics that are missing (idempotent; existing topics are untouched), so that every service
 * can start first. {@code faultline.kafka.replication-factor} (default 1) is the replication of new topics.
 */
@Singleton
public class TopicBootstrap {

    private final KafkaSettings settings;
    private final short replicationFactor;
    private volatile boolean done;

    public TopicBootstrap(KafkaSettings settings, @Value("${faultline.kafka.replication-factor:1}") short replicationFactor) {
        this.settings = settings;
        this.replicationFactor = replicationFactor;
    }

    public synchronized void ensureCreated() {
        if (done) {
            return;
        }
        try (Admin admin = Admin.create(settings.clientProperties())) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).createMissing(replicationFactor);
        }
        done = true;
    }
}
