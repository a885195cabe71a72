package dev.faultline.kit.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import dev.faultline.kit.http.ApiError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Answers a request micronaut-security refused with an {@link ApiError} saying what to fix (its own handler answers
 * with no body): 401 with {@code WWW-Authenticate: Bearer} when the bearer token is missing, is not a JWT, has
 * expired, or is not signed by the trusted issuer for this audience; 403 when the caller is authenticated but not
 * allowed.
 */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuthorizationErrors implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private static final String BEARER = "Bearer ";

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            String who = exception.getAuthentication() == null ? "the caller" : exception.getAuthentication().getName();
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ApiError(403,
                    who + " may not " + request.getMethodName() + " " + request.getPath(), List.of()));
        }
        String problem = problem(request.getHeaders().getAuthorization());
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, problem.startsWith("no bearer") ? "Bearer" : "Bearer error=\"invalid_token\"")
                .body(new ApiError(401, problem + "; sign in again (`faultline login --user NAME`) or send a valid "
                        + "token as `Authorization: Bearer <token>`", List.of()));
    }

    /** Why the request's token was not accepted, read without trusting it. */
    static String problem(Optional<String> authorization) {
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "no bearer token: every request but /health and /metrics needs one";
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(authorization.get().substring(BEARER.length()).strip());
        } catch (ParseException e) {
            return "the bearer token is not a JWT";
        }
        try {
            Date expiry = jwt.getJWTClaimsSet().getExpirationTime();
            if (expiry != null && expiry.toInstant().isBefore(Instant.now())) {
                return "the bearer token expired at " + expiry.toInstant();
            }
        } catch (ParseException e) {
            return "the bearer token's claims are not readable";
        }
        return "the bearer token is not valid here: not signed by the trusted issuer's key, or for another issuer "
                + "or audience";
    }
}
