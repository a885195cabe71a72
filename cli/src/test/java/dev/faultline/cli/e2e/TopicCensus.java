package dev.faultline.cli.e2e;

import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.cli.watch.StreamedEvent;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.serde.FaultlineSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every committed record on every {@code faultline.*} topic, read as the auditor from offset zero up to the end
 * offsets at the time of reading (no consumer group), for counting one experiment's events: how many of each type,
 * event ids seen twice, and its evidence batches.
 */
final class TopicCensus {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final List<StreamedEvent> events;
    private final int undecodable;

    private TopicCensus(List<StreamedEvent> events, int undecodable) {
        this.events = events;
        this.undecodable = undecodable;
    }

    static TopicCensus take(KafkaEndpoint auditor) {
        Properties props = new Properties();
        props.putAll(auditor.clientProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Object> serde = new HashMap<>(auditor.clientProperties());
        serde.put(FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true);
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                FaultlineSerdes.anyEvent(serde).deserializer())) {
            List<TopicPartition> partitions = consumer.listTopics(TIMEOUT).entrySet().stream()
                    .filter(topic -> topic.getKey().startsWith("faultline."))
                    .flatMap(topic -> topic.getValue().stream().map(p -> new TopicPartition(p.topic(), p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            List<StreamedEvent> events = new ArrayList<>();
            int undecodable = 0;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey(), TIMEOUT) < end.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read the faultline.* topics to their ends within " + TIMEOUT);
                }
                try {
                    for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() != null) {
                            events.add(new StreamedEvent(record.topic(), record.key(), record.value()));
                        }
                    }
                } catch (RecordDeserializationException e) {
                    undecodable++;
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
            return new TopicCensus(events, undecodable);
        }
    }

    /** Records no reader could decode, on all topics (the services dead-letter them). */
    int undecodable() {
        return undecodable;
    }

    Count of(String experimentId) {
        return new Count(events.stream().filter(event -> experimentId.equals(event.experimentId())).toList());
    }

    /** One experiment's events on the topics. */
    record Count(List<StreamedEvent> events) {

        int total() {
            return events.size();
        }

        int topics() {
            return (int) events.stream().map(StreamedEvent::topic).distinct().count();
        }

        int of(Class<? extends SpecificRecord> type) {
            return (int) events.stream().filter(event -> event.is(type)).count();
        }

        /** Per event type, how many. */
        Map<String, Long> byType() {
            return events.stream().collect(Collectors.groupingBy(StreamedEvent::type, TreeMap::new, Collectors.counting()));
        }

        /** Event ids carried by more than one record (a record written twice). */
        List<String> repeatedEventIds() {
            return events.stream().map(StreamedEvent::header).filter(java.util.Objects::nonNull)
                    .map(EventHeader::getEventId).map(String::valueOf)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                    .entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList();
        }

        /** The evidence batches' sequence numbers, in topic order (one injection per experiment here). */
        List<Long> evidenceSequences() {
            return events.stream().filter(event -> event.is(EvidenceCaptured.class))
                    .map(event -> event.as(EvidenceCaptured.class).getSequence()).toList();
        }

        /**
         * When the first event of any of {@code types} happened, by its header's {@code occurredAt} (the writing
         * service's clock, all on one machine here), if there is one.
         */
        @SafeVarargs
        final Optional<Instant> firstAt(Class<? extends SpecificRecord>... types) {
            return events.stream().filter(event -> Arrays.stream(types).anyMatch(event::is))
                    .map(StreamedEvent::header).filter(java.util.Objects::nonNull).map(EventHeader::getOccurredAt)
                    .min(Comparator.naturalOrder());
        }

        /** Whether the batches are 0, 1, …, n-1, each once. */
        boolean evidenceContiguous() {
            List<Long> sequences = evidenceSequences();
            TreeSet<Long> unique = new TreeSet<>(sequences);
            return unique.size() == sequences.size()
                    && (unique.isEmpty() || unique.first() == 0 && unique.last() == unique.size() - 1);
        }
    }
}
