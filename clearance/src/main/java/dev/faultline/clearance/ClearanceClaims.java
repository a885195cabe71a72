package dev.faultline.clearance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a clearance says and the signature vouching for it, in the one form every party shares: safety-service signs
 * it, injector-service reads it from the Avro {@code Clearance}, a host agent from an apply request's JSON. The
 * signature covers {@link #canonical()} — the experiment, every clearance field and the key id — so none of them can
 * be changed, the key id included, without the signature failing.
 *
 * @param experimentId       the experiment cleared
 * @param clearanceId        the clearance's id (a UUID)
 * @param hypothesisRevision the revision cleared
 * @param environment        the environment cleared (its enum name)
 * @param issuedAt           when safety-service issued it
 * @param expiresAt          the fault must be applied before this instant
 * @param keyId              which signing key signed it; null when unsigned
 * @param signature          Base64url (no padding) Ed25519 signature over {@link #canonical()}; null when unsigned
 */
public record ClearanceClaims(String experimentId, String clearanceId, int hypothesisRevision, String environment,
                              Instant issuedAt, Instant expiresAt, String keyId, String signature) {

    /** Names the format, so that a later one can never be mistaken for this one. */
    static final String TAG = "faultline-clearance-v1";

    public ClearanceClaims {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(clearanceId, "clearanceId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The claims before signing. */
    public static ClearanceClaims unsigned(String experimentId, String clearanceId, int hypothesisRevision,
                                           String environment, Instant issuedAt, Instant expiresAt) {
        return new ClearanceClaims(experimentId, clearanceId, hypothesisRevision, environment, issuedAt, expiresAt, null, null);
    }

    /**
     * The signed string: the tag, then each field as its length, {@code ':'} and itself — so that no two different
     * clearances read the same however their fields are cut (an experiment id may hold any character). Times are
     * epoch milliseconds, as the Avro record keeps them.
     */
    public String canonical() {
        StringBuilder text = new StringBuilder(TAG);
        for (String field : new String[]{experimentId, clearanceId, Integer.toString(hypothesisRevision), environment,
                Long.toString(issuedAt.toEpochMilli()), Long.toString(expiresAt.toEpochMilli()),
                keyId == null ? "" : keyId}) {
            text.append('|').append(field.length()).append(':').append(field);
        }
        return text.toString();
    }

    ClearanceClaims signed(String byKeyId, String withSignature) {
        return new ClearanceClaims(experimentId, clearanceId, hypothesisRevision, environment, issuedAt, expiresAt,
                byKeyId, withSignature);
    }

    /**
     * The one injection a clearance can run, named by it: so a clearance that ran, or was refused, is known by its
     * injection's events, analysis can watch a clearance that no injector took, and an auditor's replay finds them.
     */
    public static UUID injectionIdOf(UUID clearanceId) {
        return UUID.nameUUIDFromBytes(("injection:" + clearanceId).getBytes(StandardCharsets.UTF_8));
    }
}
