package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.failuremode.FailureModeCatalog;
import dev.faultline.hypothesis.knowledge.Incidents;
import dev.faultline.hypothesis.knowledge.KnownBehaviours;
import dev.faultline.hypothesis.target.Targets;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What drafting reads besides the proposal, as in-memory read models of four topics: what teams declare — the
 * targets ({@link Targets}, faultline.targets) and the failure-mode templates they add ({@link FailureModeCatalog},
 * faultline.failure-modes) — and what drafting consults — the incidents ({@link Incidents}, faultline.incidents) and
 * the known-behaviour catalog ({@link KnownBehaviours}, catalog-service's faultline.catalog). All four are replayed
 * from offset zero in one read in the constructor, so that no proposal is drafted before they are known (the
 * {@link ExperimentListener} waits for this bean); then the listener goes on from where the replay ended, in a group
 * of this instance's own ({@code hypothesis-service-read-models_<uuid>}), so that each instance follows every partition.
 */
@FaultlineListener(groupId = "${faultline.hypothesis.group-id:hypothesis-service}-read-models", uniqueGroupId = true)
public class ReadModelsListener extends EventListenerSupport {

    private static final List<String> TOPICS = List.of(Topics.Names.TARGETS, Topics.Names.FAILURE_MODES,
            Topics.Names.INCIDENTS, Topics.Names.CATALOG);

    private final Targets targets;
    private final FailureModeCatalog catalog;
    private final Incidents incidents;
    private final KnownBehaviours knownBehaviours;

    public ReadModelsListener(EventDispatch dispatch, Targets targets, FailureModeCatalog catalog, Incidents incidents,
                              KnownBehaviours knownBehaviours, KafkaSettings settings) {
        super(dispatch);
        this.targets = targets;
        this.catalog = catalog;
        this.incidents = incidents;
        this.knownBehaviours = knownBehaviours;
        replayThenFollow(settings, TOPICS, this::apply);
    }

    @Topic({Topics.Names.TARGETS, Topics.Names.FAILURE_MODES, Topics.Names.INCIDENTS, Topics.Names.CATALOG})
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::handle);
    }

    void handle(IncomingEvent event) {
        apply(event.value());
    }

    private void apply(SpecificRecord event) {
        if (event instanceof TargetDeclared declared) {
            targets.declare(declared);
        } else if (event instanceof FailureModeDeclared template) {
            catalog.declare(template);
        } else if (event instanceof IncidentRecorded incident) {
            incidents.record(incident);
        } else if (event instanceof KnownBehaviourUpdated entry) {
            knownBehaviours.update(entry);
        }
    }
}
