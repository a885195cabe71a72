package dev.faultline.devstack.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devstack's token issuer, for the embedded stack and the tests only: an EC key (P-256) generated at start signs
 * ES256 tokens ({@code sub}, {@code iss}, {@code aud}, {@code iat}, {@code exp}, {@code roles}) for the users and service
 * clients of an {@link IssuerUsers} file, and the public key is served as a JWKS — the same shape an OIDC provider
 * offers, so the services validate its tokens exactly as they would a production provider's. Routes
 * ({@link IssuerRoutes}): {@code GET /.well-known/jwks.json}, {@code GET /.well-known/openid-configuration},
 * {@code POST /token}.
 *
 * <p>ES256 rather than RS256: the stack's JVMs run C1 only, where generating a 2048-bit RSA key took 0.3–2 s of CPU
 * (a random search for primes, without C2's big-integer intrinsics) on the stack's start, and signing a token 12 ms;
 * a P-256 key takes ~1 ms and a signature ~1 ms. The services accept either (service-kit {@code ProviderKeyTypesTest}).
 */
public final class LocalIssuer implements AutoCloseable {

    /** The audience of every token, the default the services expect ({@code faultline.security.audience}). */
    public static final String AUDIENCE = "faultline";
    /** How long a token stays valid. */
    public static final Duration TOKEN_TTL = Duration.ofHours(1);
    /** The claim carrying the roles, the default the services read ({@code faultline.security.roles-claim}). */
    public static final String ROLES_CLAIM = "roles";

    private static final Logger LOG = LoggerFactory.getLogger(LocalIssuer.class);

    private final HttpServer http;
    private final ExecutorService executor;
    private final ECKey key;
    private final IssuerUsers users;
    private final Clock clock;
    private final String publicUrl;

    private LocalIssuer(HttpServer http, ExecutorService executor, ECKey key, IssuerUsers users, Clock clock,
                        String publicUrl) {
        this.http = http;
        this.executor = executor;
        this.key = key;
        this.users = users;
        this.clock = clock;
        this.publicUrl = publicUrl != null ? publicUrl : "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Generates a signing key and serves on 127.0.0.1:{@code port} (0 picks a free port). */
    public static LocalIssuer start(IssuerUsers users, int port) {
        return start(users, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null);
    }

    /**
     * Generates a signing key and serves on {@code bind}; {@code publicUrl} (null: {@code http://127.0.0.1:<port>}) is
     * the {@code iss} of its tokens and the base of its URLs, as the services know it — in a container network, its
     * name there (e.g. {@code http://issuer:8110}) whatever address a client reached it at.
     */
    public static LocalIssuer start(IssuerUsers users, InetSocketAddress bind, String publicUrl) {
        int port = bind.getPort();
        ECKey key = newKey();
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "local-issuer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer http = HttpServer.create(bind, 50);
            LocalIssuer issuer = new LocalIssuer(http, executor, key, users, Clock.systemUTC(), publicUrl);
            http.createContext("/", new IssuerRoutes(issuer, users));
            http.setExecutor(executor);
            http.start();
            LOG.info("local token issuer up at {} (users: {})", issuer.url(), users.users().keySet());
            return issuer;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on port " + port + " for the token issuer", e);
        }
    }

    /** The issuer URL, the {@code iss} of its tokens, e.g. {@code http://127.0.0.1:8110}. */
    public String url() {
        return publicUrl;
    }

    /** Where the public key is published (the services' {@code faultline.security.jwks-url}). */
    public String jwksUrl() {
        return url() + "/.well-known/jwks.json";
    }

    /** The token endpoint (users: JSON {@code {"user": NAME}}; services: the client-credentials grant). */
    public String tokenUrl() {
        return url() + "/token";
    }

    /** A token for {@code user} with the roles the users file gives them. */
    public String token(String user) {
        List<String> roles = users.rolesOf(user).orElseThrow(() -> new IllegalArgumentException(
                "no user '" + user + "' in the users file; known: " + users.users().keySet()));
        return mint(user, roles, TOKEN_TTL);
    }

    /** The secret of a configured service client. */
    public String clientSecret(String clientId) {
        IssuerUsers.Client client = users.clients().get(clientId);
        if (client == null) {
            throw new IllegalArgumentException("no client '" + clientId + "' in the users file; known: "
                    + users.clients().keySet());
        }
        return client.secret();
    }

    /** A token for any subject and roles, valid for {@code ttl} (negative: already expired) — for tests. */
    public String mint(String subject, List<String> roles, Duration ttl) {
        return sign(key, subject, roles, ttl);
    }

    /** A well-formed token for {@code subject} signed by a key this issuer never published — for tests. */
    public String foreignToken(String subject, List<String> roles) {
        return sign(newKey(), subject, roles, TOKEN_TTL);
    }

    /** The public half of the signing key, as a JWKS document. */
    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    private String sign(ECKey signingKey, String subject, List<String> roles, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(url()).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).jwtID(UUID.randomUUID().toString())
                .claim(ROLES_CLAIM, roles).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the issuer's EC key", e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}
