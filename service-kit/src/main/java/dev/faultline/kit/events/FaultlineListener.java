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
 * the dead-letter topic and the listener goes on. The group id may hold placeholders ({@code ${faultline.x.group-id:x}}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC,
        isolation = IsolationLevel.READ_COMMITTED,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = FaultlineListener.RETRIES, retryDelay = "300ms"),
        properties = @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "200"))
public @interface FaultlineListener {

    /** Retries of a failing record before it is dead-lettered (so {@code RETRIES + 1} attempts in all). */
    int RETRIES = 2;

    /** The consumer group. */
    @AliasFor(annotation = KafkaListener.class, member = "groupId")
    String groupId();
}
