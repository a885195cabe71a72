package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.schemas.topics.TopicProvisioner;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/**
 * Creates Faultline's topics that are missing (idempotent; existing topics are untouched), so that every service
 * can start first. New topics get {@link KafkaSettings#replicationFactor()} replicas.
 */
@Singleton
public class TopicBootstrap {

    private final KafkaSettings settings;
    private volatile boolean done;

    public TopicBootstrap(KafkaSettings settings) {
        this.settings = settings;
    }

    public synchronized void ensureCreated() {
        if (done) {
            return;
        }
        try (Admin admin = Admin.create(settings.clientProperties())) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).createMissing(settings.replicationFactor());
        }
        done = true;
    }
}
