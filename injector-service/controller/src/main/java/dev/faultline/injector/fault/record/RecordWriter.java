package dev.faultline.injector.fault.record;

import dev.faultline.injector.fault.FaultException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes one injection's bad records onto a topic at a steady rate, each with the headers
 * {@code faultline-experiment}, {@code faultline-injection} and {@code faultline-record-kind} so that they can be
 * found later. {@link #start()} refuses a topic that does not exist (it never creates one); {@link #stop()} returns
 * once no further record can be sent and those sent are acknowledged; {@link #verifyStopped()} proves it by reading
 * each partition after the last record written. The writer lives in the injector's process: a lost injector writes
 * nothing more.
 */
public final class RecordWriter {

    public static final String EXPERIMENT_HEADER = "faultline-experiment";
    public static final String INJECTION_HEADER = "faultline-injection";
    public static final String KIND_HEADER = "faultline-record-kind";
    /** The most records a second this writer takes; more would be load testing, not a data fault. */
    public static final double MAX_RATE = 1000;

    private static final Duration KAFKA_TIMEOUT = TopicScan.KAFKA_TIMEOUT;

    private final KafkaCluster cluster;
    private final String topic;
    private final String experimentId;
    private final String injectionId;
    private final MalformedRecords records;
    private final double ratePerSecond;
    private final TopicScan scan;
    private final Map<Integer, Long> lastWritten = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private Map<Integer, Long> endsAtStart;
    private KafkaProducer<String, byte[]> producer;
    private ScheduledExecutorService timer;
    private volatile boolean stopped;

    public RecordWriter(KafkaCluster cluster, String topic, String experimentId, String injectionId,
                        MalformedRecords records, double ratePerSecond) {
        if (!(ratePerSecond > 0 && ratePerSecond <= MAX_RATE)) {
            throw new IllegalArgumentException("ratePerSecond must be above 0 and at most " + MAX_RATE + ", was " + ratePerSecond);
        }
        this.cluster = cluster;
        this.topic = topic;
        this.experimentId = experimentId;
        this.injectionId = injectionId;
        this.records = records;
        this.ratePerSecond = ratePerSecond;
        this.scan = new TopicScan(cluster, topic, "faultline-records-check-" + injectionId);
    }

    /** "topic 'demo.orders' on Kafka 127.0.0.1:9092". */
    public String where() {
        return scan.where();
    }

    /**
     * The stop rehearsed without writing anything: the topic's end offsets read (it exists, the cluster answers), a
     * producer connected to it and closed, and the topic read after those offsets for a record of this writer —
     * none. Returns what was done.
     */
    public synchronized String rehearse() {
        endsAtStart = scan.endOffsets();
        try (KafkaProducer<String, byte[]> rehearsal = newProducer()) {
            int partitions = rehearsal.partitionsFor(topic).size();
            stopped = true;
            StopVerification verification = verifyStopped();
            if (!verification.clean()) {
                throw new FaultException("rehearsal on " + where() + " not verified: " + verification.describe());
            }
            return "connected a producer to " + where() + " (" + partitions + " partitions), closed it without writing,"
                    + " and read the topic after its end offsets " + endsAtStart + ": no record of " + injectionId;
        } catch (KafkaException e) {
            throw new FaultException("rehearsal on " + where() + " failed: " + e.getMessage(), e);
        }
    }

    /** Starts writing; throws {@link FaultException} when the topic does not exist or the cluster does not answer. */
    public synchronized void start() {
        if (producer != null || stopped) {
            throw new IllegalStateException("a record writer starts once");
        }
        endsAtStart = scan.endOffsets();
        producer = newProducer();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "faultline-records-" + injectionId);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::writeOne, 0, Math.round(1e9 / ratePerSecond), TimeUnit.NANOSECONDS);
    }

    /** Records written and acknowledged so far. */
    public long written() {
        return written.get();
    }

    /** The first failed write, if any: then the writer is no longer doing what it should. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Stops writing: when this returns no record can be sent any more and those sent are acknowledged. Idempotent. */
    public synchronized void stop() {
        stopped = true;
        if (timer != null) {
            timer.shutdown();
            try {
                if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                    timer.shutdownNow();
                }
            } catch (InterruptedException e) {
                timer.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(KAFKA_TIMEOUT); // flushes what was sent first
        }
    }

    /**
     * Reads every partition from just after the last record this writer wrote there (or from its end when the writer
     * started) up to its end now, counting the records that carry this writer's injection header.
     */
    public StopVerification verifyStopped() {
        if (!stopped) {
            throw new IllegalStateException("verify after stop()");
        }
        if (endsAtStart == null) {
            return new StopVerification(true, 0, 0, 0, Map.of(), Map.of());
        }
        return scan.after(lastWritten, endsAtStart, written.get(), INJECTION_HEADER, injectionId);
    }

    private void writeOne() {
        if (stopped || failure.get() != null) {
            return;
        }
        MalformedRecord record = records.next();
        RecordHeaders headers = new RecordHeaders();
        headers.add(EXPERIMENT_HEADER, utf8(experimentId));
        headers.add(INJECTION_HEADER, utf8(injectionId));
        headers.add(KIND_HEADER, utf8(record.kind().label()));
        try {
            producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, "writing a " + record.kind().label() + " record failed: " + error);
                } else {
                    written.incrementAndGet();
                    lastWritten.merge(metadata.partition(), metadata.offset(), Math::max);
                }
            });
        } catch (RuntimeException e) {
            failure.compareAndSet(null, "writing a " + record.kind().label() + " record failed: " + e);
        }
    }

    private KafkaProducer<String, byte[]> newProducer() {
        int biggest = records.kinds().contains(RecordKind.OVERSIZED) ? MalformedRecords.MAX_OVERSIZED_BYTES : 0;
        return new KafkaProducer<>(cluster.clientProperties(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "faultline-records-" + injectionId, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(1 << 20, biggest + 65_536),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000)),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static byte[] utf8(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RecordWriter[" + where() + ", " + ratePerSecond + "/s, kinds " + Arrays.toString(records.kinds().toArray()) + "]";
    }
}
