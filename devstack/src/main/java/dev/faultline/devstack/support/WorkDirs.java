package dev.faultline.devstack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Throwaway work directories for the devstack's parts, and the machine's cache directories. */
public final class WorkDirs {

    private WorkDirs() {
    }

    /** A fresh directory under the system temp directory; the caller deletes it. */
    public static Path fresh(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    /**
     * A directory of this machine's cache kept across runs: {@code ${XDG_CACHE_HOME:-~/.cache}/faultline/<name>} (not
     * created).
     */
    public static Path cache(String name) {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("faultline").resolve(name);
    }

    /** Deletes {@code dir} and everything in it; a directory already gone is fine. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a file vanishing while we walk is not a failure
        }
    }
}
