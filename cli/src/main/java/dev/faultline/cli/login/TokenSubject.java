package dev.faultline.cli.login;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.http.Json;
import java.io.IOException;
import java.util.Base64;

/**
 * Who the signed-in user is: the {@code sub} claim of the token the CLI sends, read here without verifying it. The
 * commands that publish straight to Kafka as another tool would ({@code calendar}, {@code incident}) name it as the
 * author of their events; the services verify tokens themselves, and Kafka's ACLs decide who may write at all.
 */
public final class TokenSubject {

    private static final String SIGN_IN = "run `faultline login --user NAME` (or set FAULTLINE_TOKEN, or pass --token)";

    private TokenSubject() {
    }

    /**
     * The subject of {@code token}.
     *
     * @param token the token the commands send, null when nobody signed in
     * @throws IllegalStateException saying how to sign in, when there is no token or it names nobody
     */
    public static String of(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("not signed in: " + SIGN_IN + "; what this command publishes names the "
                    + "token's user as its author");
        }
        String[] parts = token.strip().split("\\.");
        if (parts.length != 3) {
            throw new IllegalStateException("the token is not a JWT (header.claims.signature); " + SIGN_IN);
        }
        JsonNode claims;
        try {
            claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalStateException("the token's claims are not readable; " + SIGN_IN);
        }
        String subject = claims.path("sub").asText("");
        if (subject.isBlank()) {
            throw new IllegalStateException("the token names no user (no 'sub' claim); " + SIGN_IN);
        }
        return subject;
    }
}
