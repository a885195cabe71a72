package dev.faultline.clearance;

import java.security.KeyPair;
import java.util.Map;

/**
 * A fresh Ed25519 key pair under a key id: what the local stack makes for each stack (the private key for
 * safety-service only, the public key for the injector and the agent), and what tests sign with.
 */
public record ClearanceKeyPair(String keyId, KeyPair keys) {

    public ClearanceKeyPair {
        ClearanceKeys.keyId(keyId, "keyId");
    }

    public static ClearanceKeyPair generate(String keyId) {
        return new ClearanceKeyPair(keyId, ClearanceKeys.generate());
    }

    /** The private key, Base64 PKCS#8. */
    public String privateKeyBase64() {
        return ClearanceKeys.encode(keys.getPrivate());
    }

    /** The public key, Base64 X.509 SubjectPublicKeyInfo. */
    public String publicKeyBase64() {
        return ClearanceKeys.encode(keys.getPublic());
    }

    public ClaimsSigner signer() {
        return new ClaimsSigner(keyId, keys.getPrivate());
    }

    /** A verifier that trusts this pair's public key only. */
    public ClaimsVerifier verifier() {
        return new ClaimsVerifier(Map.of(keyId, keys.getPublic()));
    }
}
