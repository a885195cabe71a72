package dev.faultline.kit.clearance;

import dev.faultline.clearance.ClaimsVerifier;
import dev.faultline.clearance.ClearanceKeys;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.convert.format.MapFormat.MapTransformation;
import io.micronaut.core.naming.conventions.StringConvention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The public keys a verifier of clearances trusts, by key id (no defaults; injector-service binds this and does not
 * start without one). Either or both of:
 * <ul>
 *   <li>{@code faultline.clearance.public-keys.<key-id>}: an Ed25519 public key, X.509 SubjectPublicKeyInfo Base64 or
 *       PEM ({@code openssl pkey -pubout});</li>
 *   <li>{@code faultline.clearance.public-key-directory}: a directory with one {@code <key-id>.pub} file per key (a
 *       mounted volume); other files are ignored.</li>
 * </ul>
 * Several keys at once let safety-service rotate: add the new public key here, then switch safety-service's
 * {@code key-id} and {@code signing-key}, then remove the old public key once its clearances have expired.
 */
@ConfigurationProperties("faultline.clearance")
public final class ClearanceKeySettings {

    private static final String PREFIX = "faultline.clearance.";
    private static final String MAP = "public-keys.";
    static final String PUBLIC_KEYS = PREFIX + MAP;
    static final String PUBLIC_KEY_DIRECTORY = PREFIX + "public-key-directory";
    private static final String PUB = ".pub";

    private final ClaimsVerifier verifier;

    /**
     * {@code keys}: every {@code faultline.clearance.*} key, of which the {@code public-keys.*} ones are read — not
     * bound as a map by name, as {@code InjectorSettings} reads its proxies, so that entries -D options add are seen.
     */
    @ConfigurationInject
    public ClearanceKeySettings(@Nullable String publicKeyDirectory,
                                @Property(name = "faultline.clearance")
                                @MapFormat(transformation = MapTransformation.FLAT, keyFormat = StringConvention.RAW)
                                @Nullable Map<String, Object> keys) {
        Map<String, PublicKey> trusted = new TreeMap<>();
        if (keys != null) {
            keys.forEach((key, value) -> {
                if (key.startsWith(MAP) && value != null && !(value instanceof Map)) {
                    String keyId = ClearanceKeys.keyId(key.substring(MAP.length()), "the key id of " + PREFIX + key);
                    trusted.put(keyId, ClearanceKeys.publicKey(value.toString(), PREFIX + key));
                }
            });
        }
        if (publicKeyDirectory != null && !publicKeyDirectory.isBlank()) {
            directory(Path.of(publicKeyDirectory)).forEach((keyId, key) -> {
                if (trusted.containsKey(keyId) && !trusted.get(keyId).equals(key)) {
                    throw new IllegalArgumentException("key id '" + keyId + "' names two different public keys, in "
                            + PUBLIC_KEYS + keyId + " and in " + PUBLIC_KEY_DIRECTORY + ": keep one");
                }
                trusted.put(keyId, key);
            });
        }
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("no public key to verify clearances with: set " + PUBLIC_KEYS
                    + "<key-id> (safety-service's Ed25519 public key, X.509 Base64 or PEM) or " + PUBLIC_KEY_DIRECTORY
                    + " (a directory of <key-id>.pub files)");
        }
        this.verifier = new ClaimsVerifier(trusted);
    }

    ClaimsVerifier verifier() {
        return verifier;
    }

    private static Map<String, PublicKey> directory(Path dir) {
        Map<String, PublicKey> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(PUB)).sorted().toList()) {
                String name = file.getFileName().toString();
                String keyId = ClearanceKeys.keyId(name.substring(0, name.length() - PUB.length()),
                        PUBLIC_KEY_DIRECTORY + ": the key id of " + file);
                found.put(keyId, ClearanceKeys.publicKey(Files.readString(file), PUBLIC_KEY_DIRECTORY + ": " + file));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(PUBLIC_KEY_DIRECTORY + ": cannot read " + dir + " (" + e + ")");
        }
        return found;
    }

    @Override
    public String toString() {
        return "ClearanceKeySettings[keyIds=" + verifier.keyIds() + "]";
    }
}
