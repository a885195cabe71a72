package dev.faultline.agent.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The shared secret every API caller presents as {@code Authorization: Bearer <token>}.
 * Compared in constant time so that the answer's timing does not leak how much of a guess was right.
 */
public final class BearerToken {

    /** Shorter secrets are refused at start: the agent can stop processes and fill disks. */
    public static final int MIN_LENGTH = 16;

    private static final String SCHEME = "Bearer ";

    private final byte[] token;

    public BearerToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the agent's token must be at least " + MIN_LENGTH + " characters, was "
                    + token.strip().length());
        }
        this.token = token.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** Why the header is refused, or null when it carries the token. */
    public String refusal(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return "missing Authorization header: send 'Authorization: Bearer <token>' with the agent's shared token";
        }
        if (!authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return "Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'";
        }
        byte[] given = authorizationHeader.substring(SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token) ? null : "bearer token is not the agent's shared token";
    }
}
