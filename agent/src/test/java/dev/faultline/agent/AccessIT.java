package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.agent.client.AgentException;
import dev.faultline.agent.client.ClearanceJson;
import dev.faultline.agent.client.FaultSpec;
import dev.faultline.agent.support.AgentProcess;
import dev.faultline.agent.support.ProcFs;
import dev.faultline.agent.support.Targets;
import dev.faultline.clearance.ClearanceClaims;
import dev.faultline.clearance.ClearanceKeyPair;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may drive the agent (the token), what it applies (only under a clearance safety-service signed) and what it may
 * touch (the allow-list), against the real process.
 */
class AccessIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path allowed;
    private static AgentProcess agent;
    private static final Targets targets = new Targets();

    @BeforeAll
    static void start() throws IOException {
        allowed = Files.createDirectories(dir.resolve("allowed"));
        agent = AgentProcess.start(dir, new AgentProcess.Settings(dir.resolve("state"), List.of("sleep 1\\d{9}"),
                List.of(allowed.toString()), 64));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        agent.close();
        targets.close();
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(agent.url().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswer401WithAJsonErrorWithoutTheToken() throws Exception {
        String order = "{\"name\": \"x\", \"kind\": \"cpu\", \"holder\": \"h\", \"ttlMillis\": 1000}";
        for (String header : new String[] {null, "Bearer not-the-token-at-all", "Basic " + agent.token()}) {
            HttpResponse<String> answer = send("POST", "/faults", header, order);
            assertThat(answer.statusCode()).as("Authorization: %s", header).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            JsonNode error = JSON.readTree(answer.body());
            assertThat(error.get("status").asInt()).isEqualTo(401);
            assertThat(error.get("error").asText()).isNotBlank();
        }
        assertThat(send("GET", "/faults", null, null).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/leases/h", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/health", null, null).statusCode()).as("health needs no token").isEqualTo(200);
        assertThat(agent.client().faults()).as("nothing was created").isEmpty();
    }

    @Test
    void shouldAnswer403AndApplyNothingWithoutAClearanceOrWithAForgedOne() throws Exception {
        Path sub = Files.createDirectories(allowed.resolve("uncleared"));
        String order = "{\"name\": \"fill\", \"kind\": \"disk\", \"holder\": \"h-uncleared\", \"ttlMillis\": 60000,"
                + " \"attributes\": {\"directory\": \"" + sub + "\", \"megabytes\": 1}";
        ClearanceClaims genuine = agent.clearance();
        ClearanceClaims forged = ClearanceKeyPair.generate(genuine.keyId()).signer().sign(genuine);
        ClearanceClaims relabelled = new ClearanceClaims(genuine.experimentId(), genuine.clearanceId(),
                genuine.hypothesisRevision(), "PRODUCTION", genuine.issuedAt(), genuine.expiresAt(), genuine.keyId(),
                genuine.signature());

        HttpResponse<String> none = send("POST", "/faults", "Bearer " + agent.token(), order + "}");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(none.body()).get("error").asText())
                .startsWith("no clearance: the agent applies a fault only with the clearance of the run it belongs to");
        for (ClearanceClaims bad : List.of(forged, relabelled)) {
            HttpResponse<String> refused = send("POST", "/faults", "Bearer " + agent.token(),
                    order + ", \"clearance\": " + JSON.writeValueAsString(ClearanceJson.write(bad)) + "}");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).get("error").asText())
                    .contains("signature does not verify with key '" + genuine.keyId() + "'");
        }
        assertThat(agent.client().faults()).as("nothing was created").isEmpty();
        try (var files = Files.list(sub)) {
            assertThat(files).as("nothing was written").isEmpty();
        }

        assertThat(agent.client().create(new FaultSpec("fill", "disk", "h-uncleared", Duration.ofMinutes(1),
                Map.of("directory", sub.toString(), "megabytes", 1)), genuine).effect().ok()).isTrue();
        HttpResponse<String> removed = send("DELETE", "/faults/fill", "Bearer " + agent.token(), null);
        assertThat(removed.statusCode()).as("removal needs no clearance").isEqualTo(200);
        assertThat(JSON.readTree(removed.body()).get("verified").asBoolean()).isTrue();
        assertThat(agent.client().faults()).isEmpty();
    }

    @Test
    void shouldAnswer403NamingTheMissingEntryForAProcessOutsideTheAllowList() throws InterruptedException {
        long seconds = Targets.uniqueSeconds();  // 9xxxxxxxx: allow.processes only has sleep 1xxxxxxxxx
        Process outside = targets.sleep(seconds);
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcFs.state(outside.pid()).isPresent());
        for (String kind : new String[] {"pause", "kill"}) {
            assertThatThrownBy(() -> agent.client().create(new FaultSpec("p", kind, "h", Duration.ofMinutes(1),
                    Map.of("process", "sleep " + seconds)), agent.clearance()))
                    .isInstanceOfSatisfying(AgentException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("process " + outside.pid() + " ('sleep " + seconds + "') is not on the allow-list",
                                "allow.processes [sleep 1\\d{9}] needs an entry");
                    });
        }
        assertThat(outside.isAlive()).isTrue();
        assertThat(ProcFs.state(outside.pid())).isPresent().get().isNotEqualTo('T');
        outside.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldAnswer403NamingTheMissingEntryForADirectoryOutsideTheAllowList() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        String allowedReal = allowed.toRealPath().toString();
        String outsideReal = outside.toRealPath().toString();
        for (String attempt : new String[] {outside.toString(), allowed + "/../outside"}) {
            assertThatThrownBy(() -> agent.client().rehearse("disk", Map.of("directory", attempt, "megabytes", 1)))
                    .isInstanceOfSatisfying(AgentException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("allow.directories [" + allowedReal + "] needs an entry for " + outsideReal);
                    });
        }
        try (var files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void shouldAnswer400SayingWhatToFix() throws Exception {
        HttpResponse<String> malformed = send("POST", "/faults", "Bearer " + agent.token(), "{\"kind\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("error").asText()).startsWith("bad request body: malformed JSON");

        HttpResponse<String> noLease = send("POST", "/faults", "Bearer " + agent.token(), "{\"kind\": \"cpu\", \"holder\": \"h\"}");
        assertThat(noLease.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noLease.body()).get("error").asText()).contains("'ttlMillis' must be");

        assertThatThrownBy(() -> agent.client().create(new FaultSpec("m", "memory", "h", Duration.ofMinutes(1), Map.of("megabytes", "lots")), agent.clearance()))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("attribute 'megabytes' has the wrong JSON type");
                });
    }

    @Test
    void shouldRefuseToStartWithoutAToken() throws Exception {
        Path config = Files.writeString(dir.resolve("no-token.json"), "{\"port\": 0, \"stateDirectory\": \"" + dir.resolve("s2") + "\"}");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", AgentProcess.jar().getAbsolutePath(), "--config", config.toString()).redirectErrorStream(true);
        builder.environment().remove("FAULTLINE_AGENT_TOKEN");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes())).contains("no token");
    }
}
