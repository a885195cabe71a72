package dev.faultline.analysis.followup;

import dev.faultline.analysis.AnalysisSettings;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.cassandra.KeyspaceState;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The follow-up queue's listener, in the group {@code <faultline.analysis.group-id>-followups}: each verdict on
 * faultline.verdicts (the service's own) opens its follow-ups ({@link FollowUpOpener}); faultline.targets keeps the
 * owners; faultline.followups (also its own) is projected into the queue. Before it consumes, it catches up with the
 * targets and the follow-ups from where its group stands — offset zero when this start created the keyspace — so that a
 * verdict read again finds its follow-ups already opened and a target declared before it is known.
 */
@FaultlineListener(groupId = FollowUpListener.GROUP)
@Requires(property = "faultline.analysis.enabled", notEquals = "false")
public class FollowUpListener extends EventListenerSupport {

    static final String GROUP = "${faultline.analysis.group-id:analysis-service}-followups";

    private final FollowUpOpener opener;
    private final FollowUpStore store;
    private final TargetOwners owners;
    private final boolean rebuild;

    public FollowUpListener(EventDispatch dispatch, FollowUpOpener opener, FollowUpStore store, TargetOwners owners,
                            KafkaSettings kafka, AnalysisSettings settings, KeyspaceState keyspace) {
        super(dispatch);
        this.opener = opener;
        this.store = store;
        this.owners = owners;
        this.rebuild = keyspace.created();
        catchUp(kafka, settings.groupId() + "-followups", List.of(Topics.Names.TARGETS, Topics.Names.FOLLOWUPS),
                this::project);
    }

    @Override
    protected boolean rebuildsFromStart() {
        return rebuild;
    }

    @Topic({Topics.Names.VERDICTS, Topics.Names.TARGETS, Topics.Names.FOLLOWUPS})
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::handle);
    }

    void handle(IncomingEvent event) {
        if (event.value() instanceof VerdictIssued verdict) {
            opener.open(verdict);
        } else {
            project(event.value());
        }
    }

    private void project(SpecificRecord event) {
        if (event instanceof TargetDeclared declared) {
            owners.declare(declared);
        } else if (event instanceof FollowUpOpened opened) {
            store.saveKnown(opened);
        } else if (event instanceof FollowUpStateChanged changed) {
            store.apply(changed);
        }
    }
}
