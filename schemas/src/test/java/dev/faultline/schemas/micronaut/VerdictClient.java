package dev.faultline.schemas.micronaut;

import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;

/** A Micronaut Kafka producer as analysis-service would declare it. */
@Requires(property = MicronautKafkaWiringIT.ENABLED)
@KafkaClient(acks = KafkaClient.Acknowledge.ALL)
public interface VerdictClient {

    @Topic(Topics.Names.VERDICTS)
    void send(@KafkaKey String experimentId, VerdictIssued verdict);
}
