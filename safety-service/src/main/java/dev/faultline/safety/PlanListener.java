package dev.faultline.safety;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.cassandra.KeyspaceState;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.kit.events.InvalidEventException;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.preflight.PreflightCoordinator;
import dev.faultline.safety.records.SafetyRecords;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The listener on proposals, hypotheses, safety-service's own topic and verdicts (group {@code safety-service},
 * committed offsets), a thin adapter onto the domain: every event is applied to the {@link SafetyRecords} projection
 * (verdicts are kept for STAGING_FIRST), and PlanApproved runs the preflight. Before it consumes it catches up with
 * the four topics from where its group stands
 * (from offset zero when this start created the keyspace), so that a revision already checked is never checked
 * again; and it waits for the {@link StateListener} to replay the halts, freezes and running injections a preflight
 * checks.
 */
@FaultlineListener(groupId = PlanListener.GROUP)
public class PlanListener extends EventListenerSupport {

    static final String GROUP = "${faultline.safety.group-id:safety-service}";
    private static final List<String> TOPICS = List.of(Topics.Names.PROPOSALS, Topics.Names.HYPOTHESES,
            Topics.Names.SAFETY, Topics.Names.VERDICTS);

    private final SafetyRecords records;
    private final PlanBook plans;
    private final PreflightCoordinator preflight;
    private final boolean rebuild;

    /** @param state built (the halts, freezes and running injections replayed) before this listener consumes */
    public PlanListener(EventDispatch dispatch, SafetyRecords records, PlanBook plans, PreflightCoordinator preflight,
                        StateListener state, KafkaSettings kafka, SafetySettings settings, KeyspaceState keyspace) {
        super(dispatch);
        this.records = records;
        this.plans = plans;
        this.preflight = preflight;
        this.rebuild = keyspace.created();
        catchUp(kafka, settings.groupId(), TOPICS, records::apply);
    }

    @Override
    protected boolean rebuildsFromStart() {
        return rebuild;
    }

    @Topic({Topics.Names.PROPOSALS, Topics.Names.HYPOTHESES, Topics.Names.SAFETY, Topics.Names.VERDICTS})
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::onEvent);
    }

    void onEvent(IncomingEvent event) throws InterruptedException {
        records.apply(event.value());
        if (event.value() instanceof PlanApproved a) {
            String experimentId = event.experimentId();
            if (plans.approvedPlan(experimentId).isEmpty()) {
                throw new InvalidEventException("revision " + a.getRevision() + " of " + experimentId
                        + " was approved but never drafted");
            }
            preflight.onPlanApproved(experimentId, a.getRevision(), a.getHeader());
        }
    }
}
