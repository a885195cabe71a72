package dev.faultline.kit.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * This service's own bearer token for calling another service's API, from the issuer's OAuth2 client-credentials
 * grant with {@link SecuritySettings#clientCredentials()}; kept until a minute before it expires, then fetched again.
 */
@Singleton
public final class ServiceToken {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final Optional<SecuritySettings.ClientCredentials> credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    @Inject
    public ServiceToken(SecuritySettings settings) {
        this(settings.clientCredentials(), Clock.systemUTC());
    }

    public ServiceToken(Optional<SecuritySettings.ClientCredentials> credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The value of an {@code Authorization} header: {@code Bearer <token>}. */
    public synchronized String authorization() throws IOException, InterruptedException {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return "Bearer " + token;
    }

    private void fetch() throws IOException, InterruptedException {
        SecuritySettings.ClientCredentials client = credentials.orElseThrow(() -> new IOException(
                "this service has no client credentials to call another service with: set "
                        + "faultline.security.client-id and faultline.security.client-secret"));
        String form = "grant_type=client_credentials&client_id=" + encode(client.clientId()) + "&client_secret="
                + encode(client.clientSecret());
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(client.tokenUrl()))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new IOException("the issuer at " + client.tokenUrl() + " gave client " + client.clientId()
                    + " no token (HTTP " + answer.statusCode() + "): " + body.path("error_description").asText(answer.body()));
        }
        Instant now = clock.instant();
        token = body.path("access_token").asText();
        refreshAt = now.plusSeconds(body.path("expires_in").asLong(300)).minus(REFRESH_BEFORE_EXPIRY);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
