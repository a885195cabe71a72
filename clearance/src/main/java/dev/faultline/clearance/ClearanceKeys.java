package dev.faultline.clearance;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Ed25519 keys as Faultline's settings carry them: a private key as PKCS#8, a public key as X.509
 * SubjectPublicKeyInfo, each Base64 — or PEM, as {@code openssl genpkey -algorithm ed25519} and
 * {@code openssl pkey -pubout} write them. Key ids are 1 to 64 of {@code a-z 0-9 -}, starting with a letter or digit,
 * so that they read the same in a -D option, an environment variable, a file name and JSON.
 */
public final class ClearanceKeys {

    public static final String ALGORITHM = "Ed25519";

    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern PEM_LINE = Pattern.compile("-----[A-Z ]+-----");

    private ClearanceKeys() {
    }

    /** A fresh Ed25519 key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable in this JDK (it has been built in since Java 15)", e);
        }
    }

    /** Base64 of the key's standard encoding (PKCS#8 for a private key, X.509 for a public one). */
    public static String encode(Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The private key written in {@code text}; {@code setting} names where it came from in the error. */
    public static PrivateKey privateKey(String text, String setting) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(text, setting)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(setting + " is not an Ed25519 private key (PKCS#8, Base64 or PEM, as"
                    + " `openssl genpkey -algorithm ed25519` writes it): " + e.getMessage());
        }
    }

    /** The public key written in {@code text}; {@code setting} names where it came from in the error. */
    public static PublicKey publicKey(String text, String setting) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(text, setting)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(setting + " is not an Ed25519 public key (X.509 SubjectPublicKeyInfo,"
                    + " Base64 or PEM, as `openssl pkey -pubout` writes it): " + e.getMessage());
        }
    }

    /** {@code keyId} when it is a valid key id; else an error naming {@code setting}. */
    public static String keyId(String keyId, String setting) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException(setting + " must be a key id of 1 to 64 of a-z 0-9 - (starting with a"
                    + " letter or digit), was " + (keyId == null ? "missing" : "'" + keyId + "'"));
        }
        return keyId;
    }

    private static byte[] decode(String text, String setting) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(setting + " must be set");
        }
        String base64 = PEM_LINE.matcher(text).replaceAll("").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not Base64: " + e.getMessage());
        }
    }
}
