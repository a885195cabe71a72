package dev.faultline.devstack.registry;

import static dev.faultline.devstack.registry.Schemas.USER_V1;
import static dev.faultline.devstack.registry.Schemas.USER_V2;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's state lives in its compacted topic: a new registry on the same broker has it all. */
class SchemaRegistryRestartIT {

    @Test
    void shouldKeepSchemasIdsVersionsDeletionsAndConfigAcrossARestart(@TempDir Path dir) {
        try (RegistryFixture fixture = new RegistryFixture(dir)) {
            RegistryHttp before = fixture.http;
            int v1 = before.register("rs-users", USER_V1).json().get("id").asInt();
            int v2 = before.register("rs-users", USER_V2).json().get("id").asInt();
            int other = before.register("rs-orders", Schemas.record("Order")).json().get("id").asInt();
            assertThat(before.register("rs-copy", USER_V1).json().get("id").asInt()).isEqualTo(v1);
            before.delete("/subjects/rs-orders");
            before.put("/config/rs-users", Map.of("compatibility", "FULL"));
            before.put("/config", Map.of("compatibility", "NONE"));
            String usersV2 = before.get("/subjects/rs-users/versions/2").body();
            String oldUrl = fixture.server.url();

            fixture.restart();
            RegistryHttp after = fixture.http;

            assertThat(fixture.server.url()).isNotEqualTo(oldUrl);
            assertThat(after.get("/subjects/rs-users/versions/2").body()).isEqualTo(usersV2);
            assertThat(after.get("/subjects").body()).isEqualTo("[\"rs-copy\",\"rs-users\"]");
            assertThat(after.get("/subjects/rs-orders/versions?deleted=true").body()).isEqualTo("[1]");
            assertThat(after.get("/schemas/ids/" + v1 + "/subjects").body()).isEqualTo("[\"rs-copy\",\"rs-users\"]");
            assertThat(after.get("/schemas/ids/" + other).status()).isEqualTo(200);
            assertThat(after.get("/config/rs-users").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            assertThat(after.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
            assertThat(after.register("rs-users", USER_V2).json().get("id").asInt()).as("same schema, same id").isEqualTo(v2);

            int next = after.register("rs-new", Schemas.record("Fresh")).json().get("id").asInt();
            assertThat(next).isEqualTo(Math.max(v2, other) + 1);
            assertThat(after.get("/subjects/rs-users/versions/latest").json().get("version").asInt()).isEqualTo(2);
        }
    }

    @Test
    void shouldNeverReuseTheIdOfAPermanentlyDeletedSchema(@TempDir Path dir) {
        try (RegistryFixture fixture = new RegistryFixture(dir)) {
            int kept = fixture.http.register("rs-kept", Schemas.record("Kept")).json().get("id").asInt();
            int gone = fixture.http.register("rs-gone", Schemas.record("Gone")).json().get("id").asInt();
            fixture.http.delete("/subjects/rs-gone");
            fixture.http.delete("/subjects/rs-gone?permanent=true");

            fixture.restart();

            assertThat(fixture.http.get("/schemas/ids/" + gone).errorCode()).isEqualTo(40403);
            assertThat(fixture.http.get("/schemas/ids/" + kept).status()).isEqualTo(200);
            int next = fixture.http.register("rs-next", Schemas.record("Next")).json().get("id").asInt();
            assertThat(next).isEqualTo(gone + 1);
        }
    }
}
