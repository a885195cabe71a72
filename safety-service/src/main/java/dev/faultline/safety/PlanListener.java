package dev.faultline.safety;

import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.kit.events.InvalidEventException;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.preflight.PreflightCoordinator;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The listener on proposals and hypotheses (group {@code safety-service}, committed offsets), a thin adapter onto
 * the domain: drafts and proposers are stored, PlanApproved runs the preflight — never before the {@link StateListener}
 * has replayed the halts, freezes and running injections a preflight checks.
 */
@FaultlineListener(groupId = "${faultline.safety.group-id:safety-service}")
public class PlanListener extends EventListenerSupport {

    private final PlanBook plans;
    private final PreflightCoordinator preflight;

    /** @param state built (the halts, freezes and running injections replayed) before this listener consumes */
    public PlanListener(EventDispatch dispatch, PlanBook plans, PreflightCoordinator preflight, StateListener state) {
        super(dispatch);
        this.plans = plans;
        this.preflight = preflight;
    }

    @Topic({Topics.Names.PROPOSALS, Topics.Names.HYPOTHESES})
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::onPlan);
    }

    void onPlan(IncomingEvent event) throws InterruptedException {
        String experimentId = event.experimentId();
        if (event.value() instanceof ExperimentProposed p) {
            plans.proposedBy(experimentId, p.getHeader().getActor().getId());
        } else if (event.value() instanceof HypothesisDrafted d) {
            plans.saveDraft(experimentId, d.getRevision(), d.getHypothesis());
            if (d.getRevision() == 1 && d.getHeader().getActor().getKind() == ActorKind.PERSON) {
                plans.draftedFor(experimentId, d.getHeader().getActor().getId());
            }
        } else if (event.value() instanceof PlanApproved a) {
            plans.approved(experimentId, a.getRevision());
            if (plans.approvedPlan(experimentId).isEmpty()) {
                throw new InvalidEventException("revision " + a.getRevision() + " of " + experimentId
                        + " was approved but never drafted");
            }
            preflight.onPlanApproved(experimentId, a.getRevision(), a.getHeader());
        }
    }
}
