package dev.faultline.catalog.streams;

import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Read access to the topology's key-value stores by name: the running app's, or a test driver's. */
public interface StoreAccess {

    /** The store, or empty while it cannot be queried (starting, rebalancing, stopped). */
    <V> Optional<ReadOnlyKeyValueStore<String, V>> keyValueStore(String name);
}
