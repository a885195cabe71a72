package dev.faultline.catalog.streams;

import dev.faultline.schemas.topics.Topic;
import dev.faultline.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * What other tools declare on compacted topics, as global stores (every instance holds all of it, so that any
 * partition's entries can be judged against it): the {@value #CALENDAR} (deployment windows make entries stale), the
 * {@value #TARGETS} and the {@value #FAILURE_MODES} teams added (what should have been tested: the gaps). Each store
 * holds the latest record per key, exactly as on the topic (a global store is restored from its topic as is).
 */
public final class DeclaredStores {

    /** faultline.calendar by entry id. */
    public static final String CALENDAR = "calendar";
    /** faultline.targets by {@code ENVIRONMENT/service}. */
    public static final String TARGETS = "targets";
    /** faultline.failure-modes by template id. */
    public static final String FAILURE_MODES = "failure-modes";

    private DeclaredStores() {
    }

    public static void addTo(StreamsBuilder builder, CatalogSerdes serdes) {
        global(builder, CALENDAR, Topics.CALENDAR, serdes.calendar());
        global(builder, TARGETS, Topics.TARGETS, serdes.targets());
        global(builder, FAILURE_MODES, Topics.FAILURE_MODES, serdes.failureModes());
    }

    private static <V> void global(StreamsBuilder builder, String store, Topic topic, Serde<V> values) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), values)
                        .withLoggingDisabled(), topic.name(),
                Consumed.with(Serdes.String(), values).withName(store + "-source"), () -> new LatestPerKey<V>(store));
    }

    /** Keeps the latest value per key (a tombstone deletes). */
    private static final class LatestPerKey<V> implements Processor<String, V, Void, Void> {

        private final String storeName;
        private KeyValueStore<String, V> store;

        LatestPerKey(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, V> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
