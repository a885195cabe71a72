package dev.faultline.agent.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.faultline.clearance.ClearanceClaims;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A controller's handle on one host agent, over its HTTP API with the shared bearer token.
 * Depends on the JDK's HTTP client and Jackson only (none of the agent's server classes).
 * Every call either answers or throws {@link AgentException} with the agent's status and message.
 */
public final class AgentClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Removals wait for their verification (a kill fault up to its graceMillis), so calls may take a while. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String token;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public AgentClient(URI baseUrl, String token) {
        this(baseUrl, token, DEFAULT_TIMEOUT);
    }

    public AgentClient(URI baseUrl, String token, Duration timeout) {
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.timeout = timeout;
    }

    /** Rehearses the rollback of a {@code kind} fault with these attributes (harmless; see the README per kind). */
    public Rehearsal rehearse(String kind, Map<String, Object> attributes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("attributes", attributes);
        return read(expect(call("POST", "/rehearsals", body), 200, "rehearse " + kind), Rehearsal.class);
    }

    /**
     * Puts a fault in force under its lease, with the clearance of the run it belongs to (the agent verifies it with
     * safety-service's public keys and refuses with 403 otherwise); answers it with the measurement made on applying it.
     */
    public Fault create(FaultSpec spec, ClearanceClaims clearance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", spec.name());
        body.put("kind", spec.kind());
        body.put("holder", spec.holder());
        body.put("ttlMillis", spec.ttl().toMillis());
        body.put("attributes", spec.attributes());
        body.put("clearance", clearance == null ? null : ClearanceJson.write(clearance));
        return read(expect(call("POST", "/faults", body), 201, "create " + spec.kind() + " fault " + spec.name()), Fault.class);
    }

    /** Renews the leases of every fault of {@code holder}; false when it holds none (stopped, or their leases lapsed). */
    public boolean renew(String holder) {
        HttpResponse<String> answer = call("POST", "/leases/" + enc(holder) + "/renew", Map.of());
        if (answer.statusCode() == 404) {
            return false;
        }
        expect(answer, 200, "renew the leases of " + holder);
        return true;
    }

    /** Removes every fault of {@code holder}: what was removed and whether each removal was verified on the host. */
    public Release release(String holder) {
        return read(expect(call("DELETE", "/leases/" + enc(holder), null), 200, "release " + holder), Release.class);
    }

    /** Stops one fault and answers its verified removal. */
    public Removal stop(String name) {
        return read(expect(call("DELETE", "/faults/" + enc(name), null), 200, "stop fault " + name), Removal.class);
    }

    /** The faults {@code holder} has in force (empty when none). */
    public List<Fault> leasesOf(String holder) {
        JsonNode body = read(expect(call("GET", "/leases/" + enc(holder), null), 200, "list the faults of " + holder), JsonNode.class);
        return json.convertValue(body.get("faults"), new TypeReference<List<Fault>>() { });
    }

    /** Every fault in force on the host, each measured now. */
    public List<Fault> faults() {
        return json.convertValue(read(expect(call("GET", "/faults", null), 200, "list faults"), JsonNode.class),
                new TypeReference<List<Fault>>() { });
    }

    /** One fault in force, measured now; empty when there is none of that name. */
    public Optional<Fault> fault(String name) {
        HttpResponse<String> answer = call("GET", "/faults/" + enc(name), null);
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(expect(answer, 200, "read fault " + name), Fault.class));
    }

    /** True when the agent answers its health check. */
    public boolean healthy() {
        try {
            return call("GET", "/health", null).statusCode() == 200;
        } catch (AgentException e) {
            return false;
        }
    }

    private HttpResponse<String> call(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, publisher).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AgentException(0, "agent " + baseUrl + " unreachable (" + method + " " + path + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(0, "interrupted during " + method + " " + path, e);
        }
    }

    private HttpResponse<String> expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            String message = answer.body();
            try {
                JsonNode error = json.readTree(answer.body());
                if (error != null && error.hasNonNull("error")) {
                    message = error.get("error").asText();
                }
            } catch (IOException e) {
                // not JSON: keep the raw body
            }
            throw new AgentException(answer.statusCode(), "agent refused to " + what + ": " + answer.statusCode() + " " + message, null);
        }
        return answer;
    }

    private <T> T read(HttpResponse<String> answer, Class<T> type) {
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException e) {
            throw new AgentException(answer.statusCode(), "unreadable agent answer: " + answer.body(), e);
        }
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
