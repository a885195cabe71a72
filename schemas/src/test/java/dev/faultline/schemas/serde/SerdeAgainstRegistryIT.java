package dev.faultline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.schemas.KafkaTestClients;
import dev.faultline.schemas.SampleEvents;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.registry.CachingSchemaRegistryClient;
import dev.faultline.schemas.registry.HttpSchemaRegistryClient;
import dev.faultline.schemas.registry.SchemaRegistryClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serde's error answers and schema evolution against the devstack's real registry and broker. */
@ExtendWith(DevStackExtension.class)
class SerdeAgainstRegistryIT {

    private final DevStack stack;
    private final SchemaRegistryClient registry;
    private final String topic = "schemas-it.serde-" + UUID.randomUUID().toString().substring(0, 8);
    private final SampleEvents events = new SampleEvents("exp-" + topic);

    SerdeAgainstRegistryIT(DevStack stack) throws Exception {
        this.stack = stack;
        this.registry = new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(
                List.of(URI.create(stack.schemaRegistryUrl())), Duration.ofSeconds(10), stack.schemaRegistryUserInfo()), null);
        try (Admin admin = KafkaTestClients.admin(stack)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    @Test
    void shouldNameAnUnknownSchemaIdWithTheRegistryAnswer() {
        FaultlineAvroDeserializer<SpecificRecord> deserializer = new FaultlineAvroDeserializer<>();
        deserializer.configure(KafkaTestClients.serdeConfig(stack), false);
        byte[] value = {0, 0x7f, 0x12, 0x34, 0x56, 2, 4};

        assertThatThrownBy(() -> deserializer.deserialize(topic, value))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> assertThat(e.schemaId()).isEqualTo(0x7f123456))
                .hasMessageContaining("schema id " + 0x7f123456 + " is unknown to the schema registry")
                .hasMessageContaining("HTTP 404, error_code 40403");
    }

    @Test
    void shouldLetAConsumerSeeWhichRecordWasBadAndGoOn() throws Exception {
        try (KafkaProducer<String, byte[]> raw = KafkaTestClients.producer(stack,
                Map.of("value.serializer", ByteArraySerializer.class.getName()))) {
            raw.send(new ProducerRecord<>(topic, "bad", "not avro".getBytes())).get();
        }
        try (KafkaProducer<String, SpecificRecord> producer = KafkaTestClients.producer(stack, Map.of())) {
            producer.send(new ProducerRecord<>(topic, "good", events.drafted())).get();
        }
        List<Object> seen = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = KafkaTestClients.consumer(stack, Map.of())) {
            KafkaTestClients.assignFromStart(consumer, List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                try {
                    KafkaTestClients.poll(consumer).forEach(record -> seen.add(record.value()));
                } catch (RecordDeserializationException e) {
                    seen.add(e);
                    consumer.seek(e.topicPartition(), e.offset() + 1); // what a dead-letter handler does
                }
                return seen.size() == 2;
            });
        }
        assertThat(seen.get(0)).isInstanceOfSatisfying(RecordDeserializationException.class, e -> {
            assertThat(e.offset()).isZero();
            assertThat(e.getCause()).isInstanceOf(InvalidMagicByteException.class)
                    .hasMessageContaining("magic byte 0x6e seen, 0x00 expected");
        });
        assertThat(seen.get(1)).isInstanceOf(HypothesisDrafted.class);
    }

    @Test
    void shouldRefuseAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        FaultlineAvroSerializer<SpecificRecord> serializer = new FaultlineAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl(), "auto.register.schemas", "false",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", stack.schemaRegistryUserInfo()), false);

        assertThatThrownBy(() -> serializer.serialize(topic, events.drafted()))
                .isInstanceOf(RegistryLookupException.class)
                .hasMessageContaining("subject " + topic + "-" + HypothesisDrafted.class.getName())
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void shouldWriteWithTheLatestVersionAndReadItBackIntoTodaysClass() {
        String subject = topic + "-value";
        Schema evolved = withOptionalField(HypothesisDrafted.getClassSchema(), "reviewDeadline");
        registry.register(subject, HypothesisDrafted.getClassSchema());
        int latestId = registry.register(subject, evolved);
        FaultlineAvroSerializer<SpecificRecord> serializer = new FaultlineAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl(), "use.latest.version", true,
                "basic.auth.user.info", stack.schemaRegistryUserInfo(),
                "auto.register.schemas", false, "value.subject.name.strategy", TopicNameStrategy.class.getName()), false);
        FaultlineAvroDeserializer<SpecificRecord> deserializer = new FaultlineAvroDeserializer<>();
        deserializer.configure(KafkaTestClients.serdeConfig(stack), false);
        HypothesisDrafted drafted = events.drafted();

        byte[] bytes = serializer.serialize(topic, drafted);

        assertThat(WireFormat.schemaId(topic, bytes)).isEqualTo(latestId);
        assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(drafted);
    }

    private static Schema withOptionalField(Schema record, String name) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field(name, SchemaBuilder.unionOf().nullType().and().stringType().endUnion(), "added later",
                Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
