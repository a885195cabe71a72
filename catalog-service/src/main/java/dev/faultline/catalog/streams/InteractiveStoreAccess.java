package dev.faultline.catalog.streams;

import io.micronaut.configuration.kafka.streams.InteractiveQueryService;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The running app's stores, through micronaut-kafka-streams' {@link InteractiveQueryService}. A store found while
 * Streams rebalances may still refuse a query; {@link StoreUnavailableHandler} answers that with 503.
 */
@Singleton
public class InteractiveStoreAccess implements StoreAccess {

    private final InteractiveQueryService queries;

    public InteractiveStoreAccess(InteractiveQueryService queries) {
        this.queries = queries;
    }

    @Override
    public <V> Optional<ReadOnlyKeyValueStore<String, V>> keyValueStore(String name) {
        try {
            return queries.getQueryableStore(name, QueryableStoreTypes.<String, V>keyValueStore());
        } catch (IllegalStateException notRunning) {
            // KafkaStreams.store() throws this once the app has stopped or failed (not an InvalidStateStoreException)
            return Optional.empty();
        }
    }
}
