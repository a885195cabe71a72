package dev.faultline.clearance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs clearances with an Ed25519 private key under its key id. Only safety-service holds one; the injector and the
 * host agents verify with public keys ({@link ClaimsVerifier}), so none of them can issue a clearance.
 */
public final class ClaimsSigner {

    private final String keyId;
    private final PrivateKey key;

    public ClaimsSigner(String keyId, PrivateKey key) {
        this.keyId = ClearanceKeys.keyId(keyId, "the signing key id");
        this.key = Objects.requireNonNull(key, "key");
    }

    public String keyId() {
        return keyId;
    }

    /** {@code claims} with this signer's key id and its signature (any key id or signature it had is replaced). */
    public ClearanceClaims sign(ClearanceClaims claims) {
        ClearanceClaims withKeyId = claims.signed(keyId, null);
        try {
            Signature signature = Signature.getInstance(ClearanceKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(withKeyId.canonical().getBytes(StandardCharsets.UTF_8));
            return withKeyId.signed(keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the Ed25519 key " + keyId + ": " + e.getMessage(), e);
        }
    }
}
