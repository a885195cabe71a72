package dev.faultline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.demo.fulfilment.FulfilmentApp;
import dev.faultline.demo.fulfilment.FulfilmentConfig;
import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.orders.OrderTopics;
import dev.faultline.demo.pricing.PricingApp;
import dev.faultline.demo.storefront.StorefrontApp;
import dev.faultline.demo.storefront.StorefrontConfig;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.demo.orders.ShopKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fulfilment against a real Kafka broker (the devstack's): orders the storefront takes are fulfilled, bad records are
 * dead-lettered with their reason while good ones keep flowing, and wrongly typed records make the lag grow — the gap.
 * One fulfilment for the class (3 attempts, 200 ms then 400 ms: 0.6 s per wrongly typed record); each test counts
 * from where the previous one left the counters and uses keys of its own.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FulfilmentKafkaIT {

    private static final Pattern SERIES = Pattern.compile("(?m)^(\\w+(?:\\{[^}]*\\})?) (\\S+)$");
    private static final String GOOD = "{\"orderId\":\"%s\",\"productId\":\"sku-2\",\"quantity\":1,\"unitPrice\":9.99,"
            + "\"placedAt\":\"2025-03-01T10:15:30Z\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private ShopKafka kafka;
    private HttpApp fulfilment;
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void start(DevStack stack) throws Exception {
        kafka = new ShopKafka(stack.kafkaBootstrapServers(), stringValues(stack.kafkaClientProperties(KafkaPrincipal.DEMO_SHOP)));
        fulfilment = FulfilmentApp.start(new FulfilmentConfig(0, kafka, "fulfilment-it-" + run, 3, Duration.ofMillis(200)));
        producer = new KafkaProducer<>(kafka.clientProperties(Map.of()), new StringSerializer(),
                new ByteArraySerializer());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(fulfilment, "/health").statusCode() == 200);
    }

    @AfterAll
    void stop() { // before the shared stack's Kafka stops (at the end of the run)
        fulfilment.close();
        producer.close();
    }

    @Test
    void shouldFulfilTheOrdersTheStorefrontTakes() throws Exception {
        double processed = metric("fulfilment_orders_total{outcome=\"processed\"}");
        try (HttpApp pricing = PricingApp.start(0);
             HttpApp storefront = StorefrontApp.start(new StorefrontConfig(0, pricing.baseUrl(), Duration.ofSeconds(1),
                     Duration.ofSeconds(1), 50, kafka))) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> order = post(storefront, "/orders", "{\"productId\":\"sku-4\",\"quantity\":2}");
                assertThat(order.statusCode()).isEqualTo(201);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(get(storefront, "/metrics").body()).contains("storefront_order_events_total{result=\"published\"} 3.0"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(metric("fulfilment_orders_total{outcome=\"processed\"}")).isEqualTo(processed + 3));
    }

    @Test
    void shouldDeadLetterBadRecordsWithTheirReasonWhileGoodOnesKeepFlowing() throws Exception {
        double processed = metric("fulfilment_orders_total{outcome=\"processed\"}");
        double deadLettered = metric("fulfilment_orders_total{outcome=\"dead_lettered\"}");
        String prefix = "bad-" + run + "-";
        Map<String, byte[]> bad = Map.of(
                prefix + "garbage", new byte[] {(byte) 0xff, 0x00, (byte) 0xfe, 0x13},
                prefix + "other-schema", "{\"paymentId\":\"pay-1\",\"amount\":5}".getBytes(StandardCharsets.UTF_8),
                prefix + "missing-field", "{\"orderId\":\"x\",\"productId\":\"sku-1\"}".getBytes(StandardCharsets.UTF_8),
                prefix + "unknown-product", String.format(GOOD, prefix + "unknown-product").replace("sku-2", "sku-999")
                        .getBytes(StandardCharsets.UTF_8));
        List<String> good = new ArrayList<>();
        for (Map.Entry<String, byte[]> record : bad.entrySet()) {
            String orderId = "good-" + run + "-" + good.size();
            good.add(orderId);
            send(orderId, String.format(GOOD, orderId).getBytes(StandardCharsets.UTF_8));
            send(record.getKey(), record.getValue());
        }

        Map<String, ConsumerRecord<String, byte[]>> letters = awaitDeadLetters(prefix, bad.size());

        assertThat(header(letters.get(prefix + "garbage"), "dlq-reason")).startsWith("invalid: not JSON");
        assertThat(header(letters.get(prefix + "other-schema"), "dlq-reason"))
                .isEqualTo("invalid: missing fields orderId, productId, quantity, unitPrice, placedAt");
        assertThat(header(letters.get(prefix + "missing-field"), "dlq-reason"))
                .isEqualTo("invalid: missing fields quantity, unitPrice, placedAt");
        assertThat(header(letters.get(prefix + "unknown-product"), "dlq-reason")).isEqualTo("rejected: unknown product sku-999");
        assertThat(letters.values()).allSatisfy(letter -> {
            assertThat(header(letter, "dlq-source")).startsWith(OrderTopics.ORDERS + "-");
            assertThat(header(letter, "dlq-attempts")).isEqualTo("1");
            assertThat(header(letter, "test-run")).as("the original headers are kept").isEqualTo(run);
        });
        assertThat(letters.get(prefix + "garbage").value()).containsExactly(0xff, 0x00, 0xfe, 0x13);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(metric("fulfilment_orders_total{outcome=\"processed\"}")).isEqualTo(processed + good.size());
            assertThat(metric("fulfilment_orders_total{outcome=\"dead_lettered\"}")).isEqualTo(deadLettered + bad.size());
        });
    }

    @Test
    void shouldFallBehindUnderAStreamOfWronglyTypedRecords() throws Exception {
        double deadLettered = metric("fulfilment_orders_total{outcome=\"dead_lettered\"}");
        double retries = metric("fulfilment_processing_retries_total");
        String prefix = "typed-" + run + "-";
        int count = 12;
        for (int i = 0; i < count; i++) {
            String orderId = prefix + i;
            String value = String.format(GOOD, orderId);
            send(orderId, (i % 2 == 0 ? value.replace("\"quantity\":1", "\"quantity\":\"two\"")
                    : value.replace("9.99", "\"9.99\"")).getBytes(StandardCharsets.UTF_8));
        }

        // each one holds the consumer for 0.6 s: the records behind it wait, and the lag shows them
        AtomicLong highest = new AtomicLong();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            highest.accumulateAndGet((long) metric("fulfilment_consumer_lag"), Math::max);
            assertThat(highest.get()).isGreaterThanOrEqualTo(count / 2);
        });
        Map<String, ConsumerRecord<String, byte[]>> letters = awaitDeadLetters(prefix, count);

        assertThat(letters.values()).allSatisfy(letter -> {
            assertThat(header(letter, "dlq-attempts")).isEqualTo("3");
            assertThat(header(letter, "dlq-reason")).startsWith("failed 3 times: cannot map the order onto OrderEvent (field ");
        });
        assertThat(header(letters.get(prefix + "0"), "dlq-reason")).contains("(field quantity)");
        assertThat(header(letters.get(prefix + "1"), "dlq-reason")).contains("(field unitPrice)");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metric("fulfilment_orders_total{outcome=\"dead_lettered\"}")).isEqualTo(deadLettered + count);
            assertThat(metric("fulfilment_processing_retries_total")).isEqualTo(retries + 2 * count);
            assertThat(metric("fulfilment_consumer_lag")).as("caught up once they are dead-lettered").isZero();
        });
    }

    private void send(String key, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(OrderTopics.ORDERS, key, value);
        record.headers().add("test-run", run.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    /** The dead letters whose key starts with {@code prefix}, by key, once there are {@code count}. */
    private Map<String, ConsumerRecord<String, byte[]>> awaitDeadLetters(String prefix, int count) {
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> dlq = new KafkaConsumer<>(kafka.clientProperties(Map.of()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(OrderTopics.DEAD_LETTERS, 0);
            dlq.assign(List.of(partition));
            dlq.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key() != null && record.key().startsWith(prefix)) {
                        found.put(record.key(), record);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private double metric(String series) throws Exception {
        Matcher matcher = SERIES.matcher(get(fulfilment, "/metrics").body());
        while (matcher.find()) {
            if (matcher.group(1).equals(series)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError("no series " + series + " on fulfilment's /metrics");
    }

    private HttpResponse<String> get(HttpApp app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpApp app, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> stringValues(Map<String, Object> props) {
        Map<String, String> values = new HashMap<>();
        props.forEach((key, value) -> values.put(key, value.toString()));
        return values;
    }
}
