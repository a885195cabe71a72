package dev.faultline.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Replaying log records into the state, as the store thread does on start-up. */
class RegistryLogTest {

    private final RegistryState state = new RegistryState();

    private static String schemaKey(String subject, int version) {
        return "{\"keytype\":\"SCHEMA\",\"subject\":\"" + subject + "\",\"version\":" + version + "}";
    }

    private static String schemaValue(String subject, int version, int id, boolean deleted) {
        return "{\"subject\":\"" + subject + "\",\"version\":" + version + ",\"id\":" + id
                + ",\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\",\"references\":[],\"deleted\":" + deleted + "}";
    }

    @Test
    void shouldApplySchemasSoftDeletionsAndTombstonesInOrder() {
        RegistryLog.apply(state, schemaKey("a", 1), schemaValue("a", 1, 1, false));
        RegistryLog.apply(state, schemaKey("a", 2), schemaValue("a", 2, 2, false));
        RegistryLog.apply(state, schemaKey("a", 1), schemaValue("a", 1, 1, true));
        assertThat(state.versions("a", false)).extracting(RegisteredSchema::version).containsExactly(2);
        assertThat(state.versions("a", true)).extracting(RegisteredSchema::version).containsExactly(1, 2);

        RegistryLog.apply(state, schemaKey("a", 1), null);
        assertThat(state.versions("a", true)).extracting(RegisteredSchema::version).containsExactly(2);
        assertThat(state.maxId()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheIdWatermarkWhenTheSchemaHoldingItIsGone() {
        RegistryLog.apply(state, "{\"keytype\":\"ID\"}", "{\"maxId\":7}");
        RegistryLog.apply(state, schemaKey("b", 1), schemaValue("b", 1, 3, false));
        assertThat(state.maxId()).isEqualTo(7);
    }

    @Test
    void shouldApplyGlobalAndSubjectConfigs() {
        RegistryLog.apply(state, "{\"keytype\":\"CONFIG\"}", "{\"compatibilityLevel\":\"FULL\"}");
        RegistryLog.apply(state, "{\"keytype\":\"CONFIG\",\"subject\":\"c\"}", "{\"compatibilityLevel\":\"NONE\"}");
        assertThat(state.effectiveLevel("c")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(state.effectiveLevel("other")).isEqualTo(CompatibilityLevel.FULL);

        RegistryLog.apply(state, "{\"keytype\":\"CONFIG\",\"subject\":\"c\"}", null);
        RegistryLog.apply(state, "{\"keytype\":\"CONFIG\"}", null);
        assertThat(state.effectiveLevel("c")).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void shouldRefuseARecordItCannotRead() {
        assertThatThrownBy(() -> RegistryLog.apply(state, "{\"keytype\":\"MYSTERY\"}", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MYSTERY");
        assertThatThrownBy(() -> RegistryLog.apply(state, "not json", "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(state.subjects(true, false)).isEqualTo(List.of());
    }

    @Test
    void shouldParseVersionIdsLikeConfluent() {
        assertThat(VersionId.parse("latest").isLatest()).isTrue();
        assertThat(VersionId.parse("-1").isLatest()).isTrue();
        assertThat(VersionId.parse("3").value()).isEqualTo(3);
        assertThatThrownBy(() -> VersionId.parse("0")).isInstanceOf(RegistryException.class)
                .extracting(e -> ((RegistryException) e).errorCode()).isEqualTo(42202);
    }
}
