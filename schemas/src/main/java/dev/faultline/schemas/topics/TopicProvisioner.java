package dev.faultline.schemas.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the catalogue's topics that do not exist yet; existing topics are left exactly as they are. */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Creates every topic of {@link Topics#all()} that is missing; returns the names created. */
    public List<String> createMissing(short replicationFactor) {
        return createMissing(Topics.all(), replicationFactor);
    }

    /** Creates those of {@code topics} that are missing, with {@code replicationFactor} replicas; returns the names created. */
    public List<String> createMissing(Collection<Topic> topics, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> topic.definition().toNewTopic(replicationFactor)).toList();
            if (missing.isEmpty()) {
                return List.of();
            }
            CreateTopicsResult result = admin.createTopics(missing);
            List<String> created = missing.stream().map(NewTopic::name).filter(name -> awaitCreated(result, name)).toList();
            awaitLeaders(awaitVisible(missing.stream().map(NewTopic::name).toList()).values());
            LOG.info("Created topics {}", created);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Faultline topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list or create Faultline topics: " + e.getMessage(), e);
        }
    }

    /** Waits until the broker serves metadata for {@code names}, so that clients can use them on return; returns it. */
    private Map<String, TopicDescription> awaitVisible(List<String> names) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + names + " not visible: " + e.getCause().getMessage(), e);
                }
                Thread.sleep(50); // metadata propagates from the controller within milliseconds
            }
        }
    }

    /**
     * Waits until every partition of {@code topics} is served by its leader: a ListOffsets, which only a partition's
     * leader answers (the admin client retries NOT_LEADER_OR_FOLLOWER within its API timeout). The metadata names a
     * new partition's leader a moment before that broker has taken the partition on; an idempotent producer whose
     * first write fell into that moment was seen (Kafka 4.4, ReplayIT in CI) to retry its first batch against
     * OUT_OF_ORDER_SEQUENCE until its delivery timeout. A client allowed to create topics but not to describe them
     * skips the wait.
     */
    private void awaitLeaders(Collection<TopicDescription> topics) throws InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        topics.forEach(topic -> topic.partitions().forEach(p ->
                partitions.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        try {
            admin.listOffsets(partitions).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                return;
            }
            throw new IllegalStateException("topics " + topics.stream().map(TopicDescription::name).toList()
                    + " have no serving leader yet: " + e.getCause().getMessage(), e);
        }
    }

    /** False if another client created the topic first (a race is not an error). */
    private boolean awaitCreated(CreateTopicsResult result, String name) {
        try {
            result.values().get(name).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + name + " not created within " + timeout, e);
        }
    }
}
