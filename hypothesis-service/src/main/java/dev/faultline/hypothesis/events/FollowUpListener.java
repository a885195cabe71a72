package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.reverify.FixReverifier;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Follows analysis-service's follow-up queue (faultline.followups) in the group
 * {@code <faultline.hypothesis.group-id>-followups}: a FIX_SYSTEM follow-up closed DONE proposes its re-verification
 * ({@link FixReverifier}). Built after the {@link ExperimentListener} has caught up with the proposals, so a
 * re-verification proposed before this start is known and not proposed again.
 */
@FaultlineListener(groupId = "${faultline.hypothesis.group-id:hypothesis-service}-followups")
@Requires(property = "faultline.reverify.enabled", notEquals = "false")
public class FollowUpListener extends EventListenerSupport {

    private final FixReverifier reverifier;
    private final Clock clock;

    /** @param experiments caught up with the proposals before this listener consumes */
    public FollowUpListener(EventDispatch dispatch, FixReverifier reverifier, Clock clock, ExperimentListener experiments) {
        super(dispatch);
        this.reverifier = reverifier;
        this.clock = clock;
    }

    @Topic(Topics.Names.FOLLOWUPS)
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::handle);
    }

    void handle(IncomingEvent event) {
        event.as(FollowUpStateChanged.class).ifPresent(change -> reverifier.onChanged(change, clock.instant()));
    }
}
