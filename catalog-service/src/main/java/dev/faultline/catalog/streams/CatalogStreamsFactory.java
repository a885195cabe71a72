package dev.faultline.catalog.streams;

import dev.faultline.catalog.CatalogSettings;
import dev.faultline.catalog.behaviour.CatalogUpdates;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.TopicBootstrap;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.schemas.avro.VerdictIssued;
import io.micronaut.configuration.kafka.streams.AbstractKafkaStreamsConfiguration;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the {@link CatalogTopology} on micronaut-kafka-streams' default {@link ConfiguredStreamBuilder}, with the
 * catalog's Streams settings ({@code faultline.catalog.*}), once the topics exist; micronaut-kafka-streams builds,
 * starts and closes the app from that builder. Broker and registry come from {@code faultline.kafka.*} (the kit's
 * {@code KafkaClientDefaults}), the replication of internal topics from {@link KafkaSettings#replicationFactor()}.
 */
@Factory
public class CatalogStreamsFactory {

    /** micronaut-kafka-streams' setting for how a stream thread that died of an exception is answered. */
    static final String UNCAUGHT_EXCEPTION_HANDLER = "uncaught-exception-handler";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogStreamsFactory.class);

    /** The topology's source stream: a {@link KStream} bean, which micronaut-kafka-streams waits for before it starts. */
    @Singleton
    KStream<String, VerdictIssued> catalogTopology(
            @Named(AbstractKafkaStreamsConfiguration.DEFAULT_NAME) ConfiguredStreamBuilder builder,
            TopicBootstrap topics, KafkaSettings kafka, CatalogSettings settings, JsonMapper json,
            CatalogUpdates updates, EventTracing tracing) {
        topics.ensureCreated();
        Properties props = builder.getConfiguration();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitIntervalMs());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Streams does not leave its group on close: a restart waits out the old member's session, so keep it short
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), FaultlineListener.SESSION_TIMEOUT_MS);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), FaultlineListener.HEARTBEAT_INTERVAL_MS);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        // the global store's updates too: a global thread is never replaced, so an error there would stop the catalog
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(UNCAUGHT_EXCEPTION_HANDLER, StreamThreadExceptionResponse.REPLACE_THREAD.name());
        // with several instances: where each one is reached, which Streams' metadata tells the others per key
        settings.applicationServer().ifPresent(server -> props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server));
        LOG.info("catalog streams {} (state dir {}, reached at {})", settings.applicationId(), settings.stateDir(),
                settings.applicationServer().orElse("- (one instance)"));
        CatalogSerdes serdes = CatalogSerdes.of(kafka.clientProperties(), json);
        return new CatalogTopology(serdes, Clock.systemUTC(), updates, tracing, settings.staleness(),
                settings.staleCheckEvery()).build(builder);
    }
}
