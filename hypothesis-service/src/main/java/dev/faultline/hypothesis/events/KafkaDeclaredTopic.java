package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.declared.DeclaredTopic;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.events.TopicReplay;
import dev.faultline.schemas.topics.Topic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * A {@link DeclaredTopic} on Kafka: read from offset zero to the end it has when asked (no consumer group; a
 * compacted topic of declarations is small), published through the kit's {@link EventPublisher} under each key.
 *
 * @param <T> the declaration event
 */
public final class KafkaDeclaredTopic<T extends SpecificRecord> implements DeclaredTopic<T> {

    private final Topic topic;
    private final Class<T> type;
    private final KafkaSettings settings;
    private final EventDispatch dispatch;
    private final EventPublisher publisher;

    public KafkaDeclaredTopic(Topic topic, Class<T> type, KafkaSettings settings, EventDispatch dispatch,
                              EventPublisher publisher) {
        this.topic = topic;
        this.type = type;
        this.settings = settings;
        this.dispatch = dispatch;
        this.publisher = publisher;
    }

    @Override
    public Map<String, T> current() {
        Map<String, T> latest = new LinkedHashMap<>();
        TopicReplay.readToEnd(settings, List.of(topic.name()), record -> dispatch.decode(record)
                .filter(type::isInstance).ifPresent(event -> latest.put(record.key(), type.cast(event))));
        return latest;
    }

    @Override
    public void publish(Map<String, T> declarations) {
        declarations.forEach(publisher::publish);
    }
}
