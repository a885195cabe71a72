package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps each instance's {@link Experiments} whole. The {@link ExperimentListener}'s partitions are split between
 * the instances, so an instance used to know only the experiments it drafted itself: with two instances,
 * {@code GET /experiments/{id}/hypothesis} and the reviews answered 404 "no experiment" on the instance that did not
 * draft it (found when `faultline compose demo --instances 2` asked the first instance about a draft of the second).
 * This listener replays the proposals and hypotheses topics from offset zero in its constructor, then follows every
 * partition in a group of this instance's own ({@code hypothesis-service-experiment-view_<uuid>}), projecting each
 * event's facts without answering anything; applying an event twice changes nothing.
 */
@FaultlineListener(groupId = "${faultline.hypothesis.group-id:hypothesis-service}-experiment-view", uniqueGroupId = true)
public class ExperimentViewListener extends EventListenerSupport {

    private final Experiments experiments;

    public ExperimentViewListener(EventDispatch dispatch, Experiments experiments, KafkaSettings settings) {
        super(dispatch);
        this.experiments = experiments;
        replayThenFollow(settings, List.of(Topics.Names.PROPOSALS, Topics.Names.HYPOTHESES), experiments::project);
    }

    @Topic({Topics.Names.PROPOSALS, Topics.Names.HYPOTHESES})
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, event -> experiments.project(event.value()));
    }
}
