package dev.faultline.schemas.topics;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * One entry of the {@link Topics} catalogue: the topic's name, its single writer, what its key is, the event
 * types its values may be, and how it is created.
 */
public record Topic(String name, String writer, RecordKey key, List<Class<? extends SpecificRecord>> valueTypes,
                    TopicDefinition definition) {

    public Topic {
        valueTypes = List.copyOf(valueTypes);
        if (!definition.name().equals(name)) {
            throw new IllegalArgumentException("definition of " + definition.name() + " given for topic " + name);
        }
    }

    /** Whether {@code type} may be written to this topic. */
    public boolean carries(Class<? extends SpecificRecord> type) {
        return valueTypes.contains(type);
    }
}
