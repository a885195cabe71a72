package dev.faultline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.schemas.SampleEvents;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.registry.InMemorySchemaRegistryClient;
import dev.faultline.schemas.topics.Topics;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class FaultlineAvroSerdeTest {

    private static final Map<String, Object> CONFIG = Map.of();
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SampleEvents events = new SampleEvents("exp-42");

    @Test
    void shouldRoundTripEveryEventTypeThroughItsTopic() {
        Serde<SpecificRecord> serde = FaultlineSerdes.anyEvent(registry, CONFIG);
        for (SpecificRecord event : events.all()) {
            String topic = Topics.forValueType(event.getClass()).name();
            byte[] bytes = serde.serializer().serialize(topic, event);
            assertThat(serde.deserializer().deserialize(topic, bytes)).as(event.getClass().getSimpleName()).isEqualTo(event);
        }
    }

    @Test
    void shouldWriteMagicByteAndBigEndianSchemaIdFirst() {
        Serde<HypothesisDrafted> serde = FaultlineSerdes.specific(HypothesisDrafted.class, registry, CONFIG);
        byte[] bytes = serde.serializer().serialize(Topics.HYPOTHESES.name(), events.drafted());
        int id = registry.lookUp("faultline.hypotheses-dev.faultline.schemas.avro.HypothesisDrafted",
                HypothesisDrafted.getClassSchema()).id();
        assertThat(bytes[0]).isZero();
        assertThat(WireFormat.schemaId("t", bytes)).isEqualTo(id);
        assertThat(new byte[] {bytes[1], bytes[2], bytes[3], bytes[4]})
                .containsExactly((byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id);
    }

    @Test
    void shouldRegisterUnderTopicRecordNameByDefaultAndCallTheRegistryOncePerType() {
        Serde<SpecificRecord> serde = FaultlineSerdes.anyEvent(registry, CONFIG);
        for (int i = 0; i < 50; i++) {
            byte[] drafted = serde.serializer().serialize("faultline.hypotheses", events.drafted());
            byte[] approved = serde.serializer().serialize("faultline.hypotheses", events.planApproved());
            serde.deserializer().deserialize("faultline.hypotheses", drafted);
            serde.deserializer().deserialize("faultline.hypotheses", approved);
        }
        assertThat(registry.subjects()).containsExactlyInAnyOrder(
                "faultline.hypotheses-dev.faultline.schemas.avro.HypothesisDrafted",
                "faultline.hypotheses-dev.faultline.schemas.avro.PlanApproved");
        assertThat(registry.calls.get()).isEqualTo(4); // two registrations, two look-ups by id
    }

    @Test
    void shouldHonourConfluentStrategyNames() {
        serializer(Map.of("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicNameStrategy"))
                .serialize("faultline.verdicts", events.verdict());
        serializer(Map.of("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"))
                .serialize("faultline.verdicts", events.verdict());
        FaultlineAvroSerializer<SpecificRecord> keys = new FaultlineAvroSerializer<>(registry);
        keys.configure(Map.of(), true);
        keys.serialize("faultline.verdicts", events.verdict());

        assertThat(registry.subjects()).containsExactlyInAnyOrder("faultline.verdicts-value",
                "dev.faultline.schemas.avro.VerdictIssued", "faultline.verdicts-key");
    }

    @Test
    void shouldRefuseUnregisteredSchemaWhenAutoRegisterIsOff() {
        FaultlineAvroSerializer<SpecificRecord> serializer = serializer(Map.of("auto.register.schemas", "false"));

        assertThatThrownBy(() -> serializer.serialize("faultline.verdicts", events.verdict()))
                .isInstanceOf(RegistryLookupException.class)
                .hasMessageContaining("auto.register.schemas=false")
                .hasMessageContaining("faultline.verdicts-dev.faultline.schemas.avro.VerdictIssued")
                .hasMessageContaining("40401");
    }

    @Test
    void shouldUseRegisteredIdWhenAutoRegisterIsOffAndSchemaIsKnown() {
        int id = registry.register("faultline.verdicts-dev.faultline.schemas.avro.VerdictIssued",
                events.verdict().getSchema());
        byte[] bytes = serializer(Map.of("auto.register.schemas", false)).serialize("faultline.verdicts", events.verdict());
        assertThat(WireFormat.schemaId("faultline.verdicts", bytes)).isEqualTo(id);
    }

    @Test
    void shouldReadGenericRecordsWhenSpecificReaderIsOff() {
        byte[] bytes = serializer(Map.of()).serialize("faultline.evidence", events.evidence(3));
        FaultlineAvroDeserializer<GenericRecord> generic = new FaultlineAvroDeserializer<>(registry, null);
        generic.configure(Map.of("specific.avro.reader", "false"), false);

        GenericRecord record = generic.deserialize("faultline.evidence", bytes);

        assertThat(record).isNotInstanceOf(EvidenceCaptured.class);
        assertThat(record.getSchema().getFullName()).isEqualTo(EvidenceCaptured.class.getName());
        assertThat((Iterable<?>) record.get("samples")).hasSize(3);
        FaultlineAvroSerializer<GenericRecord> genericWriter = new FaultlineAvroSerializer<>(registry);
        genericWriter.configure(Map.of(), false);
        assertThat(genericWriter.serialize("faultline.evidence", record)).isEqualTo(bytes);
    }

    @Test
    void shouldRejectAnotherTypeInATypedSerde() {
        byte[] approved = serializer(Map.of()).serialize("faultline.hypotheses", events.planApproved());
        Serde<HypothesisDrafted> drafted = FaultlineSerdes.specific(HypothesisDrafted.class, registry, CONFIG);

        assertThatThrownBy(() -> drafted.deserializer().deserialize("faultline.hypotheses", approved))
                .isInstanceOf(UnexpectedRecordTypeException.class)
                .hasMessageContaining(PlanApproved.class.getName())
                .hasMessageContaining("reads " + HypothesisDrafted.class.getName() + " only");
    }

    @Test
    void shouldPassNullThrough() {
        Serde<SpecificRecord> serde = FaultlineSerdes.anyEvent(registry, CONFIG);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    private FaultlineAvroSerializer<SpecificRecord> serializer(Map<String, Object> config) {
        FaultlineAvroSerializer<SpecificRecord> serializer = new FaultlineAvroSerializer<>(registry);
        serializer.configure(config, false);
        return serializer;
    }
}
