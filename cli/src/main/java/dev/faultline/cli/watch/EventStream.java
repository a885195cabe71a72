package dev.faultline.cli.watch;

import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.serde.FaultlineSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every Faultline topic from the beginning with a throwaway consumer group (nothing is
 * committed), decoding values with the schemas serde into the generated classes. Topics created
 * later are picked up within a couple of seconds. A record that cannot be decoded is skipped
 * with a warning, as the services send such records to the DLQ.
 */
public final class EventStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final Pattern FAULTLINE_TOPICS = Pattern.compile("faultline\\..*");
    /** How long the stream waits for Kafka to list its topics before it says what to check. */
    private static final Duration REACH_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaConsumer<String, SpecificRecord> consumer;

    public EventStream(KafkaEndpoint kafka) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "faultline-cli-watch-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> serde = new HashMap<>(kafka.clientProperties());
        serde.put(FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                FaultlineSerdes.anyEvent(serde).deserializer());
        try {
            checkTopicsVisible(kafka, REACH_TIMEOUT);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
        consumer.subscribe(FAULTLINE_TOPICS);
    }

    /**
     * Fails at once, with what to fix, where following would otherwise wait out its whole timeout seeing nothing: a
     * Kafka that does not answer — or one whose listener needs authentication and drops a client without it, which
     * the client only retries — and a principal allowed to see no Faultline topic.
     */
    private void checkTopicsVisible(KafkaEndpoint kafka, Duration timeout) {
        Map<String, List<PartitionInfo>> topics;
        try {
            topics = consumer.listTopics(timeout);
        } catch (TimeoutException | AuthenticationException e) {
            throw new IllegalStateException("Kafka at " + kafka + " did not let this client list its topics within "
                    + timeout.toSeconds() + " s (" + e.getMessage() + "): check --kafka, and where its listener needs "
                    + "authentication (the local stack's and compose's do) pass the auditor's client settings ("
                    + KafkaEndpoint.AUDITOR_SETTINGS + ", or env FAULTLINE_KAFKA_CONFIG)", e);
        }
        if (topics.keySet().stream().noneMatch(topic -> FAULTLINE_TOPICS.matcher(topic).matches())) {
            throw new IllegalStateException("no faultline.* topic at " + kafka + " is visible to this client: follow "
                    + "experiments as the auditor (" + KafkaEndpoint.AUDITOR_SETTINGS + ")");
        }
    }

    /** The events that arrived within {@code timeout} (possibly none), in partition order. */
    public List<StreamedEvent> poll(Duration timeout) {
        List<StreamedEvent> events = new ArrayList<>();
        try {
            for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(timeout)) {
                if (record.value() != null) {
                    events.add(new StreamedEvent(record.topic(), record.key(), record.value()));
                }
            }
        } catch (RecordDeserializationException e) {
            LOG.warn("skipping an undecodable record at {} offset {}: {}", e.topicPartition(), e.offset(),
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        return events;
    }

    /** Interrupts a {@link #poll} blocked in another thread (for Ctrl-C). */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
