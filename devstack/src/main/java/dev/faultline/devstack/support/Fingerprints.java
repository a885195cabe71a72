package dev.faultline.devstack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Names for what the devstack keeps per machine and may use again only while its inputs are unchanged (class-data
 * archives, Cassandra schemas): a digest of a seed and of each input's path, size and modification time.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * 16 hex digits of {@code seed} and of each of {@code entries}: a file's path, size and time, a directory's every
     * file (its path within, size and time), a missing one as missing.
     */
    public static String of(String seed, List<Path> entries) {
        MessageDigest digest = sha256();
        digest.update((seed + "\n").getBytes(StandardCharsets.UTF_8));
        for (Path entry : entries) {
            if (!Files.isDirectory(entry)) {
                digest.update((entry + " " + sizeAndTime(entry) + "\n").getBytes(StandardCharsets.UTF_8));
                continue;
            }
            try (Stream<Path> files = Files.walk(entry)) {
                files.filter(Files::isRegularFile).sorted().forEach(file ->
                        digest.update((entry.relativize(file) + " " + sizeAndTime(file) + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + entry, e);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static String sizeAndTime(Path file) {
        try {
            return Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
