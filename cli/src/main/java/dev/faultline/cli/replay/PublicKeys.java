package dev.faultline.cli.replay;

import dev.faultline.clearance.ClearanceKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The public keys clearances are verified with: a directory with one file per key, named {@code <key id>.pem} (or any
 * extension), holding the Ed25519 public key as PEM or Base64 — as the local stack writes them under
 * {@code <stack>/clearance/public-keys} and {@code openssl pkey -pubout} writes one.
 */
public final class PublicKeys {

    private PublicKeys() {
    }

    public static Map<String, PublicKey> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--public-keys " + dir + " is not a directory (one <key id>.pem per key)");
        }
        Map<String, PublicKey> keys = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                String keyId = ClearanceKeys.keyId(name.contains(".") ? name.substring(0, name.indexOf('.')) : name,
                        "the key file name " + file);
                keys.put(keyId, ClearanceKeys.publicKey(Files.readString(file), file.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public keys in " + dir, e);
        }
        return keys;
    }

    /**
     * The local stack's public keys, found from its Kafka client settings file
     * ({@code <stack>/data/kafka/clients/<principal>.properties} → {@code <stack>/clearance/public-keys}).
     */
    static Optional<Path> besideStack(String kafkaConfig) {
        if (kafkaConfig == null || kafkaConfig.isBlank()) {
            return Optional.empty();
        }
        Path stack = Path.of(kafkaConfig).toAbsolutePath().getParent();
        for (int up = 0; up < 3 && stack != null; up++) {
            stack = stack.getParent();
        }
        return Optional.ofNullable(stack).map(s -> s.resolve("clearance").resolve("public-keys")).filter(Files::isDirectory);
    }
}
