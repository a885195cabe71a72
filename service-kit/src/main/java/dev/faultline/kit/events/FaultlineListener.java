package dev.faultline.kit.events;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.context.annotation.AliasFor;
import io.micronaut.context.annotation.Property;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;

/**
 * A micronaut-kafka listener with Faultline's consumer guarantees: a new group reads from offset zero (a service
 * rebuilds from the whole history), committed data only, offsets committed after a poll's records are handled, and a
 * failing record retried twice before the listener's exception handler (see {@link EventListenerSupport}) sends it to
 * the dead-letter topic and the listener goes on. A member that dies (killed, its host lost) is given up after
 * {@value #SESSION_TIMEOUT_MS} ms rather than Kafka's 45 s, so its partitions — and the experiments on them — move to
 * a live member (or its restart) within seconds. The group id may hold placeholders ({@code ${faultline.x.group-id:x}}).
 *
 * <p>A listener that builds an in-memory read model every instance needs whole (a service's active halts, its
 * calendar, the declared targets) sets {@link #uniqueGroupId()}: each instance then reads every partition in a group of
 * its own ({@code <groupId>_<uuid>}, within the service's group prefix), instead of sharing them with the other
 * instances. Such a listener replays its topics at every start ({@link EventListenerSupport#replayThenFollow}), so the
 * group's committed offsets are never needed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC,
        isolation = IsolationLevel.READ_COMMITTED,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = FaultlineListener.RETRIES, retryDelay = "300ms"),
        properties = {@Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "200"),
                @Property(name = ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, value = FaultlineListener.SESSION_TIMEOUT_MS),
                @Property(name = ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, value = FaultlineListener.HEARTBEAT_INTERVAL_MS)})
public @interface FaultlineListener {

    /** Retries of a failing record before it is dead-lettered (so {@code RETRIES + 1} attempts in all). */
    int RETRIES = 2;

    /** How long a silent member keeps its partitions (the broker's minimum is 6 s). */
    String SESSION_TIMEOUT_MS = "10000";

    /** A third of the session timeout, as Kafka advises. */
    String HEARTBEAT_INTERVAL_MS = "3000";

    /** The consumer group. */
    @AliasFor(annotation = KafkaListener.class, member = "groupId")
    String groupId();

    /**
     * Whether each instance of the service reads all partitions in a group of its own ({@code <groupId>_<uuid>}),
     * rather than sharing them with the other instances in {@link #groupId()}: for in-memory read models every
     * instance needs whole.
     */
    @AliasFor(annotation = KafkaListener.class, member = "uniqueGroupId")
    boolean uniqueGroupId() default false;
}
