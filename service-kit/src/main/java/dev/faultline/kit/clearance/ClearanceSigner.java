package dev.faultline.kit.clearance;

import dev.faultline.schemas.avro.Clearance;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies clearances with HMAC-SHA256 over the experiment id and every clearance field, using a secret
 * that only safety-service (which signs) and injector-service (which verifies) hold ({@link ClearanceSettings}).
 * A clearance forged or altered by anyone else fails verification, so a proposal from an outside tool can never
 * inject by itself.
 */
@Singleton
public class ClearanceSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private final byte[] secret;

    public ClearanceSigner(ClearanceSettings settings) {
        this.secret = settings.secret().getBytes(StandardCharsets.UTF_8);
    }

    /** The signature of {@code clearance} (its own {@code signature} field is ignored). */
    public String sign(String experimentId, Clearance clearance) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(canonical(experimentId, clearance).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Returns the clearance with its signature set. */
    public Clearance signed(String experimentId, Clearance clearance) {
        Clearance copy = Clearance.newBuilder(clearance).build();
        copy.setSignature(sign(experimentId, clearance));
        return copy;
    }

    /** Why {@code clearance} is not genuine and valid at {@code now}, or null when it is. */
    public String rejection(String experimentId, Clearance clearance, Instant now) {
        if (clearance.getSignature() == null) {
            return "clearance " + clearance.getClearanceId() + " is not signed";
        }
        byte[] expected = sign(experimentId, clearance).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, clearance.getSignature().getBytes(StandardCharsets.UTF_8))) {
            return "clearance " + clearance.getClearanceId() + " has an invalid signature (not issued by safety-service)";
        }
        if (now.isAfter(clearance.getExpiresAt())) {
            return "clearance " + clearance.getClearanceId() + " expired at " + clearance.getExpiresAt();
        }
        return null;
    }

    private static String canonical(String experimentId, Clearance c) {
        return String.join("|", experimentId, c.getClearanceId().toString(), Integer.toString(c.getHypothesisRevision()),
                c.getEnvironment().name(), Long.toString(c.getIssuedAt().toEpochMilli()),
                Long.toString(c.getExpiresAt().toEpochMilli()));
    }
}
