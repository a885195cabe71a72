package dev.faultline.devstack.registry;

import static dev.faultline.devstack.registry.Schemas.USER_EMPTY;
import static dev.faultline.devstack.registry.Schemas.USER_NO_DEFAULT;
import static dev.faultline.devstack.registry.Schemas.USER_V1;
import static dev.faultline.devstack.registry.Schemas.USER_V2;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compatibility checks, global and per-subject config and their effect on registration; mode. */
class SchemaRegistryCompatibilityIT {

    @TempDir
    static Path dir;
    static RegistryFixture fixture;
    static RegistryHttp http;

    @BeforeAll
    static void start() {
        fixture = new RegistryFixture(dir);
        http = fixture.http;
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaUnderTheDefaultBackwardLevel() {
        http.register("cmp-default", USER_V1);
        RegistryHttp.Reply refused = http.register("cmp-default", USER_NO_DEFAULT);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.message()).startsWith("Schema being registered is incompatible with an earlier schema for subject \"cmp-default\"")
                .contains("READER_FIELD_MISSING_DEFAULT");
        assertThat(http.get("/subjects/cmp-default/versions").body()).isEqualTo("[1]");
        assertThat(http.register("cmp-default", USER_V2).status()).isEqualTo(200);
    }

    @Test
    void shouldTestCompatibilityWithVerboseMessages() {
        http.register("cmp-test", USER_V1);
        String path = "/compatibility/subjects/cmp-test/versions/latest";
        assertThat(http.post(path, Map.of("schema", USER_V2)).body()).isEqualTo("{\"is_compatible\":true}");
        assertThat(http.post(path, Map.of("schema", USER_NO_DEFAULT)).body()).isEqualTo("{\"is_compatible\":false}");
        RegistryHttp.Reply verbose = http.post(path + "?verbose=true", Map.of("schema", USER_NO_DEFAULT));
        assertThat(verbose.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().get("messages").toString()).contains("READER_FIELD_MISSING_DEFAULT", "oldSchemaVersion: 1");
        assertThat(http.post("/compatibility/subjects/cmp-test/versions/1", Map.of("schema", USER_V2)).json()
                .get("is_compatible").asBoolean()).isTrue();
        assertThat(http.post("/compatibility/subjects/cmp-test/versions", Map.of("schema", USER_NO_DEFAULT)).json()
                .get("is_compatible").asBoolean()).isFalse();
    }

    @Test
    void shouldAnswerCompatibilityErrors() {
        http.register("cmp-errors", USER_V1);
        assertThat(http.post("/compatibility/subjects/cmp-nobody/versions/latest", Map.of("schema", USER_V1)).body())
                .isEqualTo("{\"is_compatible\":true}");
        assertThat(http.post("/compatibility/subjects/cmp-nobody/versions/1", Map.of("schema", USER_V1)).errorCode()).isEqualTo(40401);
        RegistryHttp.Reply version = http.post("/compatibility/subjects/cmp-errors/versions/5", Map.of("schema", USER_V1));
        assertThat(version.status()).isEqualTo(404);
        assertThat(version.errorCode()).isEqualTo(40402);
        assertThat(http.post("/compatibility/subjects/cmp-errors/versions/x", Map.of("schema", USER_V1)).errorCode()).isEqualTo(42202);
        RegistryHttp.Reply invalid = http.post("/compatibility/subjects/cmp-errors/versions/latest", Map.of("schema", "{bad"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42201);
    }

    @Test
    void shouldApplyASubjectLevelAndFallBackToTheGlobalOne() {
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        RegistryHttp.Reply unset = http.get("/config/cmp-subject");
        assertThat(unset.status()).isEqualTo(404);
        assertThat(unset.errorCode()).isEqualTo(40408);
        assertThat(http.get("/config/cmp-subject?defaultToGlobal=true").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        assertThat(http.put("/config/cmp-subject", Map.of("compatibility", "NONE")).body()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(http.get("/config/cmp-subject").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        http.register("cmp-subject", USER_V1);
        assertThat(http.register("cmp-subject", USER_NO_DEFAULT).status()).isEqualTo(200);

        assertThat(http.put("/config/cmp-subject", Map.of("compatibility", "FORWARD")).status()).isEqualTo(200);
        assertThat(http.register("cmp-subject", USER_EMPTY).status()).as("dropping a field without default").isEqualTo(409);
        assertThat(http.delete("/config/cmp-subject").body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
        assertThat(http.get("/config/cmp-subject").errorCode()).isEqualTo(40408);
        assertThat(http.delete("/config/cmp-subject").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldEnforceTransitiveLevelsAgainstEveryVersion() {
        http.put("/config/cmp-transitive", Map.of("compatibility", "NONE"));
        http.register("cmp-transitive", USER_V1);
        http.register("cmp-transitive", USER_EMPTY);
        http.put("/config/cmp-transitive", Map.of("compatibility", "FORWARD"));
        assertThat(http.post("/compatibility/subjects/cmp-transitive/versions", Map.of("schema", USER_EMPTY)).body())
                .isEqualTo("{\"is_compatible\":true}");
        http.put("/config/cmp-transitive", Map.of("compatibility", "forward_transitive"));
        assertThat(http.get("/config/cmp-transitive").body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}");
        RegistryHttp.Reply refused = http.register("cmp-transitive", "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\","
                + "\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"default\":1}]}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).contains("oldSchemaVersion: 1");
    }

    @Test
    void shouldChangeTheGlobalLevelAndRefuseAnInvalidOne() {
        RegistryHttp.Reply invalid = http.put("/config", Map.of("compatibility", "SIDEWAYS"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42203);
        assertThat(http.put("/config/cmp-x", Map.of("compatibility", "SIDEWAYS")).errorCode()).isEqualTo(42203);
        try {
            assertThat(http.put("/config", Map.of("compatibility", "FULL")).body()).isEqualTo("{\"compatibility\":\"FULL\"}");
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            http.register("cmp-global", USER_V1);
            assertThat(http.register("cmp-global", USER_EMPTY).status()).isEqualTo(409);
        } finally {
            assertThat(http.delete("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        }
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldOnlyRunInReadWriteMode() {
        assertThat(http.get("/mode").body()).isEqualTo("{\"mode\":\"READWRITE\"}");
        assertThat(http.put("/mode", Map.of("mode", "READWRITE")).body()).isEqualTo("{\"mode\":\"READWRITE\"}");
        RegistryHttp.Reply readonly = http.put("/mode", Map.of("mode", "READONLY"));
        assertThat(readonly.status()).isEqualTo(422);
        assertThat(readonly.errorCode()).isEqualTo(42205);
        assertThat(http.put("/mode", Map.of("mode", "FAST")).errorCode()).isEqualTo(42204);
    }
}
