package dev.faultline.devstack.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: checks the request content type, routes, and writes every answer as
 * {@code application/vnd.schemaregistry.v1+json}; refusals become Confluent error bodies and
 * unexpected failures a 500 error body, never a stack trace. Writes need HTTP Basic credentials of a registry user,
 * as Confluent's registry with basic authentication: 401 otherwise. Reads stay open: GET and HEAD, and the two POSTs
 * that only ask (is this schema registered under the subject, is it compatible), which deserializing clients send.
 */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final Set<String> ACCEPTED = Set.of(CONTENT_TYPE, "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Methods anyone may call; every other one needs a writer's credentials, but for {@link #ASKING}. */
    private static final Set<String> READS = Set.of("GET", "HEAD");
    /** POST /subjects/{subject} (look a schema up) and POST /compatibility/… (test one): questions, not writes. */
    private static final Pattern ASKING = Pattern.compile("/subjects/[^/]+/?|/compatibility/.*");

    private final Router router;
    private final BasicAuth writers;

    RegistryHttpHandler(Router router, BasicAuth writers) {
        this.router = router;
        this.writers = writers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiResponse response;
            try {
                response = answer(exchange);
            } catch (RegistryException e) {
                response = ApiResponse.error(e.status(), e.errorCode(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("schema registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = ApiResponse.error(500, 500, "Internal Server Error: " + e);
            }
            write(exchange, response);
        }
    }

    private ApiResponse answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        boolean read = READS.contains(method)
                || method.equals("POST") && ASKING.matcher(exchange.getRequestURI().getRawPath()).matches();
        if (!read && !writers.allows(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"faultline-schema-registry\"");
            return ApiResponse.error(401, 401, "Unauthorized: " + method
                    + " needs HTTP Basic credentials of a registry user (basic.auth.user.info)");
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (body.length > 0 && contentType != null && !ACCEPTED.contains(mediaType(contentType))) {
            return ApiResponse.error(415, 415, "HTTP 415 Unsupported Media Type");
        }
        return router.dispatch(ApiRequest.of(method, exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), body));
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] bytes = response.raw() != null ? response.raw().getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
