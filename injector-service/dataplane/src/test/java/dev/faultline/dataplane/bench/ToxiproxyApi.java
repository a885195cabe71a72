package dev.faultline.dataplane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmark's client of a proxy's management API, Toxiproxy's: {@code POST /proxies
 * {name, listen, upstream, enabled}} and {@code DELETE /proxies/{name}}. Faultline's data plane
 * and any other proxy that speaks this API (Toxiproxy itself) are set up by the same calls.
 */
final class ToxiproxyApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ToxiproxyApi(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String base() {
        return base;
    }

    /** The server's {@code GET /version} answer, or an exception when it does not answer. */
    String version() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/version")).GET(), 200).trim();
    }

    /** Creates an L4 proxy listening on a free loopback port; returns that port (from the answer's {@code listen}). */
    int createProxy(String name, int upstreamPort) throws IOException, InterruptedException {
        String body = MAPPER.createObjectNode().put("name", name).put("listen", "127.0.0.1:0")
                .put("upstream", "127.0.0.1:" + upstreamPort).put("enabled", true).toString();
        return port(post("/proxies", body, 201), "listen");
    }

    /** Creates a Faultline L7 HTTP proxy ({@code POST /http-proxies}); returns its listen port. */
    int createHttpProxy(String name, int upstreamPort) throws IOException, InterruptedException {
        String body = MAPPER.createObjectNode().put("name", name).put("listen", "127.0.0.1:0")
                .put("upstream", "127.0.0.1:" + upstreamPort).toString();
        return port(post("/http-proxies", body, 201), "listen");
    }

    void addToxic(String proxy, String json) throws IOException, InterruptedException {
        post("/proxies/" + proxy + "/toxics", json, 200);
    }

    void deleteToxic(String proxy, String toxic) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(base + "/proxies/" + proxy + "/toxics/" + toxic)).DELETE(), 204);
    }

    /** Deletes a proxy; quietly ignores one that is already gone. */
    void deleteProxy(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).DELETE()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new IOException("DELETE " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private JsonNode post(String path, String json, int expected) throws IOException, InterruptedException {
        return MAPPER.readTree(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), expected));
    }

    private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        // Toxiproxy answers 201 to a created proxy; accept any 2xx where a body is expected
        if (response.statusCode() != expected && (response.statusCode() / 100 != 2 || expected == 204)) {
            throw new IOException(request.build().method() + " " + request.build().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int port(JsonNode proxy, String field) {
        String listen = proxy.path(field).asText();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }
}
