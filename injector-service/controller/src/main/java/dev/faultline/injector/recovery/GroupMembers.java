package dev.faultline.injector.recovery;

import dev.faultline.injector.run.ClearanceListener;
import dev.faultline.kit.KafkaSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which injector processes are alive as Kafka sees them: the members of the clearance listener's consumer group. An
 * instance cut off from Cassandra stops beating there, but its consumer keeps heartbeating to the group coordinator,
 * so it stays a member; a dead one is dropped from the group after the session timeout (10 s,
 * {@code FaultlineListener.SESSION_TIMEOUT_MS}). Each instance records its own member id with its heartbeat
 * ({@link #joined}, from the listener's assignment callback), so another can tell the two apart.
 */
@Singleton
public class GroupMembers {

    private static final Logger LOG = LoggerFactory.getLogger(GroupMembers.class);
    private static final Duration ASK = Duration.ofSeconds(3);

    private final String groupId;
    private final KafkaSettings kafka;
    private volatile String own;
    private Admin admin;

    public GroupMembers(@Value(ClearanceListener.GROUP) String groupId, KafkaSettings kafka) {
        this.groupId = groupId;
        this.kafka = kafka;
    }

    /** This instance's consumer joined the group (again) as {@code memberId}. */
    public void joined(String memberId) {
        if (memberId != null && !memberId.isEmpty() && !memberId.equals(own)) {
            own = memberId;
            LOG.debug("member of {} as {}", groupId, memberId);
        }
    }

    /** This instance's member id, once its consumer has joined the group. */
    @Nullable
    public String own() {
        return own;
    }

    /** The group's current member ids; empty when Kafka did not answer in time (nothing can be told then). */
    public Optional<Set<String>> current() {
        try {
            Map<String, ConsumerGroupDescription> groups = admin().describeConsumerGroups(Set.of(groupId)).all()
                    .get(ASK.toMillis(), TimeUnit.MILLISECONDS);
            ConsumerGroupDescription group = groups.get(groupId);
            return Optional.of(group == null ? Set.of()
                    : group.members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("cannot describe consumer group {}: {}", groupId, e.toString());
            return Optional.empty();
        }
    }

    public String groupId() {
        return groupId;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> props = kafka.clientProperties();
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ASK.toMillis());
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK.toMillis());
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
