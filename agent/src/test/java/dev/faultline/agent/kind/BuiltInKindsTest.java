package dev.faultline.agent.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.agent.fault.FaultKinds;
import dev.faultline.agent.fault.FaultRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind reads its attributes strictly, with its stated defaults, and says what to fix. */
class BuiltInKindsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FaultKinds kinds = BuiltInKinds.builtIn();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void shouldRegisterTheFiveHostFaultKinds() {
        assertThat(kinds.names()).containsExactly("cpu", "memory", "disk", "pause", "kill");
    }

    @Test
    void shouldApplyTheStatedDefaults() {
        assertThat(kinds.get("cpu").parse(null)).isEqualTo(new CpuFault(1, 100, 100));
        assertThat(kinds.get("cpu").parse(json("{\"percent\": 50}"))).isEqualTo(new CpuFault(1, 50, 100));
        assertThat(kinds.get("kill").parse(json("{\"process\": \"sleep 5\"}"))).isEqualTo(new KillFault("sleep 5", 2000));
    }

    /** Named invalid fixtures: each is refused with a message naming what to fix. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown kind           | dsk    | {}                                              | unknown fault kind 'dsk'; known kinds: cpu, memory, disk, pause, kill",
        "unknown attribute      | cpu    | {\"cors\": 2}                                   | unknown attribute 'cors' for kind cpu; known attributes: cores, percent, periodMillis",
        "missing required       | memory | {}                                              | kind memory needs attribute megabytes; its attributes: megabytes (required)",
        "two missing            | disk   | {}                                              | kind disk needs attributes directory, megabytes",
        "number as a string     | memory | {\"megabytes\": \"200\"}                        | attribute 'megabytes' has the wrong JSON type",
        "fraction for integer   | cpu    | {\"percent\": 50.5}                             | attribute 'percent' has the wrong JSON type",
        "percent above 100      | cpu    | {\"percent\": 101}                              | attribute 'percent' must be from 0 to 100 %, was 101",
        "period too short       | cpu    | {\"periodMillis\": 1}                           | attribute 'periodMillis' must be from 10 to 1000 ms, was 1",
        "no memory              | memory | {\"megabytes\": 0}                              | attribute 'megabytes' must be from 1 to 1048576 MB, was 0",
        "negative disk          | disk   | {\"directory\": \"/tmp\", \"megabytes\": -1}    | attribute 'megabytes' must be from 0 to 1048576 MB, was -1",
        "blank directory        | disk   | {\"directory\": \" \", \"megabytes\": 1}        | attribute 'directory' must be an existing directory inside an entry of allow.directories, was blank",
        "bad regex              | pause  | {\"process\": \"sleep (\"}                      | attribute 'process' is not a regular expression: Unclosed group",
        "grace too long         | kill   | {\"process\": \"x\", \"graceMillis\": 600001}    | attribute 'graceMillis' must be from 0 to 600000 ms, was 600001",
        "attributes not object  | cpu    | [1]                                             | 'attributes' of a cpu fault must be a JSON object, was ARRAY",
    })
    void shouldRefuseInvalidAttributes(String fixture, String kind, String attributes, String message) {
        assertThatThrownBy(() -> kinds.get(kind).parse(json(attributes)))
                .isInstanceOf(FaultRefused.Invalid.class)
                .hasMessageContaining(message);
    }
}
