package dev.faultline.clearance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides whether a clearance is safety-service's and still valid, with the public keys this party trusts, selected
 * by the clearance's key id: several keys at once let safety-service rotate (sign with the new key while clearances
 * signed with the old one still verify). Every refusal says why, so that an operator knows what to fix.
 */
public final class ClaimsVerifier {

    /**
     * Verifies an Ed25519 signature over a message with a public key. The JDK's ({@link #JDK}) is the default; a
     * party that verifies many signatures (the auditor's replay) may give a faster one.
     */
    @FunctionalInterface
    public interface SignatureCheck {

        /** Whether {@code signature} is {@code key}'s over {@code message}; throws or answers false when not. */
        boolean verifies(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException;
    }

    /** The JDK's Ed25519 ({@link ClearanceKeys#ALGORITHM}). */
    public static final SignatureCheck JDK = (key, message, signature) -> {
        Signature verifier = Signature.getInstance(ClearanceKeys.ALGORITHM);
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    };

    private final SortedMap<String, PublicKey> keys;
    private final SignatureCheck signatures;

    /** @param keys public keys by key id; at least one */
    public ClaimsVerifier(Map<String, PublicKey> keys) {
        this(keys, JDK);
    }

    /**
     * @param keys       public keys by key id; at least one
     * @param signatures how signatures are verified
     */
    public ClaimsVerifier(Map<String, PublicKey> keys, SignatureCheck signatures) {
        this.signatures = signatures;
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no public key to verify clearances with");
        }
        keys.keySet().forEach(id -> ClearanceKeys.keyId(id, "public key id"));
        this.keys = Collections.unmodifiableSortedMap(new TreeMap<>(keys));
    }

    /** The key ids this verifier knows, sorted. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Why {@code claims} is not a genuine clearance valid at {@code now}, or null when it is. */
    public String rejection(ClearanceClaims claims, Instant now) {
        String clearance = "clearance " + claims.clearanceId();
        if (claims.signature() == null || claims.signature().isBlank()) {
            return clearance + " is not signed (not issued by safety-service)";
        }
        if (claims.keyId() == null || claims.keyId().isBlank()) {
            return clearance + " has no key id, so no public key can verify it (not issued by safety-service)";
        }
        PublicKey key = keys.get(claims.keyId());
        if (key == null) {
            return clearance + " is signed with key id '" + claims.keyId() + "', which is not one of the known keys "
                    + keyIds() + " (not issued by safety-service, or its public key is not configured here)";
        }
        if (!verifies(claims, key)) {
            return clearance + "'s signature does not verify with key '" + claims.keyId()
                    + "' (not issued by safety-service, or altered since)";
        }
        if (now.isAfter(claims.expiresAt())) {
            return clearance + " expired at " + claims.expiresAt();
        }
        return null;
    }

    private boolean verifies(ClearanceClaims claims, PublicKey key) {
        try {
            return signatures.verifies(key, claims.canonical().getBytes(StandardCharsets.UTF_8),
                    Base64.getUrlDecoder().decode(claims.signature()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false; // not Base64url, or not an Ed25519 signature's length: not one safety-service made
        }
    }
}
