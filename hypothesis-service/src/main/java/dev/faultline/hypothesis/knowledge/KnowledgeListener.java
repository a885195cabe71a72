package dev.faultline.hypothesis.knowledge;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What drafting consults, as in-memory read models: the incidents ({@link Incidents}, from faultline.incidents) and
 * the known-behaviour catalog ({@link KnownBehaviours}, from catalog-service's compacted faultline.catalog). Replayed
 * from offset zero in the constructor, before any proposal is drafted; then followed in the stable group
 * {@code hypothesis-service-knowledge}.
 */
@FaultlineListener(groupId = "${faultline.hypothesis.group-id:hypothesis-service}-knowledge")
public class KnowledgeListener extends EventListenerSupport {

    private final Incidents incidents;
    private final KnownBehaviours catalog;

    public KnowledgeListener(EventDispatch dispatch, Incidents incidents, KnownBehaviours catalog,
                             KafkaSettings settings) {
        super(dispatch);
        this.incidents = incidents;
        this.catalog = catalog;
        replayThenFollow(settings, List.of(Topics.Names.INCIDENTS, Topics.Names.CATALOG), this::learn);
    }

    @Topic({Topics.Names.INCIDENTS, Topics.Names.CATALOG})
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::handle);
    }

    void handle(IncomingEvent event) {
        learn(event.value());
    }

    private void learn(SpecificRecord event) {
        if (event instanceof IncidentRecorded incident) {
            incidents.record(incident);
        } else if (event instanceof KnownBehaviourUpdated entry) {
            catalog.update(entry);
        }
    }
}
