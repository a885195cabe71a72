package dev.faultline.demo.fulfilment;

import dev.faultline.demo.orders.ShopKafka;
import dev.faultline.demo.orders.OrderTopics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a record fulfilment gave up on to {@link OrderTopics#DEAD_LETTERS}: its key, value and headers as they came
 * (so whoever wrote it can find it again), plus {@code dlq-reason}, {@code dlq-source} (topic-partition@offset) and
 * {@code dlq-attempts}. Waits for the acknowledgement, so that a record is only passed once its dead letter is stored.
 */
final class DeadLetters implements AutoCloseable {

    static final String REASON = "dlq-reason";
    static final String SOURCE = "dlq-source";
    static final String ATTEMPTS = "dlq-attempts";

    private final KafkaProducer<String, byte[]> producer;

    DeadLetters(ShopKafka kafka) {
        producer = new KafkaProducer<>(kafka.clientProperties(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024)),
                new StringSerializer(), new ByteArraySerializer());
    }

    void send(ConsumerRecord<String, byte[]> record, Outcome outcome) throws InterruptedException {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON, outcome.reason().getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE, (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add(ATTEMPTS, Integer.toString(outcome.attempts()).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(OrderTopics.DEAD_LETTERS, null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot dead-letter " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
