package dev.faultline.demo.fulfilment;

import dev.faultline.demo.orders.ShopKafka;
import dev.faultline.demo.orders.OrderTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the consumer lag every {@code 500 ms}, from a thread of its own so that it keeps measuring while the
 * consumer is stuck retrying: per partition of demo.orders, its end offset minus the next offset the consumer will
 * take ({@link #advanced}, updated after each record), or minus the group's committed offset for a partition it has
 * not taken anything from yet. Kafka unreachable: the last value stays.
 */
final class LagMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LagMonitor.class);

    private final Admin admin;
    private final String groupId;
    private final LongConsumer report;
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fulfilment-lag");
        thread.setDaemon(true);
        return thread;
    });

    LagMonitor(ShopKafka kafka, String groupId, LongConsumer report) {
        this.admin = Admin.create(kafka.clientProperties(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000)));
        this.groupId = groupId;
        this.report = report;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::measure, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** The consumer is done with everything before {@code nextOffset} on {@code partition}. */
    void advanced(TopicPartition partition, long nextOffset) {
        next.put(partition, nextOffset);
    }

    /** The consumer no longer owns {@code partition}: its committed offset counts again. */
    void released(TopicPartition partition) {
        next.remove(partition);
    }

    /** The lag now, in records; runs Admin calls (a few ms on a healthy cluster). */
    long lag() throws Exception {
        TopicDescription topic = admin.describeTopics(List.of(OrderTopics.ORDERS)).allTopicNames()
                .get(5, TimeUnit.SECONDS).get(OrderTopics.ORDERS);
        Map<TopicPartition, OffsetSpec> latest = topic.partitions().stream().collect(Collectors.toMap(
                p -> new TopicPartition(OrderTopics.ORDERS, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
            Long taken = next.get(end.getKey());
            if (taken == null) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                taken = offset == null ? 0L : offset.offset();
            }
            lag += Math.max(0, end.getValue().offset() - taken);
        }
        return lag;
    }

    private void measure() {
        try {
            report.accept(lag());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("consumer lag not measured: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
