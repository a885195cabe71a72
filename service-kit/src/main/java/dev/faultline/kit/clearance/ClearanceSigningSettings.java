package dev.faultline.kit.clearance;

import dev.faultline.clearance.ClaimsSigner;
import dev.faultline.clearance.ClearanceKeys;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The key safety-service signs clearances with (no defaults; only safety-service binds this, and it does not start
 * without it):
 * <ul>
 *   <li>{@code faultline.clearance.key-id}: the key's id, written into every clearance so that verifiers pick the
 *       matching public key (1 to 64 of {@code a-z 0-9 -}); a new id per new key lets keys rotate;</li>
 *   <li>{@code faultline.clearance.signing-key}: the Ed25519 private key, PKCS#8 Base64 or PEM
 *       ({@code openssl genpkey -algorithm ed25519}); or</li>
 *   <li>{@code faultline.clearance.signing-key-file}: a file holding it (a mounted secret, the local stack's work
 *       directory) — one of the two, not both.</li>
 * </ul>
 * The injector and the agents get the public key only ({@link ClearanceKeySettings}).
 */
@ConfigurationProperties("faultline.clearance")
public final class ClearanceSigningSettings {

    static final String KEY_ID = "faultline.clearance.key-id";
    static final String SIGNING_KEY = "faultline.clearance.signing-key";
    static final String SIGNING_KEY_FILE = "faultline.clearance.signing-key-file";

    private final ClaimsSigner signer;

    @ConfigurationInject
    public ClearanceSigningSettings(@Nullable String keyId, @Nullable String signingKey, @Nullable String signingKeyFile) {
        boolean inline = signingKey != null && !signingKey.isBlank();
        boolean file = signingKeyFile != null && !signingKeyFile.isBlank();
        if (inline == file) {
            throw new IllegalArgumentException((inline ? "set one of " : "") + SIGNING_KEY + " (an Ed25519 private key,"
                    + " PKCS#8 Base64 or PEM) or " + SIGNING_KEY_FILE + " (a file holding it)"
                    + (inline ? ", not both" : " must be set: safety-service signs clearances with it"));
        }
        String text = inline ? signingKey : read(Path.of(signingKeyFile));
        this.signer = new ClaimsSigner(ClearanceKeys.keyId(keyId, KEY_ID),
                ClearanceKeys.privateKey(text, inline ? SIGNING_KEY : SIGNING_KEY_FILE + " (" + signingKeyFile + ")"));
    }

    ClaimsSigner signer() {
        return signer;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(SIGNING_KEY_FILE + ": cannot read " + file + " (" + e + ")");
        }
    }

    @Override
    public String toString() {
        return "ClearanceSigningSettings[keyId=" + signer.keyId() + ", signingKey=***]";
    }
}
