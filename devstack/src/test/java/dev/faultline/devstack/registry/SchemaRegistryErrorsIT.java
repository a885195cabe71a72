package dev.faultline.devstack.registry;

import static dev.faultline.devstack.registry.Schemas.USER_V1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input answers Confluent's status, error code and a clear message, never a crash. */
class SchemaRegistryErrorsIT {

    @TempDir
    static Path dir;
    static RegistryFixture fixture;
    static RegistryHttp http;

    @BeforeAll
    static void start() {
        fixture = new RegistryFixture(dir);
        http = fixture.http;
        assertThat(http.register("err-known", USER_V1).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static void assertError(RegistryHttp.Reply reply, int status, int errorCode) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(reply.errorCode()).as(reply.body()).isEqualTo(errorCode);
        assertThat(reply.message()).isNotBlank();
        assertThat(reply.json().size()).isEqualTo(2);
    }

    @Test
    void shouldRefuseASchemaThatDoesNotParse() {
        RegistryHttp.Reply notJson = http.register("err-bad", "{\"type\":\"record\",\"name\":");
        assertError(notJson, 422, 42201);
        RegistryHttp.Reply unknownType = http.register("err-bad", "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"nope\"}]}");
        assertError(unknownType, 422, 42201);
        assertThat(unknownType.message()).contains("nope");
        RegistryHttp.Reply badDefault = http.register("err-bad",
                "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}");
        assertError(badDefault, 422, 42201);
        assertError(http.post("/subjects/err-bad/versions", Map.of("schemaType", "AVRO")), 422, 42201);
        assertThat(http.get("/subjects/err-bad/versions").status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseAPathologicallyNestedSchemaWithoutFallingOver() {
        String deep = "{\"type\":\"array\",\"items\":".repeat(5000) + "\"int\"" + "}".repeat(5000);
        assertError(http.register("err-deep", deep), 422, 42201);
        assertThat(http.get("/").status()).isEqualTo(200);
    }

    @Test
    void shouldSayThatOnlyAvroIsSupported() {
        RegistryHttp.Reply protobuf = http.post("/subjects/err-proto/versions",
                Map.of("schemaType", "PROTOBUF", "schema", "syntax = \"proto3\"; message M { string a = 1; }"));
        assertError(protobuf, 422, 42201);
        assertThat(protobuf.message()).contains("only AVRO is supported by the devstack registry");
        assertError(http.post("/subjects/err-proto/versions", Map.of("schemaType", "JSON", "schema", "{}")), 422, 42201);
        assertError(http.post("/subjects/err-proto/versions", Map.of("schemaType", "XML", "schema", "{}")), 422, 42201);
    }

    @Test
    void shouldAnswerNotFoundWithConfluentsCodes() {
        RegistryHttp.Reply subject = http.get("/subjects/err-missing/versions");
        assertError(subject, 404, 40401);
        assertThat(subject.message()).isEqualTo("Subject 'err-missing' not found.");
        assertError(http.get("/subjects/err-missing/versions/1"), 404, 40401);
        assertError(http.get("/subjects/err-missing/versions/latest"), 404, 40401);
        RegistryHttp.Reply version = http.get("/subjects/err-known/versions/7");
        assertError(version, 404, 40402);
        assertThat(version.message()).isEqualTo("Version 7 not found.");
        RegistryHttp.Reply id = http.get("/schemas/ids/9999");
        assertError(id, 404, 40403);
        assertThat(id.message()).isEqualTo("Schema 9999 not found");
        assertError(http.get("/schemas/ids/9999/subjects"), 404, 40403);
        assertError(http.get("/schemas/ids/9999/versions"), 404, 40403);
        assertError(http.delete("/subjects/err-missing"), 404, 40401);
        assertError(http.delete("/subjects/err-missing/versions/1"), 404, 40401);
    }

    @Test
    void shouldRefuseAnInvalidVersion() {
        for (String version : new String[] {"0", "-2", "abc", "1.5", "99999999999"}) {
            RegistryHttp.Reply reply = http.get("/subjects/err-known/versions/" + version);
            assertError(reply, 422, 42202);
            assertThat(reply.message()).contains("'" + version + "'");
        }
        assertError(http.delete("/subjects/err-known/versions/abc"), 422, 42202);
    }

    @Test
    void shouldAnswerBadRequestBodiesWithJsonErrors() {
        assertError(http.send("POST", "/subjects/err-body/versions", "{not json", RegistryHttp.V1_JSON), 400, 400);
        assertError(http.send("POST", "/subjects/err-body/versions", "{\"references\":\"x\"}", RegistryHttp.V1_JSON), 400, 400);
        assertError(http.send("POST", "/subjects/err-body/versions", "", RegistryHttp.V1_JSON), 422, 422);
        assertError(http.send("PUT", "/config", "[1,2", RegistryHttp.V1_JSON), 400, 400);
    }

    @Test
    void shouldAnswerUnknownRoutesAndMethodsWithJsonErrors() {
        assertError(http.get("/nowhere"), 404, 404);
        assertError(http.get("/schemas/ids/not-a-number"), 404, 404);
        assertError(http.get("/subjects/err-known/versions/1/unknown"), 404, 404);
        assertError(http.send("PATCH", "/subjects", null, RegistryHttp.V1_JSON), 405, 405);
    }

    @Test
    void shouldRefuseAnIdOnRegistrationOutsideImportMode() {
        assertError(http.post("/subjects/err-import/versions", Map.of("schema", USER_V1, "id", 77)), 422, 42205);
    }
}
