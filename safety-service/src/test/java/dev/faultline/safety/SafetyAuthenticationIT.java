package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.issuer.LocalIssuer;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.safety.support.SafetyHarness;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.PreflightPassed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * safety-service's API with real tokens of the devstack's issuer: who is refused (401 without a valid token, 403
 * naming the missing role), who may read, and the token safety-service itself sends the injector.
 */
@ExtendWith(DevStackExtension.class)
class SafetyAuthenticationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static SafetyHarness safety;
    private static LocalIssuer issuer;

    @BeforeAll
    static void start(DevStack stack) {
        safety = new SafetyHarness(stack, Map.of());
        issuer = stack.issuer();
    }

    @AfterAll
    static void stop() throws Exception {
        safety.close();
    }

    @Test
    void shouldRefuseARequestWithoutAValidTokenWith401SayingWhy() {
        String halt = "{\"scope\":\"ALL\",\"reason\":\"x\"}";

        HttpResponse<String> none = safety.post(null, "/halts", halt);
        HttpResponse<String> garbage = safety.post("not-a-token", "/halts", halt);
        HttpResponse<String> expired = safety.post(issuer.mint("dave", List.of("operator"), Duration.ofMinutes(-5)),
                "/halts", halt);
        HttpResponse<String> otherKey = safety.post(issuer.foreignToken("dave", List.of("operator")), "/halts", halt);

        assertThat(List.of(none, garbage, expired, otherKey)).extracting(HttpResponse::statusCode).containsOnly(401);
        assertThat(none.body()).contains("no bearer token").contains("faultline login");
        assertThat(none.headers().firstValue("www-authenticate")).hasValue("Bearer");
        assertThat(garbage.body()).contains("not a JWT");
        assertThat(expired.body()).contains("expired at");
        assertThat(otherKey.body()).contains("not signed by the trusted issuer");
        assertThat(safety.get(null, "/halts").statusCode()).as("reads need a token too").isEqualTo(401);
    }

    @Test
    void shouldLeaveHealthAndMetricsOpenForProbesAndScrapes() {
        assertThat(safety.get(null, "/health").statusCode()).isIn(200, 503);
        assertThat(safety.get(null, "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetAnAuditorReadButNotHalt() {
        String auditor = safety.token("erin");

        HttpResponse<String> halt = safety.post(auditor, "/halts", "{\"scope\":\"ALL\",\"reason\":\"curious\"}");

        assertThat(halt.statusCode()).isEqualTo(403);
        assertThat(halt.body()).contains("halting needs the role operator; erin has auditor");
        assertThat(safety.get(auditor, "/halts").statusCode()).isEqualTo(200);
        assertThat(safety.post(auditor, "/experiments/exp-any/preflight", "").body())
                .contains("rerunning a preflight needs the role operator");
    }

    @Test
    void shouldCallTheInjectorsDryRunWithItsOwnServiceToken() throws Exception {
        String id = "exp-s2s-" + safety.run;
        safety.propose(id, "storefront", Environment.TEST, 0.5);

        await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id).isPresent());
        assertThat(safety.target.authorizations()).isNotEmpty();
        SignedJWT token = SignedJWT.parse(safety.target.authorizations().get(0).substring("Bearer ".length()));
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("safety-service");
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("service");
    }
}
