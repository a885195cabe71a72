package dev.faultline.kit.testing;

import static org.awaitility.Awaitility.await;

import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/** Which partitions a service instance's Kafka listeners are assigned, for the tests of several instances. */
public final class ListenerAssignments {

    private ListenerAssignments() {
    }

    /** The partitions of {@code topic} the instance's listeners are assigned now (none while one has no assignment yet). */
    public static Set<Integer> partitions(ApplicationContext context, String topic) {
        return partitions(context, topic, id -> true);
    }

    /** As {@link #partitions(ApplicationContext, String)}, of the listeners whose consumer id {@code listener} accepts. */
    public static Set<Integer> partitions(ApplicationContext context, String topic, Predicate<String> listener) {
        ConsumerRegistry consumers = context.getBean(ConsumerRegistry.class);
        try {
            return consumers.getConsumerIds().stream().filter(listener)
                    .flatMap(id -> consumers.getConsumerAssignment(id).stream())
                    .filter(p -> p.topic().equals(topic)).map(TopicPartition::partition).collect(Collectors.toSet());
        } catch (IllegalArgumentException noAssignmentYet) {
            return Set.of();
        }
    }

    /** Waits until two instances share an experiment topic's partitions: each some, together all of them. */
    public static void awaitSplit(ApplicationContext first, ApplicationContext second,
                                  Function<ApplicationContext, Set<Integer>> partitions, Duration atMost) {
        await().atMost(atMost).until(() -> !partitions.apply(first).isEmpty() && !partitions.apply(second).isEmpty()
                && partitions.apply(first).size() + partitions.apply(second).size() == Topics.EXPERIMENT_PARTITIONS);
    }
}
