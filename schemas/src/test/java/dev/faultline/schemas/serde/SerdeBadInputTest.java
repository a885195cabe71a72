package dev.faultline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.schemas.SampleEvents;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.registry.InMemorySchemaRegistryClient;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Bad input fails with a SerializationException naming the problem, never an error from inside Avro. */
class SerdeBadInputTest {

    private static final String TOPIC = "faultline.hypotheses";
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SampleEvents events = new SampleEvents("exp-7");
    private final FaultlineAvroSerializer<SpecificRecord> serializer = new FaultlineAvroSerializer<>(registry);
    private final FaultlineAvroDeserializer<SpecificRecord> deserializer = new FaultlineAvroDeserializer<>(registry, null);
    private final byte[] valid;

    SerdeBadInputTest() {
        serializer.configure(Map.of(), false);
        deserializer.configure(Map.of(), false);
        valid = serializer.serialize(TOPIC, events.drafted());
    }

    @Test
    void shouldNameTheWrongMagicByte() {
        byte[] plainJson = "{\"experimentId\":\"x\"}".getBytes();
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, plainJson))
                .isInstanceOf(InvalidMagicByteException.class)
                .hasMessageContaining("magic byte 0x7b seen, 0x00 expected")
                .hasMessageContaining(TOPIC);
    }

    @Test
    void shouldNameTheMissingHeaderBytes() {
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(TruncatedPayloadException.class)
                .hasMessageContaining("3 bytes found, at least 5 expected");
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[0]))
                .isInstanceOf(TruncatedPayloadException.class)
                .hasMessageContaining("0 bytes found");
    }

    @Test
    void shouldNameTheUnknownSchemaIdAndTheRegistryAnswer() {
        byte[] unknownId = valid.clone();
        WireFormat.writeHeader(987_654, unknownId);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, unknownId))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> assertThat(e.schemaId()).isEqualTo(987_654))
                .hasMessageContaining("schema id 987654 is unknown to the schema registry")
                .hasMessageContaining("HTTP 404, error_code 40403");
    }

    @Test
    void shouldNameATruncatedBody() {
        for (int cut : new int[] {1, 10, valid.length / 2, valid.length - 6}) {
            byte[] truncated = Arrays.copyOf(valid, valid.length - cut);
            assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated)).as("cut %d", cut)
                    .isInstanceOf(SerializationException.class)
                    .isInstanceOfAny(TruncatedPayloadException.class, MalformedPayloadException.class)
                    .hasMessageContaining("HypothesisDrafted");
        }
        byte[] headerOnly = Arrays.copyOf(valid, 5);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, headerOnly))
                .isInstanceOf(TruncatedPayloadException.class)
                .hasMessageContaining("the Avro body (0 bytes after the header) ended before a complete "
                        + HypothesisDrafted.class.getName());
    }

    @Test
    void shouldCountTrailingBytes() {
        byte[] trailing = Arrays.copyOf(valid, valid.length + 3);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, trailing))
                .isInstanceOf(TrailingBytesException.class)
                .hasMessageContaining("3 trailing bytes after a complete " + HypothesisDrafted.class.getName())
                .hasMessageContaining((valid.length - 5) + " of " + (valid.length - 2) + " body bytes used");
    }

    @Test
    void shouldWrapCorruptAvroInsteadOfCrashing() {
        byte[] corrupt = valid.clone();
        Arrays.fill(corrupt, 5, corrupt.length, (byte) 0xff); // varints that never end / negative lengths
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, corrupt))
                .isInstanceOfAny(MalformedPayloadException.class, TruncatedPayloadException.class)
                .hasMessageContaining("schema id");
    }

    @Test
    void shouldSurviveRandomBodiesWithOnlySerializationExceptions() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] garbage = new byte[5 + random.nextInt(200)];
            random.nextBytes(garbage);
            System.arraycopy(valid, 0, garbage, 0, 5);
            try {
                assertThat(deserializer.deserialize(TOPIC, garbage)).isInstanceOf(HypothesisDrafted.class);
            } catch (SerializationException expected) {
                assertThat(expected.getMessage()).contains(TOPIC);
            }
        }
    }

    @Test
    void shouldNameTheFieldOfAnIncompleteRecord() {
        HypothesisDrafted incomplete = events.drafted();
        incomplete.getHypothesis().setTitle(null);
        assertThatThrownBy(() -> serializer.serialize(TOPIC, incomplete))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("cannot write " + HypothesisDrafted.class.getName())
                .hasMessageContaining("title");
    }

    @Test
    void shouldRefuseUseBeforeConfigure() {
        assertThatThrownBy(() -> new FaultlineAvroDeserializer<>(registry, null).deserialize(TOPIC, valid))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before configure()");
    }
}
