package dev.faultline.injector.fault.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.injector.fault.UnsupportedFaultException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What each kind of bad record looks like, made from a sample of the topic's records; parameters refused by name. */
class MalformedRecordsTest {

    static final String SAMPLE = "{\"orderId\":\"ord-1\",\"productId\":\"sku-1\",\"quantity\":1,\"unitPrice\":9.99,"
            + "\"placedAt\":\"2025-03-01T10:15:30Z\"}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MalformedRecords records(String kinds) {
        return MalformedRecords.of(Map.of("kinds", kinds, "sample", SAMPLE, "keyField", "orderId"), "fl-1234");
    }

    @Test
    void shouldTakeTurnsOverEveryKindByDefault() {
        MalformedRecords records = MalformedRecords.of(Map.of("sample", SAMPLE), "fl-1");

        assertThat(IntStream.range(0, 8).mapToObj(i -> records.next().kind().label()).toList()).containsExactly(
                "garbage", "other-schema", "missing-field", "wrong-type", "oversized", "null-key", "garbage", "other-schema");
    }

    @Test
    void shouldWriteGarbageThatIsNeitherJsonNorText() {
        MalformedRecord garbage = records("garbage").next();

        assertThat(garbage.key()).isEqualTo("fl-1234-0");
        assertThat(garbage.value().length).isBetween(16, 128);
        assertThat(garbage.value()[0]).isEqualTo((byte) 0xFF);
        assertThatThrownBy(() -> JSON.readTree(garbage.value())).isInstanceOf(Exception.class);
    }

    @Test
    void shouldWriteAnotherSchemaWithNoneOfTheSamplesFields() throws Exception {
        JsonNode other = JSON.readTree(records("other-schema").next().value());

        assertThat(other.isObject()).isTrue();
        assertThat(List.of("orderId", "productId", "quantity", "unitPrice", "placedAt")).noneMatch(other::has);
    }

    @Test
    void shouldLeaveOutEachFieldInTurnAndKeyEveryRecordByItsOwnId() throws Exception {
        MalformedRecords records = records("missing-field");

        for (String missing : List.of("orderId", "productId", "quantity", "unitPrice", "placedAt", "orderId")) {
            MalformedRecord record = records.next();
            JsonNode value = JSON.readTree(record.value());
            assertThat(value.has(missing)).as(missing).isFalse();
            assertThat(value.size()).isEqualTo(4);
            if (!missing.equals("orderId")) {
                assertThat(value.get("orderId").asText()).isEqualTo(record.key());
            }
        }
    }

    @Test
    void shouldSendEachNumericFieldAsAStringInTurn() throws Exception {
        MalformedRecords records = records("wrong-type");

        JsonNode first = JSON.readTree(records.next().value());
        JsonNode second = JSON.readTree(records.next().value());

        assertThat(first.get("quantity").isTextual()).isTrue();
        assertThat(first.get("quantity").asText()).isEqualTo("1");
        assertThat(first.get("unitPrice").isNumber()).isTrue();
        assertThat(second.get("unitPrice").asText()).isEqualTo("9.99");
        assertThat(second.get("unitPrice").isTextual()).isTrue();
        assertThat(second.get("orderId").asText()).isEqualTo("fl-1234-1");
    }

    @Test
    void shouldSendATextFieldAsANumberWhenTheSampleHasNoNumbers() throws Exception {
        MalformedRecords records = MalformedRecords.of(Map.of("kinds", "wrong-type", "sample", "{\"id\":\"a\",\"name\":\"b\"}",
                "keyField", "id"), "x");

        JsonNode value = JSON.readTree(records.next().value());

        assertThat(value.get("name").isNumber()).isTrue();
        assertThat(value.get("id").asText()).as("the key field keeps its type").isEqualTo("x-0");
    }

    @Test
    void shouldPadAnOversizedRecordToTheSizeAsked() throws Exception {
        MalformedRecords records = MalformedRecords.of(Map.of("kinds", "oversized", "sample", SAMPLE, "oversizedBytes", "100000"), "x");

        MalformedRecord record = records.next();

        assertThat(record.value().length).isBetween(99_000, 100_000);
        assertThat(JSON.readTree(record.value()).get("quantity").intValue()).as("otherwise the sample").isEqualTo(1);
    }

    @Test
    void shouldWriteTheSampleWithoutAKey() throws Exception {
        MalformedRecord record = records("null-key").next();

        assertThat(record.key()).isNull();
        assertThat(JSON.readTree(record.value()).get("orderId").asText()).isEqualTo("fl-1234-0");
    }

    @Test
    void shouldTakeTurnsOverTheKindsThatNeedNoSampleWithoutOne() {
        MalformedRecords records = MalformedRecords.of(Map.of(), "x");

        assertThat(records.kinds()).extracting(RecordKind::label).containsExactly("garbage", "other-schema", "oversized", "null-key");
        assertThat(IntStream.range(0, 4).mapToObj(i -> records.next()).map(MalformedRecord::kind)).containsExactlyElementsOf(records.kinds());
    }

    @Test
    void shouldRefuseBadParametersNamingThem() {
        assertThatThrownBy(() -> MalformedRecords.of(Map.of("kinds", "garbage,rubbish"), "x"))
                .isInstanceOf(UnsupportedFaultException.class)
                .hasMessage("parameter kinds: 'rubbish' is not one of garbage, other-schema, missing-field, wrong-type, oversized, null-key");
        assertThatThrownBy(() -> MalformedRecords.of(Map.of("kinds", " , "), "x")).hasMessageStartingWith("parameter kinds: name at least one");
        assertThatThrownBy(() -> MalformedRecords.of(Map.of("kinds", "missing-field"), "x"))
                .hasMessageStartingWith("parameter kinds: missing-field needs a sample record");
        assertThatThrownBy(() -> MalformedRecords.of(Map.of("sample", "{\"a\":"), "x")).hasMessageStartingWith("parameter sample: not JSON");
        assertThatThrownBy(() -> MalformedRecords.of(Map.of("sample", "[1]"), "x"))
                .hasMessage("parameter sample: a JSON object with at least one field, was '[1]'");
        assertThatThrownBy(() -> MalformedRecords.of(Map.of("sample", SAMPLE, "keyField", "id"), "x"))
                .hasMessageStartingWith("parameter keyField: 'id' is not a field of the sample record");
        assertThatThrownBy(() -> MalformedRecords.of(Map.of("kinds", "wrong-type", "sample", "{\"id\":true}"), "x"))
                .hasMessageStartingWith("parameter kinds: wrong-type needs a sample with a number or a text field");
        assertThatThrownBy(() -> MalformedRecords.of(Map.of("kinds", "oversized", "oversizedBytes", "2000000"), "x"))
                .hasMessageStartingWith("parameter oversizedBytes: a whole number of bytes from 1024 to 900000");
    }
}
