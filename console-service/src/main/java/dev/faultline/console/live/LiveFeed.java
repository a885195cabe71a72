package dev.faultline.console.live;

import dev.faultline.console.ConsoleSettings;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.serde.FaultlineSerdes;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the topics the console shows live — injections, evidence, verdicts, control — into the {@link LiveHub}, on
 * a thread of its own. No consumer group: every console instance reads every partition, from {@code lookback} ago
 * (so a run that began before the console shows its evidence so far), and commits nothing; it needs only read
 * access (the local stack runs it as {@code faultline-auditor}). It writes nothing either: a record it cannot decode
 * is skipped with a warning, the services that own the topics dead-letter it. Topics that do not exist yet are
 * waited for.
 */
@Singleton
@Requires(property = "faultline.console.live.enabled", notEquals = "false")
public final class LiveFeed {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    static final List<String> TOPICS = List.of(Topics.Names.INJECTIONS, Topics.Names.EVIDENCE, Topics.Names.VERDICTS,
            Topics.Names.CONTROL);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration TOPIC_WAIT = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final KafkaSettings kafka;
    private final LiveHub hub;
    private final Duration lookback;
    private final Clock clock;
    /** Counted down once, when the feed is to stop. */
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaConsumer<String, SpecificRecord> consumer;
    /** Where each partition goes on: a reading started again after a failure sends nothing twice (feed thread only). */
    private final Map<TopicPartition, Long> next = new HashMap<>();

    public LiveFeed(KafkaSettings kafka, LiveHub hub, ConsoleSettings settings, Clock clock) {
        this.kafka = kafka;
        this.hub = hub;
        this.lookback = settings.lookback();
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Thread thread = new Thread(this::run, "console-live-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads until stopped; a failure (the broker gone, an ACL missing) is logged and the reading starts again. */
    private void run() {
        try {
            while (running()) {
                try (KafkaConsumer<String, SpecificRecord> reader = newConsumer()) {
                    consumer = reader;
                    if (!running()) {
                        return;
                    }
                    assign(reader);
                    while (running()) {
                        poll(reader);
                    }
                } catch (WakeupException e) {
                    LOG.debug("live feed stopped");
                } catch (RuntimeException e) {
                    LOG.error("live feed failed, starting again in {}: {}", RETRY, e.toString(), e);
                    pause(RETRY);
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    private KafkaConsumer<String, SpecificRecord> newConsumer() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, kafka.serviceName() + "-live");
        // a topic not created yet is waited for: asking the broker to create it would need a right the console lacks
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        Map<String, Object> serde = new HashMap<>(kafka.clientProperties());
        serde.put(FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true);
        return new KafkaConsumer<>(props, new StringDeserializer(), FaultlineSerdes.anyEvent(serde).deserializer());
    }

    /**
     * Every partition of the four topics: where the last reading stopped, else from {@code lookback} ago (their end
     * where nothing is that recent).
     */
    private void assign(KafkaConsumer<String, SpecificRecord> reader) {
        List<TopicPartition> partitions = partitions(reader);
        reader.assign(partitions);
        long since = clock.instant().minus(lookback).toEpochMilli();
        Map<TopicPartition, OffsetAndTimestamp> offsets = reader.offsetsForTimes(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> since)));
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        partitions.forEach(p -> reader.seek(p, next.containsKey(p) ? next.get(p)
                : offsets.get(p) == null ? ends.get(p) : offsets.get(p).offset()));
        LOG.info("live feed reads {} partitions of {} from {} ago", partitions.size(), TOPICS, lookback);
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, SpecificRecord> reader) {
        while (true) {
            Map<String, List<PartitionInfo>> found = new HashMap<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> info = reader.partitionsFor(topic);
                if (info != null && !info.isEmpty()) {
                    found.put(topic, info);
                }
            }
            if (found.size() == TOPICS.size()) {
                return found.values().stream().flatMap(List::stream)
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            LOG.info("live feed waits for the topics {} to exist", TOPICS.stream().filter(t -> !found.containsKey(t)).toList());
            pause(TOPIC_WAIT);
            if (!running()) {
                throw new WakeupException();
            }
        }
    }

    private boolean running() {
        return stopping.getCount() > 0;
    }

    /** Waits {@code duration}, or less if the feed is stopped meanwhile. */
    private void pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }

    private void poll(KafkaConsumer<String, SpecificRecord> reader) {
        try {
            for (ConsumerRecord<String, SpecificRecord> record : reader.poll(POLL)) {
                next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                if (record.value() != null) {
                    LiveEvents.of(record.value()).ifPresent(hub::publish);
                }
            }
        } catch (RecordDeserializationException e) {
            LOG.warn("live feed skips an undecodable record at {} offset {}: {}", e.topicPartition(), e.offset(),
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            next.put(e.topicPartition(), e.offset() + 1);
            reader.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping.countDown();
        KafkaConsumer<String, SpecificRecord> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
        stopped.await(10, TimeUnit.SECONDS);
    }
}
