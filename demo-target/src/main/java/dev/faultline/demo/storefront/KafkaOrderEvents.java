package dev.faultline.demo.storefront;

import dev.faultline.demo.orders.ShopKafka;
import dev.faultline.demo.orders.OrderEvent;
import dev.faultline.demo.orders.OrderEventJson;
import dev.faultline.demo.orders.OrderTopics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes order events on {@link OrderTopics#ORDERS} (key = order id, JSON value) with a plain Kafka producer,
 * asynchronously: the order is already placed, so a failed send is logged (WARN) and counted, not answered to the
 * customer — the event is then lost, a known gap of a publish-after-write.
 */
public final class KafkaOrderEvents implements OrderEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOrderEvents.class);

    private final KafkaProducer<String, byte[]> producer;
    private final Counter published;

    public KafkaOrderEvents(ShopKafka kafka, PrometheusRegistry metrics) {
        this.producer = new KafkaProducer<>(kafka.clientProperties(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                // an order thread waits at most this long for Kafka's metadata; then the send fails and is counted
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000)),
                new StringSerializer(), new ByteArraySerializer());
        this.published = Counter.builder().name("storefront_order_events_total")
                .help("order events sent to Kafka, by result: published (acknowledged) or failed")
                .labelNames("result").withoutExemplars().register(metrics);
        published.initLabelValues("published");
        published.initLabelValues("failed");
    }

    @Override
    public void placed(OrderEvent event) {
        try {
            producer.send(new ProducerRecord<>(OrderTopics.ORDERS, event.orderId(), OrderEventJson.write(event)),
                    (metadata, error) -> {
                        if (error == null) {
                            published.labelValues("published").inc();
                        } else {
                            failed(event, error);
                        }
                    });
        } catch (RuntimeException e) {
            failed(event, e);
        }
    }

    private void failed(OrderEvent event, Exception error) {
        published.labelValues("failed").inc();
        LOG.warn("order event {} not published: {}", event.orderId(), error.toString());
    }

    @Override
    public void close() {
        producer.close();
    }
}
