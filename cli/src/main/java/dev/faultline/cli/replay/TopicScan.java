package dev.faultline.cli.replay;

import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.schemas.serde.FaultlineAvroDeserializer;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.topics.Topic;
import dev.faultline.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every {@code faultline.*} topic from offset zero up to the end offsets taken when the scan starts, and hands
 * the events on merged in timestamp order (ties in workflow order of the topics), decoded with the schemas serde
 * (writer schemas fetched from the registry once per id). No consumer group, nothing committed: the scan only reads.
 *
 * <p>Memory is bounded by {@link #BUFFERED_PER_PARTITION} decoded records per partition: a partition that far ahead
 * of the merge is paused until the merge catches up. Decoding, the costly part, runs on every core, a poll at a time.
 */
final class TopicScan implements AutoCloseable {

    /** Records buffered per partition before it is paused. */
    static final int BUFFERED_PER_PARTITION = 1_000;
    private static final String PREFIX = "faultline.";
    private static final Duration POLL = Duration.ofMillis(500);

    /**
     * One record read: its topic, key, timestamp and event, or the reason it could not be decoded (event null).
     */
    record Scanned(String topic, int partition, long offset, String key, long timestamp, SpecificRecord event,
                   String undecodable) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final FaultlineAvroDeserializer<SpecificRecord> values = new FaultlineAvroDeserializer<>();
    private final Duration timeout;

    /** @param timeout how long the scan may wait for records the end offsets promise before it gives up */
    TopicScan(KafkaEndpoint kafka, Duration timeout) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(2 * 1024 * 1024));
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));
        props.put(FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.values.configure(props, false);
        this.timeout = timeout;
    }

    /** Reads up to the end offsets of now and gives {@code sink} every record, in merged timestamp order. */
    void scan(Consumer<Scanned> sink) {
        Map<TopicPartition, Long> ends = endOffsets();
        consumer.assign(ends.keySet());
        consumer.seekToBeginning(ends.keySet());
        Map<TopicPartition, ArrayDeque<Scanned>> buffers = new HashMap<>();
        ends.keySet().forEach(tp -> buffers.put(tp, new ArrayDeque<>()));
        Set<TopicPartition> reading = new HashSet<>(ends.keySet());
        PriorityQueue<ArrayDeque<Scanned>> heads = new PriorityQueue<>(Comparator.comparing(ArrayDeque::peek, ORDER));
        long lastProgress = System.nanoTime();
        while (true) {
            reading.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
            boolean starved = reading.stream().anyMatch(tp -> buffers.get(tp).isEmpty());
            if (!starved) {
                if (!emitWhileFed(buffers, heads, reading, sink)) {
                    return; // every partition read to its end and merged
                }
                continue;
            }
            List<TopicPartition> full = reading.stream()
                    .filter(tp -> buffers.get(tp).size() >= BUFFERED_PER_PARTITION).toList();
            consumer.pause(full);
            consumer.resume(reading.stream().filter(tp -> !full.contains(tp)).toList());
            ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
            if (!polled.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                throw new IllegalStateException("no records for " + timeout.toSeconds() + " s while " + reading
                        + " are not read up to their end offsets " + ends + ": is Kafka reachable?");
            }
            // decoded all at once (in parallel), then buffered partition by partition, in offset order
            List<ConsumerRecord<String, byte[]>> inOrder = new ArrayList<>(polled.count());
            polled.partitions().forEach(tp -> inOrder.addAll(polled.records(tp)));
            List<Scanned> decoded = decode(inOrder);
            int next = 0;
            for (TopicPartition tp : polled.partitions()) {
                ArrayDeque<Scanned> buffer = buffers.get(tp);
                long end = ends.get(tp);
                for (int left = polled.records(tp).size(); left > 0; left--) {
                    Scanned scanned = decoded.get(next++);
                    if (scanned.offset() < end) {
                        buffer.add(scanned);
                    }
                }
            }
        }
    }

    /**
     * Emits the earliest head while every partition still being read has a record buffered (so no earlier one can
     * come); false when there is nothing left at all.
     */
    private static boolean emitWhileFed(Map<TopicPartition, ArrayDeque<Scanned>> buffers,
                                        PriorityQueue<ArrayDeque<Scanned>> heads, Set<TopicPartition> reading,
                                        Consumer<Scanned> sink) {
        heads.clear();
        buffers.values().stream().filter(b -> !b.isEmpty()).forEach(heads::add);
        if (heads.isEmpty() && reading.isEmpty()) {
            return false;
        }
        while (!heads.isEmpty()) {
            ArrayDeque<Scanned> earliest = heads.poll();
            Scanned next = earliest.poll();
            sink.accept(next);
            if (!earliest.isEmpty()) {
                heads.add(earliest);
            } else if (reading.contains(new TopicPartition(next.topic(), next.partition()))) {
                return true; // that partition must be read further before anything later is emitted
            }
        }
        return true;
    }

    private static final Comparator<Scanned> ORDER = Comparator.comparingLong(Scanned::timestamp)
            .thenComparingInt(s -> rank(s.topic())).thenComparingInt(Scanned::partition).thenComparingLong(Scanned::offset);

    private static final Map<String, Integer> RANKS = ranks();

    private static int rank(String topic) {
        return RANKS.getOrDefault(topic, RANKS.size());
    }

    private static Map<String, Integer> ranks() {
        Map<String, Integer> ranks = new HashMap<>();
        List<Topic> all = Topics.all();
        for (int i = 0; i < all.size(); i++) {
            ranks.put(all.get(i).name(), i);
        }
        return Map.copyOf(ranks);
    }

    private List<Scanned> decode(List<ConsumerRecord<String, byte[]>> records) {
        return records.parallelStream().map(this::decode).toList();
    }

    private Scanned decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return new Scanned(record.topic(), record.partition(), record.offset(), record.key(), record.timestamp(),
                    null, "no value (a tombstone)");
        }
        try {
            return new Scanned(record.topic(), record.partition(), record.offset(), record.key(), record.timestamp(),
                    values.deserialize(record.topic(), record.value()), null);
        } catch (SerializationException e) {
            return new Scanned(record.topic(), record.partition(), record.offset(), record.key(), record.timestamp(),
                    null, e.getMessage());
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.listTopics().forEach((topic, infos) -> {
            if (topic.startsWith(PREFIX)) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        });
        if (partitions.isEmpty()) {
            throw new IllegalStateException("no faultline.* topic is visible to this principal: replay reads as the "
                    + "auditor (" + KafkaEndpoint.AUDITOR_SETTINGS + ")");
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
        consumer.endOffsets(partitions).forEach((tp, end) -> {
            if (end > begins.get(tp)) {
                ends.put(tp, end);
            }
        });
        return ends;
    }

    @Override
    public void close() {
        consumer.close();
        values.close();
    }
}
