package dev.faultline.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWT;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * Remembers the bearer tokens micronaut-security-jwt accepted, by their exact text, so that a client sending the same
 * token again is not validated again: the signature check (RS256 then) and the JWK-to-key conversion were a third of the CPU a
 * small authenticated request took (catalog-service's one-entry query). Safe because the token is signed: the same
 * text is the same claims. A token is remembered until its {@code exp} — from then on it is validated afresh, and
 * refused — and for at most {@link #MAX_AGE}, so that a key withdrawn from the issuer's JWKS stops being honoured
 * within that time; at most {@link #MAX_TOKENS} tokens are kept. Only acceptances are remembered, with the
 * {@link Authentication} (name, roles) the validator built: a bad token gets its 401 and a missing role its 403 as
 * before.
 */
@Singleton
public final class AcceptedTokens implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<JWT, ?>> {

    static final Duration MAX_AGE = Duration.ofMinutes(1);
    static final int MAX_TOKENS = 10_000;

    private final Clock clock;
    private final Cache<String, Accepted> accepted;

    @Inject
    public AcceptedTokens() {
        this(Clock.systemUTC());
    }

    AcceptedTokens(Clock clock) {
        this.clock = clock;
        this.accepted = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(MAX_AGE).build();
    }

    @Override
    public ReactiveJsonWebTokenValidator<JWT, ?> onCreated(BeanCreatedEvent<ReactiveJsonWebTokenValidator<JWT, ?>> event) {
        return remembering(event.getBean());
    }

    /** {@code validator}, answering a token it accepted before from memory while that acceptance holds. */
    <R> ReactiveJsonWebTokenValidator<JWT, R> remembering(ReactiveJsonWebTokenValidator<JWT, R> validator) {
        return new Remembering<>(validator);
    }

    private record Accepted(Authentication authentication, Instant until) {
    }

    private final class Remembering<R> implements ReactiveJsonWebTokenValidator<JWT, R> {

        private final ReactiveJsonWebTokenValidator<JWT, R> validator;

        Remembering(ReactiveJsonWebTokenValidator<JWT, R> validator) {
            this.validator = validator;
        }

        @Override
        public Publisher<Authentication> validateToken(String token, R request) {
            Instant now = clock.instant();
            Accepted known = accepted.getIfPresent(token);
            if (known != null) {
                if (now.isBefore(known.until())) {
                    return Publishers.just(known.authentication());
                }
                accepted.invalidate(token);
            }
            return Publishers.map(validator.validateToken(token, request), authentication -> {
                until(authentication, now).ifPresent(until -> accepted.put(token, new Accepted(authentication, until)));
                return authentication;
            });
        }

        @Override
        public Publisher<JWT> validate(String token, R request) {
            return validator.validate(token, request);
        }

        @Override
        public int getOrder() {
            return validator.getOrder();
        }
    }

    /** Until when an acceptance at {@code now} holds: its {@code exp}, at most {@link #MAX_AGE}; empty if unreadable. */
    private static Optional<Instant> until(Authentication authentication, Instant now) {
        Instant longest = now.plus(MAX_AGE);
        Object exp = authentication.getAttributes().get("exp");
        Instant expiry;
        if (exp == null) {
            return Optional.of(longest); // no exp: the validator accepts it for ever; remember it for MAX_AGE
        } else if (exp instanceof Date date) {
            expiry = date.toInstant();
        } else if (exp instanceof Instant instant) {
            expiry = instant;
        } else if (exp instanceof Number seconds) {
            expiry = Instant.ofEpochSecond(seconds.longValue());
        } else {
            return Optional.empty(); // not remembered: validated every time
        }
        return Optional.of(expiry.isBefore(longest) ? expiry : longest);
    }
}
