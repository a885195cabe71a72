package dev.faultline.kit.security;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Optional;

/**
 * Who a service trusts and who it is ({@code faultline.security.*}); {@link dev.faultline.kit.KitDefaults} hands the
 * first four to micronaut-security-jwt:
 * <ul>
 *   <li>{@code jwks-url} (default the devstack's local issuer on its demo port,
 *       {@code http://127.0.0.1:8110/.well-known/jwks.json}): the JWKS of the token issuer — an OIDC provider's
 *       {@code jwks_uri} in production;</li>
 *   <li>{@code issuer} (default {@code http://127.0.0.1:8110}, the local issuer): the {@code iss} every token must
 *       carry;</li>
 *   <li>{@code audience} (default {@code faultline}): the {@code aud} every token must carry;</li>
 *   <li>{@code roles-claim} (default {@code roles}): the claim holding the caller's roles (OIDC providers differ);</li>
 *   <li>{@code client-id} and {@code client-secret} (only for a service that calls another's API): this service's
 *       OAuth2 client, whose token ({@link ServiceToken}) it sends;</li>
 *   <li>{@code token-url} (default {@code <issuer>/token}): where that client gets its token.</li>
 * </ul>
 */
@ConfigurationProperties("faultline.security")
public final class SecuritySettings {

    /** The devstack's local issuer on its demo port, the embedded default. */
    public static final String LOCAL_ISSUER = "http://127.0.0.1:8110";

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final String tokenUrl;

    @ConfigurationInject
    public SecuritySettings(@Bindable(defaultValue = LOCAL_ISSUER) String issuer, @Nullable String clientId, @Nullable String clientSecret,
                            @Nullable String tokenUrl) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokenUrl = tokenUrl;
    }

    /** This service's client credentials, or empty when it has none configured. */
    public Optional<ClientCredentials> clientCredentials() {
        if (blank(clientId) || blank(clientSecret)) {
            return Optional.empty();
        }
        String url = !blank(tokenUrl) ? tokenUrl : blank(issuer) ? null : issuer.replaceAll("/$", "") + "/token";
        if (url == null) {
            throw new IllegalStateException("faultline.security.token-url (or faultline.security.issuer) is required "
                    + "for the client " + clientId + " to get its token");
        }
        return Optional.of(new ClientCredentials(url, clientId, clientSecret));
    }

    /** An OAuth2 client of the issuer: where to ask, who, and the secret. */
    public record ClientCredentials(String tokenUrl, String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "ClientCredentials[" + clientId + " at " + tokenUrl + "]"; // never the secret in logs
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
