package dev.faultline.devstack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Names for what the devstack keeps per machine and may use again only while its inputs are unchanged (class-data
 * archives, Cassandra schemas): a digest of a seed and of each input — by its path, size and modification time
 * ({@link #of}), or, for what a build writes, by its content ({@link #ofContent}).
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
            if (Files.isDirectory(entry)) {
                digestFiles(digest, entry, Fingerprints::sizeAndTime);
            } else {
                digest.update((entry + " " + sizeAndTime(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /**
     * 16 hex digits of {@code seed} and of each of {@code entries}, where what a build writes counts by its content
     * alone — a {@code -SNAPSHOT} jar or any jar under a {@code target} directory by its entries' names, CRCs and
     * sizes (its central directory, nothing decompressed), a class directory by its files' relative paths and CRCs —
     * and a release jar by its path, size and time as in {@link #of}. So a rebuild of unchanged code, or another
     * clone of it, has the same fingerprint, which a build's new modification times would change.
     */
    public static String ofContent(String seed, List<Path> entries) {
        MessageDigest digest = sha256();
        digest.update((seed + "\n").getBytes(StandardCharsets.UTF_8));
        for (Path entry : entries) {
            String line;
            if (isRelease(entry)) {
                line = entry + " " + sizeAndTime(entry);
            } else if (Files.isDirectory(entry)) {
                line = "directory " + directoryContent(entry);
            } else if (Files.isRegularFile(entry)) {
                line = entry.getFileName() + " " + (entry.toString().endsWith(".jar") ? jarContent(entry) : crc(entry));
            } else {
                line = entry.getFileName() + " missing";
            }
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /** A jar no build writes: a {@code .jar} file, not {@code -SNAPSHOT}, under no {@code target} directory. */
    public static boolean isRelease(Path path) {
        boolean built = false;
        for (Path part : path) {
            built |= part.toString().equals("target");
        }
        return path.toString().endsWith(".jar") && !path.getFileName().toString().contains("-SNAPSHOT") && !built
                && Files.isRegularFile(path);
    }

    private static String jarContent(Path jar) {
        MessageDigest digest = sha256();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).forEach(e -> digest.update(
                    (e.getName() + " " + e.getCrc() + " " + e.getSize() + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return "unreadable " + sizeAndTime(jar);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String directoryContent(Path dir) {
        MessageDigest digest = sha256();
        digestFiles(digest, dir, Fingerprints::crc);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Each regular file under {@code dir}, in order: its path within and what {@code describe} says of it. */
    private static void digestFiles(MessageDigest digest, Path dir, Function<Path, String> describe) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> digest.update(
                    (dir.relativize(file) + " " + describe.apply(file) + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static String crc(Path file) {
        try {
            CRC32 crc = new CRC32();
            crc.update(Files.readAllBytes(file));
            return Files.size(file) + " " + Long.toHexString(crc.getValue());
        } catch (IOException e) {
            return "missing";
        }
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
