package dev.faultline.injector.it;

import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A live process's consumer in a consumer group: it joins, keeps polling on a thread of its own (so it takes part in
 * every rebalance) and leaves the group when closed, as a process that dies cleanly would; its member id is what an
 * injector instance records with its heartbeat.
 */
final class GroupMember implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread poller;
    private volatile String memberId = "";
    private volatile boolean open = true;

    private GroupMember(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        this.consumer = consumer;
        this.poller = new Thread(() -> poll(topic), "group-member");
        poller.setDaemon(true);
        poller.start();
    }

    /** Joins {@code group} on {@code topic} and returns once the group has given it a member id. */
    static GroupMember join(DevStack stack, String group, String topic) {
        GroupMember member = new GroupMember(new KafkaConsumer<>(stack.kafkaClientProperties(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000)), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), topic);
        await().atMost(Duration.ofSeconds(30)).until(() -> !member.memberId.isEmpty());
        return member;
    }

    String memberId() {
        return memberId;
    }

    private void poll(String topic) {
        try (consumer) {
            consumer.subscribe(List.of(topic));
            while (open) {
                consumer.poll(Duration.ofMillis(200));
                memberId = consumer.groupMetadata().memberId();
            }
        } catch (WakeupException e) {
            // closed: the consumer leaves the group as it closes
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        consumer.wakeup();
        poller.join(Duration.ofSeconds(30).toMillis());
    }
}
