package dev.faultline.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Clients in any language work unchanged": runs two unmodified JavaScript clients against the
 * registry — Confluent's own {@code @confluentinc/schemaregistry} and the community
 * {@code @kafkajs/confluent-schema-registry} (scripts under src/test/node/) — each registering,
 * encoding and decoding in the Confluent wire format, looking schemas up and meeting Confluent's
 * errors; then checks through the REST API what they did. Needs {@code node} and {@code npm};
 * runs {@code npm ci} in a client's folder when its node_modules is missing.
 */
class ConfluentNodeClientIT {

    private static final Path NODE = Path.of(System.getProperty("basedir", ".")).resolve("src/test/node");

    @TempDir
    static Path dir;
    static RegistryFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new RegistryFixture(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void shouldServeConfluentsOwnJavascriptClientUnchanged() throws Exception {
        JsonNode observed = runCheck("confluent", "confluent-orders");

        assertThat(observed.get("incompatible").get("status").asInt()).isEqualTo(409);
        assertThat(observed.get("notConfigured").get("errorCode").asInt()).isEqualTo(40408);
        assertThat(observed.get("invalid").asInt()).isEqualTo(42201);
        assertThat(observed.get("missing").asInt()).isEqualTo(40401);
        int v1 = observed.get("v1").asInt();
        assertThat(observed.get("v2").asInt()).isGreaterThan(v1);
        assertThat(fixture.http.get("/subjects?deleted=true").body())
                .as("the client deleted the subject permanently").doesNotContain("confluent-orders-value");
        assertThat(fixture.http.get("/schemas/ids/" + v1).errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldServeTheKafkajsClientUnchanged() throws Exception {
        JsonNode observed = runCheck("kafkajs", "node-client-value");

        assertThat(observed.get("incompatibleStatus").asInt()).isEqualTo(409);
        assertThat(observed.get("missingMessage").asText()).contains("Subject 'node-client-value-missing' not found.");
        assertThat(fixture.http.get("/subjects/node-client-value/versions").body()).isEqualTo("[1,2]");
        assertThat(fixture.http.get("/subjects/node-client-value/versions/1").json().get("id").asInt())
                .isEqualTo(observed.get("v1").asInt());
        assertThat(fixture.http.get("/subjects/node-client-value/versions/2").json().get("id").asInt())
                .isEqualTo(observed.get("v2").asInt());
        assertThat(fixture.http.get("/config/node-client-value").body())
                .as("the client sets the subject's level on first registration")
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    /** Installs the client if needed, runs its check script and answers the JSON line it printed. */
    private static JsonNode runCheck(String client, String name) throws Exception {
        Path folder = NODE.resolve(client);
        if (!Files.isDirectory(folder.resolve("node_modules"))) {
            Run install = run(folder, List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 600);
            assertThat(install.exitCode()).as("npm ci in %s:%n%s", folder, install.output()).isZero();
        }
        Run check = run(folder, List.of("node", "client-check.js", fixture.server.url(), name), 180);
        assertThat(check.exitCode()).as(check.output()).isZero();
        String lastLine = check.output().strip().lines().reduce((first, second) -> second).orElse("");
        JsonNode observed = RegistryHttp.JSON.readTree(lastLine);
        assertThat(observed.get("ok").asBoolean()).as(check.output()).isTrue();
        return observed;
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path folder, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("node-check", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("REGISTRY_USER_INFO",
                    fixture.kafka.config().credentials().userInfo(KafkaPrincipal.TOOL));
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, command + " timed out after " + timeoutSeconds + " s:\n" + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
