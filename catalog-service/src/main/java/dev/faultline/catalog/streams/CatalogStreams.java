package dev.faultline.catalog.streams;

import dev.faultline.catalog.CatalogSettings;
import dev.faultline.catalog.behaviour.CatalogUpdates;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.TopicBootstrap;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Kafka Streams app of catalog-service: creates missing topics, starts the {@link CatalogTopology}
 * with exactly-once processing when the context starts, closes it with the context, and answers store queries.
 */
@Context
public class CatalogStreams implements StoreAccess {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogStreams.class);

    private final KafkaSettings kafka;
    private final CatalogSettings settings;
    private final TopicBootstrap topics;
    private final JsonMapper json;
    private final CatalogUpdates updates;
    private final short replicationFactor;
    private KafkaStreams streams;

    public CatalogStreams(KafkaSettings kafka, CatalogSettings settings, TopicBootstrap topics, JsonMapper json,
                          CatalogUpdates updates, @Value("${faultline.kafka.replication-factor:1}") short replicationFactor) {
        this.kafka = kafka;
        this.settings = settings;
        this.topics = topics;
        this.json = json;
        this.updates = updates;
        this.replicationFactor = replicationFactor;
    }

    @PostConstruct
    void start() {
        topics.ensureCreated();
        Map<String, Object> clientProps = kafka.clientProperties();
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.getApplicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.getCommitIntervalMs());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.getStateDir());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        CatalogTopology topology = new CatalogTopology(CatalogSerdes.of(clientProps, json), Clock.systemUTC(), updates);
        streams = new KafkaStreams(topology.build(new StreamsBuilder()).build(props), props);
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("catalog stream thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> LOG.info("catalog streams {} -> {}", before, now));
        streams.start();
        LOG.info("catalog streams {} started (state dir {})", settings.getApplicationId(), settings.getStateDir());
    }

    @Override
    public <V> Optional<ReadOnlyKeyValueStore<String, V>> keyValueStore(String name) {
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        try {
            return Optional.of(streams.store(StoreQueryParameters.fromNameAndType(name,
                    QueryableStoreTypes.<String, V>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            LOG.debug("store {} not queryable now: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    /** The app's state (CREATED, REBALANCING, RUNNING, ...). */
    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
    }

    @PreDestroy
    void close() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
            LOG.info("catalog streams closed");
        }
    }
}
