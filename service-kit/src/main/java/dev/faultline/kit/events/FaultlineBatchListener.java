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
 * A {@link FaultlineListener} that takes a whole poll at once (micronaut-kafka's {@code batch = true}): its
 * {@code @Topic} method takes the poll's {@code ConsumerRecords<String, byte[]>} and calls
 * {@link EventListenerSupport#dispatchAll}, which hands them to the {@link BatchEventHandler} the listener names at
 * construction. The same guarantees: a new group reads from offset zero, committed data only, offsets committed once
 * the whole poll is handled, a dead member given up after {@link FaultlineListener#SESSION_TIMEOUT_MS} ms; a failing poll is retried whole twice ({@link FaultlineListener#RETRIES}, 300 ms apart),
 * then its records are handled one by one and those that still fail are dead-lettered. Up to 500 records a poll,
 * where a record-at-a-time listener takes 200: the handling's fixed cost is per poll (the commit, a handler's checks
 * after the poll's writes), and a catching-up analysis-service stored evidence with about a quarter less CPU a
 * sample at 500 than at 200 (scripts/bench-evidence.sh).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(batch = true, offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC,
        isolation = IsolationLevel.READ_COMMITTED,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = FaultlineListener.RETRIES, retryDelay = "300ms"),
        properties = {@Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "500"),
                @Property(name = ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, value = FaultlineListener.SESSION_TIMEOUT_MS),
                @Property(name = ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, value = FaultlineListener.HEARTBEAT_INTERVAL_MS)})
public @interface FaultlineBatchListener {

    /** The consumer group. */
    @AliasFor(annotation = KafkaListener.class, member = "groupId")
    String groupId();
}
