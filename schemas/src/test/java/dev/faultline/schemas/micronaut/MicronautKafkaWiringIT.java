package dev.faultline.schemas.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.schemas.SampleEvents;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.serde.FaultlineAvroDeserializer;
import dev.faultline.schemas.serde.FaultlineAvroSerializer;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serde in a Micronaut Kafka application, wired by configuration alone, against the devstack. */
@ExtendWith(DevStackExtension.class)
class MicronautKafkaWiringIT {

    static final String ENABLED = "schemas-it.micronaut";

    @Test
    void shouldSendAndReceiveGeneratedEventsThroughMicronautKafka(DevStack stack) {
        String experimentId = "exp-" + UUID.randomUUID();
        VerdictIssued verdict = new SampleEvents(experimentId).verdict();
        Map<String, Object> configuration = new HashMap<>(Map.of(
                ENABLED, true,
                "kafka.schema.registry.url", stack.schemaRegistryUrl(),
                // Micronaut requires key and value (de)serializers to be set together
                "kafka.producers.default.key.serializer", StringSerializer.class.getName(),
                "kafka.producers.default.value.serializer", FaultlineAvroSerializer.class.getName(),
                "kafka.consumers.default.key.deserializer", StringDeserializer.class.getName(),
                "kafka.consumers.default.value.deserializer", FaultlineAvroDeserializer.class.getName()));
        stack.kafkaClientProperties().forEach((key, value) -> configuration.put("kafka." + key, value));

        try (ApplicationContext context = ApplicationContext.run(configuration)) {
            context.getBean(VerdictClient.class).send(experimentId, verdict);
            VerdictListener listener = context.getBean(VerdictListener.class);

            await().atMost(Duration.ofSeconds(60)).until(() -> listener.received.containsKey(experimentId));
            assertThat(listener.received.get(experimentId)).isEqualTo(verdict);
        }
    }
}
