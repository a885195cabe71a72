package dev.faultline.demo.fulfilment;

import dev.faultline.demo.orders.ShopKafka;
import dev.faultline.demo.orders.OrderTopics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of fulfilment: one thread polls demo.orders (group {@code groupId}, from the earliest record when
 * the group has no offset), hands each record to the {@link OrderIntake} in offset order, dead-letters what it gives
 * up on (one WARN line each), counts the outcome, and commits after each poll's records are done.
 */
final class FulfilmentConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FulfilmentConsumer.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final OrderIntake intake;
    private final DeadLetters deadLetters;
    private final FulfilmentMetrics metrics;
    private final LagMonitor lag;
    private final Thread thread;
    private volatile boolean assigned;
    private volatile boolean closing;
    private volatile String failure;

    FulfilmentConsumer(ShopKafka kafka, String groupId, OrderIntake intake, DeadLetters deadLetters,
                       FulfilmentMetrics metrics, LagMonitor lag) {
        this.consumer = new KafkaConsumer<>(kafka.clientProperties(Map.of(ConsumerConfig.GROUP_ID_CONFIG, groupId, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // a poll's records are handled one after the other, retries included: keep a poll well within
                // max.poll.interval.ms even when every record of it is retried
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50)),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.lag = lag;
        this.thread = new Thread(this::run, "fulfilment-consumer");
    }

    void start() {
        thread.start();
    }

    /** Empty while the consumer owns partitions of demo.orders; else why it does not (starting, stopped, failed). */
    Optional<String> notRunning() {
        if (failure != null) {
            return Optional.of("the order consumer stopped: " + failure);
        }
        return assigned ? Optional.empty() : Optional.of("the order consumer has no partition of " + OrderTopics.ORDERS + " yet");
    }

    private void run() {
        try {
            consumer.subscribe(List.of(OrderTopics.ORDERS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(lag::released);
                    assigned = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned = !partitions.isEmpty();
                    LOG.info("consuming {}", partitions);
                }
            });
            while (!closing) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(250));
                for (ConsumerRecord<String, byte[]> record : records) {
                    handle(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException | InterruptException | InterruptedException e) {
            if (!closing) {
                failure = e.toString();
            }
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.error("the order consumer stopped", e);
        } finally {
            assigned = false;
            Thread.interrupted(); // close cleanly even when interrupted
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        long started = System.nanoTime();
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        Outcome outcome = intake.handle(record.key(), record.value(), where);
        if (outcome.kind() == Outcome.Kind.DEAD_LETTERED) {
            deadLetters.send(record, outcome);
            LOG.warn("dead-lettered {} (key {}) after {} attempt(s): {}", where, record.key(), outcome.attempts(),
                    outcome.reason());
        }
        metrics.handled(outcome, (System.nanoTime() - started) / 1e9);
        lag.advanced(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        consumer.wakeup();
        thread.interrupt(); // a retry's backoff
        thread.join(10_000);
    }
}
