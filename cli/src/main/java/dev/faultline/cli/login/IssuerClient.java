package dev.faultline.cli.login;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.http.Json;
import dev.faultline.cli.http.ServiceCallException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signs a user in at the local token issuer (the devstack's: {@code POST <issuer>/token {"user": NAME}}) and returns
 * the token with the roles the users file gives them. A production OIDC provider signs people in its own way; its
 * token goes in {@code FAULTLINE_TOKEN}.
 */
public final class IssuerClient {

    /** The local issuer on its demo port. */
    public static final String DEFAULT_ISSUER = "http://127.0.0.1:8110";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String issuerUrl;

    public IssuerClient(String issuerUrl) {
        this.issuerUrl = issuerUrl.endsWith("/") ? issuerUrl.substring(0, issuerUrl.length() - 1) : issuerUrl;
    }

    /** A signed-in user: their token, roles and how long the token lasts. */
    public record SignedIn(String user, String token, List<String> roles, Duration validFor) {
    }

    public SignedIn signIn(String user) {
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(HttpRequest.newBuilder(URI.create(issuerUrl + "/token")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("user", user)))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceCallException("the token issuer is not reachable at " + issuerUrl + " (" + e
                    + "); is the stack running? `./faultline stack` starts it, or point --issuer at it", 0,
                    e.toString(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException("interrupted while signing in", 0, "interrupted", List.of());
        }
        JsonNode body = Json.readLenient(answer.body());
        if (answer.statusCode() != 200) {
            String why = body.path("error_description").asText(answer.body());
            throw new ServiceCallException("the token issuer at " + issuerUrl + " refused to sign in " + user + ": " + why,
                    answer.statusCode(), why, List.of());
        }
        List<String> roles = new ArrayList<>();
        body.path("roles").forEach(role -> roles.add(role.asText()));
        return new SignedIn(user, body.path("access_token").asText(), roles,
                Duration.ofSeconds(body.path("expires_in").asLong()));
    }
}
