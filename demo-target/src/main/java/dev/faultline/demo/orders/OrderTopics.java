package dev.faultline.demo.orders;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** The shop's order topics on its Kafka cluster, and their creation at start (by whichever process comes first). */
public final class OrderTopics {

    /** Order events, key = order id: written by the storefront, read by fulfilment. */
    public static final String ORDERS = "demo.orders";
    /** Records fulfilment could not process, with the reason in the {@code dlq-reason} header. */
    public static final String DEAD_LETTERS = "demo.orders.dlq";
    /** Partitions of {@link #ORDERS}; one fulfilment consumer owns them all. */
    public static final int ORDER_PARTITIONS = 3;

    private OrderTopics() {
    }

    /** Creates both topics on {@code kafka} unless they exist; fails when Kafka does not answer in 15 s. */
    public static void ensure(ShopKafka kafka) {
        try (Admin admin = Admin.create(kafka.clientProperties(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000)))) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(new NewTopic(ORDERS, ORDER_PARTITIONS, (short) 1),
                    new NewTopic(DEAD_LETTERS, 1, (short) 1)).stream().filter(t -> !existing.contains(t.name())).toList();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the order topics on Kafka " + kafka.bootstrapServers() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the order topics", e);
        }
    }
}
