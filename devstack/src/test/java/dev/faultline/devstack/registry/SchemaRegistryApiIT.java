package dev.faultline.devstack.registry;

import static dev.faultline.devstack.registry.Schemas.USER_V1;
import static dev.faultline.devstack.registry.Schemas.USER_V2;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subjects, versions, ids and lookup against a real broker, with Confluent's JSON shapes. */
class SchemaRegistryApiIT {

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
    void shouldAnswerTheRootTypesAndContentType() {
        RegistryHttp.Reply root = http.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(root.body()).isEqualTo("{}");
        assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void shouldRegisterAVersionAndServeItInConfluentsShape() {
        RegistryHttp.Reply registered = http.register("api-users", USER_V1);
        assertThat(registered.status()).isEqualTo(200);
        int id = registered.json().get("id").asInt();
        assertThat(registered.body()).isEqualTo("{\"id\":" + id + "}");

        String expected = "{\"subject\":\"api-users\",\"version\":1,\"id\":" + id + ",\"schema\":" + RegistryHttp.quoted(USER_V1) + "}";
        assertThat(http.get("/subjects/api-users/versions/1").body()).isEqualTo(expected);
        assertThat(http.get("/subjects/api-users/versions/latest").body()).isEqualTo(expected);
        assertThat(http.get("/subjects/api-users/versions/-1").body()).isEqualTo(expected);
        assertThat(http.get("/subjects/api-users/versions/1/schema").body()).isEqualTo(USER_V1);
        assertThat(http.get("/subjects/api-users/versions").body()).isEqualTo("[1]");
        assertThat(http.get("/subjects").json()).extracting(Object::toString).asString().contains("\"api-users\"");
        assertThat(http.get("/schemas/ids/" + id).body()).isEqualTo("{\"schema\":" + RegistryHttp.quoted(USER_V1) + "}");
        assertThat(http.get("/schemas/ids/" + id + "/schema").body()).isEqualTo(USER_V1);
    }

    @Test
    void shouldReturnTheSameIdForTheSameSchemaAndANewVersionForANewOne() {
        int first = http.register("api-evolve", USER_V1).json().get("id").asInt();
        String pretty = USER_V1.replace(",", ",\n    ").replace("{", "{ ");
        assertThat(http.register("api-evolve", pretty).json().get("id").asInt()).isEqualTo(first);
        int second = http.register("api-evolve", USER_V2).json().get("id").asInt();

        assertThat(second).isGreaterThan(first);
        assertThat(http.get("/subjects/api-evolve/versions").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/api-evolve/versions/latest").json().get("id").asInt()).isEqualTo(second);
    }

    @Test
    void shouldReuseAnIdAcrossSubjectsAndListItsSubjectVersions() {
        String schema = Schemas.record("Shared");
        int id = http.register("api-shared-a", schema).json().get("id").asInt();
        http.put("/config/api-shared-b", Map.of("compatibility", "NONE"));
        http.register("api-shared-b", Schemas.record("Other"));
        assertThat(http.register("api-shared-b", schema).json().get("id").asInt()).isEqualTo(id);

        assertThat(http.get("/schemas/ids/" + id + "/subjects").body()).isEqualTo("[\"api-shared-a\",\"api-shared-b\"]");
        assertThat(http.get("/schemas/ids/" + id + "/versions").json()).hasSize(2);
        assertThat(http.get("/schemas/ids/" + id + "/versions").json().get(1).toString())
                .isEqualTo("{\"subject\":\"api-shared-b\",\"version\":2}");
        assertThat(http.get("/subjects?subjectPrefix=api-shared-").body()).isEqualTo("[\"api-shared-a\",\"api-shared-b\"]");
        assertThat(http.get("/schemas/ids/" + id + "?fetchMaxId=true").json().get("maxId").asInt()).isGreaterThanOrEqualTo(id);
    }

    @Test
    void shouldLookUpASchemaUnderASubject() {
        int id = http.register("api-lookup", USER_V1).json().get("id").asInt();

        RegistryHttp.Reply found = http.post("/subjects/api-lookup", Map.of("schema", USER_V1));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).isEqualTo("{\"subject\":\"api-lookup\",\"version\":1,\"id\":" + id
                + ",\"schema\":" + RegistryHttp.quoted(USER_V1) + "}");

        RegistryHttp.Reply unknownSchema = http.post("/subjects/api-lookup", Map.of("schema", USER_V2));
        assertThat(unknownSchema.status()).isEqualTo(404);
        assertThat(unknownSchema.errorCode()).isEqualTo(40403);

        RegistryHttp.Reply unknownSubject = http.post("/subjects/api-nobody", Map.of("schema", USER_V1));
        assertThat(unknownSubject.status()).isEqualTo(404);
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
        assertThat(unknownSubject.message()).isEqualTo("Subject 'api-nobody' not found.");
    }

    @Test
    void shouldGiveConcurrentRegistrationsDistinctIdsAndContiguousVersions() throws Exception {
        http.put("/config/api-concurrent", Map.of("compatibility", "NONE"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String schema = Schemas.record("Concurrent" + i);
                ids.add(pool.submit(() -> http.register("api-concurrent", schema).json().get("id").asInt()));
            }
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> id : ids) {
                distinct.add(id.get(60, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(http.get("/subjects/api-concurrent/versions").json()).hasSize(40);
        assertThat(http.get("/subjects/api-concurrent/versions/latest").json().get("version").asInt()).isEqualTo(40);
    }

    @Test
    void shouldAcceptConfluentsRequestContentTypes() {
        for (String type : new String[] {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
                "application/json", "application/octet-stream", "application/json; charset=utf-8"}) {
            RegistryHttp.Reply reply = http.send("POST", "/subjects/api-types/versions",
                    RegistryHttp.json(Map.of("schema", USER_V1)), type);
            assertThat(reply.status()).as(type).isEqualTo(200);
        }
        RegistryHttp.Reply xml = http.send("POST", "/subjects/api-types/versions", "<schema/>", "application/xml");
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.errorCode()).isEqualTo(415);
    }

    @Test
    void shouldEncodeSubjectsWithSpecialCharacters() {
        assertThat(http.register("api%2Fslash%20space", USER_V1).status()).isEqualTo(200);
        assertThat(http.get("/subjects/api%2Fslash%20space/versions/1").json().get("subject").asText())
                .isEqualTo("api/slash space");
    }
}
