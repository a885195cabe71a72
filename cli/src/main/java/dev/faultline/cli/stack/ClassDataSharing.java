package dev.faultline.cli.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application class-data sharing (AppCDS, JDK 17's dynamic archives) for the stack's service JVMs: what a start spends
 * is mostly loading and verifying the same few thousand classes on two shared cores. The first start of a build
 * records the classes it loaded when it exits ({@code -XX:ArchiveClassesAtExit}); later starts map that archive
 * ({@code -XX:SharedArchiveFile}). An archive is named by a fingerprint of the JVM and of every classpath entry's
 * path, size and time, so a rebuild records a new one rather than offering the JVM one it would refuse. A JVM dumps
 * into a file of its own, moved into place once it has exited, so that two stacks never map a half-written archive.
 * Only an all-jar classpath can be archived (a class directory cannot); for any other the flags are empty.
 *
 * <p>Off unless asked for ({@code FAULTLINE_CLASS_DATA=on}, or {@code -Dfaultline.class-data=on}), as measured with
 * {@code scripts/stack-footprint.sh}: mapping the archives brought the six services from 39.9 s to 29.8–34.3 s on two
 * cores, but recording them made that start 54–62 s and its stop longer (each JVM writes ~90 MB), and every rebuild
 * records again — a loss for a developer's edit-and-run loop, a gain for a stack started again and again on one build.
 */
final class ClassDataSharing {

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataSharing.class);
    /** The JVM says nothing of the archive: a stale one is simply not mapped. */
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final Path dir;
    private final boolean enabled;
    private final Map<String, Dump> pending = new ConcurrentHashMap<>();

    ClassDataSharing(Path dir) {
        this(dir, true);
    }

    private ClassDataSharing(Path dir, boolean enabled) {
        this.dir = dir;
        this.enabled = enabled;
    }

    /** Archives kept in {@code dir} when {@code FAULTLINE_CLASS_DATA} (or {@code -Dfaultline.class-data}) is on. */
    static ClassDataSharing configured(Path dir) {
        String asked = System.getProperty("faultline.class-data", System.getenv().getOrDefault("FAULTLINE_CLASS_DATA", "off"));
        return new ClassDataSharing(dir, asked.equalsIgnoreCase("on") || asked.equalsIgnoreCase("true"));
    }

    boolean enabled() {
        return enabled;
    }

    /** The JVM flags for the process {@code name} of kind {@code kind} (instances of one service share an archive). */
    List<String> flags(String name, String kind, String classpath) {
        if (!enabled || !allJars(classpath)) {
            return List.of();
        }
        Path archive = dir.resolve(kind + "-" + fingerprint(classpath) + ".jsa");
        if (Files.isRegularFile(archive)) {
            return flags("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Path dump = dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + "-" + name + ".tmp");
        pending.put(name, new Dump(dump, archive, kind));
        return flags("-XX:ArchiveClassesAtExit=" + dump);
    }

    private static List<String> flags(String... archiveFlags) {
        List<String> flags = new ArrayList<>(List.of(archiveFlags));
        flags.addAll(QUIET);
        return List.copyOf(flags);
    }

    /** Once the process {@code name} has exited: its archive, when it wrote one, is put in place for the next starts. */
    void exited(String name) {
        Dump dump = pending.remove(name);
        if (dump == null) {
            return;
        }
        try {
            if (Files.isRegularFile(dump.file()) && Files.size(dump.file()) > 0) {
                dropOlder(dump.kind());
                Files.move(dump.file(), dump.archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("class-data archive for the next starts: {}", dump.archive());
            }
        } catch (IOException e) {
            LOG.warn("could not keep the class-data archive {}: {}", dump.file(), e.toString());
        } finally {
            try {
                Files.deleteIfExists(dump.file());
            } catch (IOException ignored) {
                // an unusable leftover: the next start records another
            }
        }
    }

    /** The archives of {@code kind} recorded for earlier builds: none will be mapped again. */
    private void dropOlder(String kind) throws IOException {
        try (DirectoryStream<Path> older = Files.newDirectoryStream(dir, kind + "-" + "?".repeat(16) + ".jsa")) {
            for (Path file : older) {
                Files.deleteIfExists(file);
            }
        }
    }

    static boolean allJars(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).allMatch(entry -> entry.endsWith(".jar"));
    }

    static String fingerprint(String classpath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.vm.version") + "\n").getBytes(StandardCharsets.UTF_8));
            for (String entry : classpath.split(File.pathSeparator)) {
                Path jar = Path.of(entry);
                String stamp = Files.isRegularFile(jar)
                        ? Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() : "missing";
                digest.update((entry + " " + stamp + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Dump(Path file, Path archive, String kind) {
    }
}
