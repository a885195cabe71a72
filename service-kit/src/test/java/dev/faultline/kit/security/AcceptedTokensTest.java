package dev.faultline.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWT;
import dev.faultline.kit.testing.ManualClock;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The cache of accepted tokens around a stand-in validator (which accepts while a token is valid, as the real one
 * does), on a clock the test moves: validated once while it holds, validated again — and refused — once expired even
 * though it was remembered, refusals never remembered. {@code KitEndpointsTest} does the same against the real issuer.
 */
class AcceptedTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private final ManualClock now = new ManualClock(T0);
    private final StandIn standIn = new StandIn();
    private final ReactiveJsonWebTokenValidator<JWT, Object> validator = new AcceptedTokens(now).remembering(standIn);

    @Test
    void shouldValidateATokenOnceWhileItHolds() {
        standIn.valid("erin-token", "erin", T0.plusSeconds(30));

        Authentication first = validate("erin-token");
        now.set(T0.plusSeconds(29));
        Authentication second = validate("erin-token");

        assertThat(second).isSameAs(first);
        assertThat(second.getName()).isEqualTo("erin");
        assertThat(second.getRoles()).containsExactly("proposer");
        assertThat(standIn.validated).containsExactly("erin-token");
    }

    @Test
    void shouldRefuseATokenOnceExpiredThoughItWasRememberedWhileValid() {
        standIn.valid("erin-token", "erin", T0.plusSeconds(30));
        assertThat(validate("erin-token")).isNotNull();

        now.set(T0.plusSeconds(30));

        assertThat(validate("erin-token")).as("expired at 30 s").isNull();
        assertThat(standIn.validated).containsExactly("erin-token", "erin-token");
    }

    @Test
    void shouldValidateAgainAfterAMinuteHoweverLongTheTokenLasts() {
        standIn.valid("long-token", "erin", T0.plus(Duration.ofHours(1)));
        validate("long-token");

        now.set(T0.plus(AcceptedTokens.MAX_AGE).minusMillis(1));
        validate("long-token");
        now.set(T0.plus(AcceptedTokens.MAX_AGE));
        validate("long-token");

        assertThat(standIn.validated).containsExactly("long-token", "long-token");
    }

    @Test
    void shouldNeverRememberARefusal() {
        assertThat(validate("forged")).isNull();
        assertThat(validate("forged")).isNull();

        assertThat(standIn.validated).containsExactly("forged", "forged");
    }

    private Authentication validate(String token) {
        return Mono.from(validator.validateToken(token, new Object())).block();
    }


    /** Accepts a known token until its expiry (at the test's clock), refuses anything else; records what it checked. */
    private final class StandIn implements ReactiveJsonWebTokenValidator<JWT, Object> {

        final List<String> validated = new ArrayList<>();
        private final Map<String, Authentication> tokens = new java.util.HashMap<>();

        void valid(String token, String subject, Instant expiry) {
            tokens.put(token, Authentication.build(subject, List.of("proposer"), Map.of("exp", Date.from(expiry))));
        }

        @Override
        public Publisher<Authentication> validateToken(String token, Object request) {
            validated.add(token);
            Authentication known = tokens.get(token);
            boolean valid = known != null
                    && now.instant().isBefore(((Date) known.getAttributes().get("exp")).toInstant());
            return valid ? Publishers.just(known) : Publishers.empty();
        }

        @Override
        public Publisher<JWT> validate(String token, Object request) {
            return Publishers.empty();
        }
    }
}
