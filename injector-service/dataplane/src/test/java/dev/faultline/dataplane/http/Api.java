package dev.faultline.dataplane.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.dataplane.api.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The data plane's management API as a test sees it: a real HTTP client, JSON answers. */
final class Api {

    /** One answer: status and parsed JSON body (null when empty). */
    record Answer(int status, JsonNode json) {
        String error() {
            return json == null ? null : json.path("error").asText();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(InetSocketAddress management) {
        this.base = "http://127.0.0.1:" + management.getPort();
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            return new Answer(response.statusCode(), body.length == 0 ? null : Json.parse(body));
        } catch (IOException e) {
            throw new IllegalStateException("management API call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
