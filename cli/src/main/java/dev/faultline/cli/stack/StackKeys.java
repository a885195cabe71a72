package dev.faultline.cli.stack;

import dev.faultline.clearance.ClearanceKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stack's clearance keys: a fresh Ed25519 key pair per stack, so no private key is committed or shared between
 * stacks. The private key goes to safety-service only, as a file readable by its owner alone in the stack's work
 * directory (not on a command line, where {@code ps} would show it); the public key to injector-service and to the
 * host agent, which verify clearances and can issue none. The public key is also written to
 * {@code workDir/clearance/public-keys/<keyId>.pem}, where {@code faultline replay} finds it to verify the stack's
 * clearances.
 *
 * @param keyId          {@code local-<8 hex>}, written into every clearance the stack's safety-service signs
 * @param signingKeyFile the private key (PEM, PKCS#8)
 * @param publicKey      the public key, Base64 X.509
 */
record StackKeys(String keyId, Path signingKeyFile, String publicKey) {

    /** The directory under {@code workDir/clearance} that holds the public keys, one {@code <keyId>.pem} each. */
    static final String PUBLIC_KEYS = "public-keys";

    /** Makes the stack's key pair and writes the private key under {@code workDir/clearance}. */
    static StackKeys create(Path workDir) {
        ClearanceKeyPair pair = ClearanceKeyPair.generate("local-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Path dir = Files.createDirectories(workDir.resolve("clearance"));
            Path file = dir.resolve("signing-key.pem");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + pair.privateKeyBase64() + "\n-----END PRIVATE KEY-----\n");
            Path publicKeys = Files.createDirectories(dir.resolve(PUBLIC_KEYS));
            Files.writeString(publicKeys.resolve(pair.keyId() + ".pem"),
                    "-----BEGIN PUBLIC KEY-----\n" + pair.publicKeyBase64() + "\n-----END PUBLIC KEY-----\n");
            return new StackKeys(pair.keyId(), file, pair.publicKeyBase64());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stack's clearance signing key under " + workDir, e);
        }
    }

    /** safety-service's settings: it signs. */
    List<String> signerSettings() {
        return List.of("-Dfaultline.clearance.key-id=" + keyId, "-Dfaultline.clearance.signing-key-file=" + signingKeyFile);
    }

    /** injector-service's settings: it verifies. */
    List<String> verifierSettings() {
        return List.of("-Dfaultline.clearance.public-keys." + keyId + "=" + publicKey);
    }

    /** The host agent's {@code publicKeys}. */
    Map<String, String> publicKeys() {
        return Map.of(keyId, publicKey);
    }
}
