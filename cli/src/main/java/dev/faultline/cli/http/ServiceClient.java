package dev.faultline.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls one Faultline service over HTTP with JSON bodies, sending a bearer token when it has one. A service that
 * cannot be reached or that answers 4xx/5xx becomes a {@link ServiceCallException} naming the service, its address,
 * and the error and reasons from its {@code {status, error, reasons}} body; a 401 adds how to sign in.
 */
public final class ServiceClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final String baseUrl;
    private final String token;

    public ServiceClient(String name, String baseUrl) {
        this(name, baseUrl, null);
    }

    /** @param token the bearer token to send, null for none */
    public ServiceClient(String name, String baseUrl, String token) {
        this.name = name;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public JsonNode get(String path) {
        return Json.readLenient(send("GET", path, null).body());
    }

    public String getText(String path) {
        return send("GET", path, null).body();
    }

    public JsonNode post(String path, Object body) {
        return Json.readLenient(send("POST", path, body == null ? "" : Json.write(body)).body());
    }

    /** Posts a text as {@code contentType} (a declarations file as application/yaml); the answer is JSON. */
    public JsonNode postText(String path, String contentType, String text) {
        return Json.readLenient(send("POST", path, contentType, text).body());
    }

    public JsonNode delete(String path) {
        return Json.readLenient(send("DELETE", path, null).body());
    }

    /** Sends one request with a JSON body (or none); see {@link #send(String, String, String, String)}. */
    public HttpResponse<String> send(String method, String path, String jsonBody) {
        return send(method, path, "application/json", jsonBody);
    }

    /** Sends one request; any status ≥ 400 or no connection is a {@link ServiceCallException}. */
    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json, text/markdown, text/plain");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw unreachable("connection refused");
        } catch (HttpTimeoutException e) {
            throw unreachable("no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw unreachable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("interrupted");
        }
        if (response.statusCode() >= 400) {
            throw failed(method, path, response);
        }
        return response;
    }

    private ServiceCallException unreachable(String why) {
        return new ServiceCallException(name + " is not reachable at " + baseUrl + " (" + why + "); is the stack "
                + "running? `./faultline stack` starts it, or point --" + flagName() + " at it", 0, why, List.of());
    }

    private ServiceCallException failed(String method, String path, HttpResponse<String> response) {
        JsonNode body = Json.readLenient(response.body());
        String error = body.path("error").asText(body.path("message").asText(response.body().strip()));
        List<String> reasons = new ArrayList<>();
        body.path("reasons").forEach(reason -> reasons.add(reason.isTextual() ? reason.asText() : reason.toString()));
        String message = name + " answered " + response.statusCode() + " to " + method + " " + path
                + (error.isBlank() ? "" : ": " + error);
        if (response.statusCode() == 401 && !message.contains("faultline login")) {
            message += "; run `faultline login --user NAME` (or set FAULTLINE_TOKEN)";
        }
        return new ServiceCallException(message, response.statusCode(), error, reasons);
    }

    private String flagName() {
        return name.replace("-service", "") + "-url";
    }
}
