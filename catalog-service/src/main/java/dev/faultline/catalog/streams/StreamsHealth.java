package dev.faultline.catalog.streams;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;

/**
 * {@code streams} in {@code /health}: UP while the catalog's Kafka Streams app runs or rebalances, DOWN once it has
 * stopped or failed (then its stores answer nothing). Broker reachability is the kit's {@code kafka} indicator.
 */
@Singleton
public class StreamsHealth implements HealthIndicator {

    private final CatalogStreams streams;

    public StreamsHealth(CatalogStreams streams) {
        this.streams = streams;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return Publishers.just(HealthResult.builder("streams", up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("state", state.name())).build());
    }
}
