package dev.faultline.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes to the registry need HTTP Basic credentials of a registry user, as Confluent's with basic auth; reads, and the
 * POSTs that only ask, do not.
 */
class RegistryAuthIT {

    static RegistryFixture fixture;

    @BeforeAll
    static void start(@TempDir Path dir) {
        fixture = new RegistryFixture(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void shouldRefuseAnUnauthenticatedWriteWithAConfluentError() {
        RegistryHttp.Reply reply = fixture.http.anonymous().register("auth-anonymous-value", Schemas.record("Anon"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo(401);
        assertThat(reply.message()).contains("basic.auth.user.info");
        assertThat(fixture.http.get("/subjects").body()).doesNotContain("auth-anonymous-value");
    }

    @Test
    void shouldRefuseAPrincipalThatWritesNoSchemasEvenWithItsPassword() {
        String auditor = fixture.kafka.config().credentials().userInfo(KafkaPrincipal.AUDITOR);

        assertThat(fixture.http.as(auditor).register("auth-auditor-value", Schemas.record("Audit")).status())
                .isEqualTo(401);
        assertThat(fixture.http.as(auditor).get("/subjects").status()).as("reads stay open").isEqualTo(200);
    }

    @Test
    void shouldRefuseAWrongPassword() {
        RegistryHttp.Reply reply = fixture.http.as(KafkaPrincipal.TOOL.username() + ":wrong")
                .register("auth-wrong-value", Schemas.record("Wrong"));

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void shouldAcceptAnAuthenticatedWriteAndServeReadsToAnyone() {
        String toolUser = fixture.kafka.config().credentials().userInfo(KafkaPrincipal.TOOL);
        RegistryHttp.Reply registered = fixture.http.as(toolUser).register("auth-tool-value", Schemas.record("Tool"));

        assertThat(registered.status()).isEqualTo(200);
        int id = registered.json().get("id").asInt();
        assertThat(fixture.http.anonymous().get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(fixture.http.anonymous().delete("/subjects/auth-tool-value").status()).isEqualTo(401);
    }

    @Test
    void shouldAnswerAnAnonymousLookupAndCompatibilityQuestionButNotRegisterThroughThem() {
        String toolUser = fixture.kafka.config().credentials().userInfo(KafkaPrincipal.TOOL);
        String schema = Schemas.record("Asked");
        int id = fixture.http.as(toolUser).register("auth-asked-value", schema).json().get("id").asInt();

        RegistryHttp.Reply lookup = fixture.http.anonymous().post("/subjects/auth-asked-value", Map.of("schema", schema));
        assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
        assertThat(lookup.json().get("id").asInt()).isEqualTo(id);
        RegistryHttp.Reply compatible = fixture.http.anonymous().post(
                "/compatibility/subjects/auth-asked-value/versions/latest", Map.of("schema", schema));
        assertThat(compatible.status()).as(compatible.body()).isEqualTo(200);
        assertThat(fixture.http.anonymous().post("/subjects/auth-asked-value/versions",
                Map.of("schema", Schemas.record("Sneaked"))).status()).isEqualTo(401);
    }
}
