package dev.faultline.devstack.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link LocalIssuer}'s HTTP API. {@code POST /token} with a JSON body {@code {"user": NAME}} signs a user in
 * (no password: a dev-only issuer on loopback); with a form body {@code grant_type=client_credentials} and the
 * client's id and secret (form fields or HTTP Basic, as RFC 6749 allows) it issues a service's token. Answers are
 * OAuth2's: {@code access_token}, {@code token_type}, {@code expires_in}, or {@code error} and
 * {@code error_description}.
 */
final class IssuerRoutes implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalIssuer issuer;
    private final IssuerUsers users;

    IssuerRoutes(LocalIssuer issuer, IssuerUsers users) {
        this.issuer = issuer;
        this.users = users;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("/.well-known/jwks.json")) {
                send(exchange, 200, issuer.jwks());
            } else if (method.equals("GET") && path.equals("/.well-known/openid-configuration")) {
                send(exchange, 200, JSON.writeValueAsString(Map.of("issuer", issuer.url(), "jwks_uri", issuer.jwksUrl(),
                        "token_endpoint", issuer.tokenUrl(), "grant_types_supported", List.of("client_credentials"),
                        "id_token_signing_alg_values_supported", List.of("ES256"))));
            } else if (method.equals("POST") && path.equals("/token")) {
                token(exchange);
            } else {
                error(exchange, 404, "not_found", "the issuer serves GET /.well-known/jwks.json, "
                        + "GET /.well-known/openid-configuration and POST /token, not " + method + " " + path);
            }
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            clientCredentials(exchange, form(body));
            return;
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            request = null;
        }
        String user = request == null ? "" : request.path("user").asText("");
        if (user.isBlank()) {
            error(exchange, 400, "invalid_request", "send {\"user\": \"NAME\"} (a user of the users file) as JSON, "
                    + "or a client-credentials form");
            return;
        }
        Optional<List<String>> roles = users.rolesOf(user);
        if (roles.isEmpty()) {
            error(exchange, 404, "unknown_user", "no user '" + user + "' in the users file; known: "
                    + String.join(", ", users.users().keySet()));
            return;
        }
        Map<String, Object> answer = answer(issuer.mint(user, roles.get(), LocalIssuer.TOKEN_TTL));
        answer.put("user", user);
        answer.put("roles", roles.get());
        send(exchange, 200, JSON.writeValueAsString(answer));
    }

    private void clientCredentials(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!"client_credentials".equals(form.get("grant_type"))) {
            error(exchange, 400, "unsupported_grant_type", "only grant_type=client_credentials is supported");
            return;
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8)
                    .split(":", 2);
            id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "";
        }
        IssuerUsers.Client client = id == null ? null : users.clients().get(id);
        if (client == null || !client.secret().equals(secret)) {
            error(exchange, 401, "invalid_client", "unknown client '" + id + "' or wrong secret");
            return;
        }
        send(exchange, 200, JSON.writeValueAsString(answer(issuer.mint(id, client.roles(), LocalIssuer.TOKEN_TTL))));
    }

    private static Map<String, Object> answer(String token) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", LocalIssuer.TOKEN_TTL.toSeconds());
        return answer;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        send(exchange, status, JSON.writeValueAsString(Map.of("error", error, "error_description", description)));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
