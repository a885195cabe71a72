package dev.faultline.schemas.micronaut;

import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;

/** A Micronaut Kafka listener as catalog or dashboard code would declare it: any event of the topic. */
@Requires(property = MicronautKafkaWiringIT.ENABLED)
@KafkaListener(groupId = "schemas-it-micronaut", offsetReset = OffsetReset.EARLIEST)
public class VerdictListener {

    final Map<String, SpecificRecord> received = new ConcurrentHashMap<>();

    @Topic(Topics.Names.VERDICTS)
    void receive(@KafkaKey String experimentId, SpecificRecord event) {
        received.put(experimentId, event);
    }
}
