package dev.faultline.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.faultline.devstack.issuer.IssuerUsers;
import dev.faultline.devstack.issuer.LocalIssuer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A service's own token from the devstack's real issuer (client credentials), kept until shortly before it expires. */
class ServiceTokenTest {

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
    void shouldFetchOnceAndAgainAMinuteBeforeExpiry() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
        ServiceToken token = new ServiceToken(Optional.of(new SecuritySettings.ClientCredentials(issuer.tokenUrl(),
                "safety-service", issuer.clientSecret("safety-service"))), clock(now));

        String first = token.authorization();
        assertThat(token.authorization()).isEqualTo(first);
        now.set(now.get().plus(LocalIssuer.TOKEN_TTL).minus(Duration.ofSeconds(59)));
        String renewed = token.authorization();

        assertThat(renewed).isNotEqualTo(first);
        SignedJWT jwt = SignedJWT.parse(renewed.substring("Bearer ".length()));
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("safety-service");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("service");
    }

    @Test
    void shouldSayWhyThereIsNoToken() {
        ServiceToken wrongSecret = new ServiceToken(Optional.of(new SecuritySettings.ClientCredentials(issuer.tokenUrl(),
                "safety-service", "guess")), Clock.systemUTC());
        ServiceToken noClient = new ServiceToken(Optional.empty(), Clock.systemUTC());

        assertThatThrownBy(wrongSecret::authorization).isInstanceOf(IOException.class)
                .hasMessageContaining("gave client safety-service no token (HTTP 401)");
        assertThatThrownBy(noClient::authorization).isInstanceOf(IOException.class)
                .hasMessageContaining("faultline.security.client-id");
    }

    private static Clock clock(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }
}
