package dev.faultline.devstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A plain java.net.http client for the registry's REST API, as any non-Confluent client would call it, sending HTTP
 * Basic credentials ({@code user:password}) when it has them.
 */
final class RegistryHttp {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, content type, raw body and the body parsed as JSON (null if not JSON). */
    record Reply(int status, String contentType, String body, JsonNode json) {

        int errorCode() {
            return json.get("error_code").asInt();
        }

        String message() {
            return json.get("message").asText();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String userInfo;

    RegistryHttp(String baseUrl, String userInfo) {
        this.baseUrl = baseUrl;
        this.userInfo = userInfo;
    }

    /** The same registry, called with no credentials. */
    RegistryHttp anonymous() {
        return new RegistryHttp(baseUrl, null);
    }

    /** The same registry, called with {@code user:password}. */
    RegistryHttp as(String otherUserInfo) {
        return new RegistryHttp(baseUrl, otherUserInfo);
    }

    Reply get(String path) {
        return send("GET", path, null, V1_JSON);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, V1_JSON);
    }

    Reply post(String path, Object body) {
        return send("POST", path, json(body), V1_JSON);
    }

    Reply put(String path, Object body) {
        return send("PUT", path, json(body), V1_JSON);
    }

    /** Registers an Avro schema and answers its id (asserting nothing: callers check). */
    Reply register(String subject, String schema) {
        return post("/subjects/" + subject + "/versions", Map.of("schema", schema));
    }

    Reply register(String subject, String schema, List<Map<String, Object>> references) {
        return post("/subjects/" + subject + "/versions", Map.of("schema", schema, "references", references));
    }

    Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", V1_JSON);
        if (userInfo != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string as a JSON string literal, as a schema appears inside a response. */
    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
