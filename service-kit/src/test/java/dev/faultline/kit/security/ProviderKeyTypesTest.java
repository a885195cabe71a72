package dev.faultline.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's JWT settings accept the tokens of an OIDC provider that signs with RSA (RS256, most providers') and of
 * one that signs with EC (ES256, the local issuer's), each from its JWKS alone; a token signed by a key the JWKS does
 * not hold is refused either way.
 */
class ProviderKeyTypesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldAcceptAnRs256ProvidersTokens() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        assertAcceptedFromItsJwks(key, new RSASSASigner(key), new RSASSASigner(stranger), JWSAlgorithm.RS256);
    }

    @Test
    void shouldAcceptAnEs256ProvidersTokens() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        assertAcceptedFromItsJwks(key, new ECDSASigner(key), new ECDSASigner(stranger), JWSAlgorithm.ES256);
    }

    private static void assertAcceptedFromItsJwks(JWK key, JWSSigner signer, JWSSigner stranger, JWSAlgorithm algorithm)
            throws Exception {
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        provider.start();
        String issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "micronaut.application.name", "kit-keys-test",
                "faultline.kafka.bootstrap-servers", "127.0.0.1:9",
                "faultline.security.jwks-url", issuer + "/jwks",
                "faultline.security.issuer", issuer))) {
            // a path no controller serves: 404 once the token is accepted, 401 when it is not
            assertThat(status(server, token(signer, algorithm, key.getKeyID(), issuer))).isEqualTo(404);
            assertThat(status(server, token(stranger, algorithm, key.getKeyID(), issuer))).isEqualTo(401);
        } finally {
            provider.stop(0);
        }
    }

    private static String token(JWSSigner signer, JWSAlgorithm algorithm, String keyId, String issuer) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), new JWTClaimsSet.Builder()
                .subject("erin").issuer(issuer).audience("faultline").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).claim("roles", List.of("viewer")).build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static int status(EmbeddedServer server, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/no-such-path"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
