package dev.faultline.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * {@link SchemaRegistryClient} speaking the Confluent Schema Registry REST API over {@code java.net.http}, with no
 * caching (wrap it in {@link CachingSchemaRegistryClient}). Several base URLs are tried in order when one cannot
 * be reached; an error answer from any of them is final.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    /** The content type the Confluent registry speaks. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    /**
     * One {@code java.net.http} client per connect timeout for the whole JVM, shared by every instance: each client
     * keeps a selector thread, a pool of worker threads and its connections of its own, and every serializer and
     * deserializer makes an instance of this class — in the local stack's shared services JVM that was 24 clients and
     * 64 threads. A client is safe to share between threads, and the basic credentials go with each request, not with
     * the client.
     */
    private static final Map<Duration, HttpClient> SHARED = new ConcurrentHashMap<>();

    private final List<URI> baseUrls;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param baseUrls  registry base URLs, e.g. {@code http://localhost:8081}
     * @param timeout   connect and request timeout
     * @param userInfo  {@code user:password} for HTTP basic authentication, or null
     */
    public HttpSchemaRegistryClient(List<URI> baseUrls, Duration timeout, String userInfo) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is required");
        }
        this.baseUrls = List.copyOf(baseUrls);
        this.requestTimeout = timeout;
        this.http = SHARED.computeIfAbsent(timeout,
                t -> HttpClient.newBuilder().connectTimeout(t).version(HttpClient.Version.HTTP_1_1).build());
        this.authorization = userInfo == null || userInfo.isBlank()
                ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int register(String subject, Schema schema) {
        return call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)).path("id").asInt();
    }

    @Override
    public RegisteredSchema lookUp(String subject, Schema schema) {
        return registered(call("POST", "/subjects/" + encode(subject), schemaBody(schema)), subject);
    }

    @Override
    public Schema schemaById(int id) {
        JsonNode answer = call("GET", "/schemas/ids/" + id, null);
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new RegistryException("schema id " + id + " is a " + type + " schema, not Avro", 200, 0, null);
        }
        return parse(answer.path("schema").asText(), "schema id " + id);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registered(call("GET", "/subjects/" + encode(subject) + "/versions/latest", null), subject);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            return call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
                    .path("is_compatible").asBoolean(false);
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND) {
                return true; // nothing registered yet: any schema is compatible
            }
            throw e;
        }
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        call("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    private RegisteredSchema registered(JsonNode answer, String subject) {
        return new RegisteredSchema(answer.path("subject").asText(subject), answer.path("version").asInt(),
                answer.path("id").asInt(), parse(answer.path("schema").asText(), "subject " + subject));
    }

    private String schemaBody(Schema schema) {
        try {
            return json.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode schema request", e);
        }
    }

    private JsonNode call(String method, String path, String body) {
        IOException lastFailure = null;
        for (URI base : baseUrls) {
            URI uri = URI.create(stripSlash(base.toString()) + path);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", ACCEPT)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return answer(method, uri, response);
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted while calling the schema registry at " + uri,
                        RegistryException.UNREACHABLE, RegistryException.UNREACHABLE, e);
            }
        }
        throw new RegistryException("no schema registry reachable at " + baseUrls + " for " + method + " " + path + ": "
                + lastFailure, RegistryException.UNREACHABLE, RegistryException.UNREACHABLE, lastFailure);
    }

    private JsonNode answer(String method, URI uri, HttpResponse<String> response) {
        JsonNode node = readJson(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300 && node != null) {
            return node;
        }
        int code = node == null ? status : node.path("error_code").asInt(status);
        String message = node == null ? abbreviate(response.body()) : node.path("message").asText(abbreviate(response.body()));
        throw new RegistryException("schema registry " + method + " " + uri + " answered HTTP " + status
                + " (error_code " + code + "): " + message, status, code, null);
    }

    private JsonNode readJson(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new RegistryException("the registry returned an unparseable Avro schema for " + what + ": " + e.getMessage(),
                    200, 0, e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
