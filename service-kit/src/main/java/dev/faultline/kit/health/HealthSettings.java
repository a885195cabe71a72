package dev.faultline.kit.health;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How the dependency health checks behave ({@code faultline.health.*}): how long a dependency may take to answer
 * before it counts as down ({@code timeout}, default 2 s), and for how long an answer is reused
 * ({@code cache-for}, default 1 s), so that frequent probes of {@code /health} do not each reach Kafka and Cassandra.
 */
@ConfigurationProperties("faultline.health")
public class HealthSettings {

    private Duration timeout = Duration.ofSeconds(2);
    private Duration cacheFor = Duration.ofSeconds(1);

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getCacheFor() {
        return cacheFor;
    }

    public void setCacheFor(Duration cacheFor) {
        this.cacheFor = cacheFor;
    }
}
