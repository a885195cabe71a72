package dev.faultline.devstack.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local issuer over real HTTP, with the bundled users file: its tokens verify against its own JWKS. */
class LocalIssuerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalIssuer issuer;

    @BeforeAll
    static void start() {
        issuer = LocalIssuer.start(IssuerUsers.bundled(), 0);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void shouldSignInAUserOfTheFileWithTheirRolesAndATokenTheJwksVerifies() throws Exception {
        HttpResponse<String> answer = post("application/json", "{\"user\":\"carol\"}", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(3600);
        SignedJWT jwt = SignedJWT.parse(body.path("access_token").asText());
        ECKey published = (ECKey) JWKSet.parse(get("/.well-known/jwks.json").body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new ECDSAVerifier(published))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("carol");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.url());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("faultline");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("approver:staging", "approver:production");
    }

    @Test
    void shouldRefuseAnUnknownUserNamingTheKnownOnes() throws Exception {
        HttpResponse<String> answer = post("application/json", "{\"user\":\"mallory\"}", null);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(answer.body()).path("error_description").asText())
                .contains("no user 'mallory'").contains("alice");
    }

    @Test
    void shouldIssueAServiceTokenForTheClientCredentialsGrantOnly() throws Exception {
        String secret = issuer.clientSecret("safety-service");
        HttpResponse<String> form = post("application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=safety-service&client_secret=" + secret, null);
        HttpResponse<String> basic = post("application/x-www-form-urlencoded", "grant_type=client_credentials",
                "Basic " + Base64.getEncoder().encodeToString(("safety-service:" + secret).getBytes()));
        HttpResponse<String> wrong = post("application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=safety-service&client_secret=guess", null);

        assertThat(form.statusCode()).isEqualTo(200);
        SignedJWT jwt = SignedJWT.parse(JSON.readTree(form.body()).path("access_token").asText());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("safety-service");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("service");
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid_client");
    }

    @Test
    void shouldPublishItsEndpointsAsAnOpenIdConfiguration() throws Exception {
        JsonNode config = JSON.readTree(get("/.well-known/openid-configuration").body());

        assertThat(config.path("issuer").asText()).isEqualTo(issuer.url());
        assertThat(config.path("jwks_uri").asText()).isEqualTo(issuer.jwksUrl());
        assertThat(config.path("token_endpoint").asText()).isEqualTo(issuer.tokenUrl());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String type, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer.tokenUrl())).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
