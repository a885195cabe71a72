package dev.faultline.injector.clearance;

import dev.faultline.kit.cassandra.KeyspaceState;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The listener on faultline.hypotheses: keeps every drafted revision and which one was approved in the
 * {@link PlanBook}, a projection of the topic, replayed from offset zero when this start created the keyspace.
 */
@FaultlineListener(groupId = "${faultline.injector.group-id:injector-service}-hypotheses")
public class PlanListener extends EventListenerSupport {

    private final PlanBook plans;
    private final boolean rebuild;

    public PlanListener(EventDispatch dispatch, PlanBook plans, KeyspaceState keyspace) {
        super(dispatch);
        this.plans = plans;
        this.rebuild = keyspace.created();
    }

    @Override
    protected boolean rebuildsFromStart() {
        return rebuild;
    }

    @Topic(Topics.Names.HYPOTHESES)
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::onPlan);
    }

    private void onPlan(IncomingEvent event) {
        event.as(HypothesisDrafted.class).ifPresent(d -> plans.draft(event.experimentId(), d.getRevision(), d.getHypothesis()));
        event.as(PlanApproved.class).ifPresent(a -> plans.approve(event.experimentId(), a.getRevision()));
    }
}
