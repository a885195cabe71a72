package dev.faultline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.registry.CachingSchemaRegistryClient;
import dev.faultline.schemas.registry.HttpSchemaRegistryClient;
import dev.faultline.schemas.registry.SchemaRegistryClient;
import dev.faultline.schemas.serde.WireFormat;
import dev.faultline.schemas.topics.Topic;
import dev.faultline.schemas.topics.TopicProvisioner;
import dev.faultline.schemas.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every event type of the contract, produced to its catalogue topic through the serializer and the devstack's
 * registry, and consumed back equal, with its catalogue key.
 */
@ExtendWith(DevStackExtension.class)
class EveryEventTypeRoundTripIT {

    private final DevStack stack;
    private final String experimentId = "exp-" + UUID.randomUUID();
    private final SampleEvents events = new SampleEvents(experimentId);

    EveryEventTypeRoundTripIT(DevStack stack) {
        this.stack = stack;
        try (Admin admin = KafkaTestClients.admin(stack)) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).createMissing((short) 1);
        }
    }

    @Test
    void shouldProduceAndConsumeEveryEventTypeThroughTheRegistry() throws Exception {
        List<SpecificRecord> sent = events.all();
        try (KafkaProducer<String, SpecificRecord> producer = KafkaTestClients.producer(stack, Map.of())) {
            for (SpecificRecord event : sent) {
                producer.send(new ProducerRecord<>(Topics.forValueType(event.getClass()).name(), keyOf(event), event)).get();
            }
        }

        Map<String, SpecificRecord> received = new HashMap<>();
        List<String> topics = Topics.all().stream().map(Topic::name).toList();
        try (KafkaConsumer<String, SpecificRecord> consumer = KafkaTestClients.consumer(stack, Map.of())) {
            KafkaTestClients.assignFromStart(consumer, topics);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, SpecificRecord> record : KafkaTestClients.poll(consumer)) {
                    if (isOurs(record.value())) {
                        assertThat(record.key()).isEqualTo(keyOf(record.value()));
                        assertThat(record.topic()).isEqualTo(Topics.forValueType(record.value().getClass()).name());
                        received.put(record.value().getClass().getSimpleName(), record.value());
                    }
                }
                return received.size() == sent.size();
            });
        }
        for (SpecificRecord event : sent) {
            assertThat(received.get(event.getClass().getSimpleName())).as(event.getClass().getSimpleName()).isEqualTo(event);
        }
    }

    @Test
    void shouldRegisterOneSubjectPerTopicAndEventTypeWithTheIdInTheRecord() throws Exception {
        SchemaRegistryClient registry = new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(
                List.of(URI.create(stack.schemaRegistryUrl())), Duration.ofSeconds(10), stack.schemaRegistryUserInfo()), null);
        SpecificRecord drafted = events.drafted();
        try (KafkaProducer<String, SpecificRecord> producer = KafkaTestClients.producer(stack, Map.of())) {
            producer.send(new ProducerRecord<>(Topics.HYPOTHESES.name(), experimentId, drafted)).get();
        }
        List<byte[]> raw = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = KafkaTestClients.consumer(stack,
                Map.of("value.deserializer", ByteArrayDeserializer.class.getName()))) {
            KafkaTestClients.assignFromStart(consumer, List.of(Topics.HYPOTHESES.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                KafkaTestClients.poll(consumer).stream().filter(r -> experimentId.equals(r.key())).forEach(r -> raw.add(r.value()));
                return !raw.isEmpty();
            });
        }

        String subject = Topics.HYPOTHESES.name() + "-" + drafted.getSchema().getFullName();
        int id = registry.lookUp(subject, drafted.getSchema()).id();
        assertThat(raw.get(0)[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(WireFormat.schemaId(Topics.HYPOTHESES.name(), raw.get(0))).isEqualTo(id);
        assertThat(registry.schemaById(id)).isEqualTo(drafted.getSchema());
        assertThat(registry.subjects()).contains(subject);
    }

    private boolean isOurs(SpecificRecord value) {
        return value.get(0) instanceof EventHeader header && header.getExperimentId().equals(experimentId);
    }

    private static String keyOf(SpecificRecord event) {
        return switch (Topics.forValueType(event.getClass()).key()) {
            case BEHAVIOUR_KEY -> ((KnownBehaviourUpdated) event).getBehaviourKey();
            case CALENDAR_ENTRY_ID -> ((CalendarEntryPublished) event).getEntryId();
            case INCIDENT_ID -> ((IncidentRecorded) event).getIncidentId();
            default -> ((EventHeader) event.get(0)).getExperimentId();
        };
    }
}
