package dev.faultline.devstack.process;

import dev.faultline.devstack.support.Fingerprints;
import dev.faultline.devstack.support.Switches;
import dev.faultline.devstack.support.WorkDirs;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application class-data sharing (AppCDS) for the JVMs Faultline starts: most of what such a JVM spends to start is
 * finding, reading, parsing and verifying the same few thousand library classes, and an archive of them, mapped at
 * start, skips all of that (and the memory verification takes).
 *
 * <p>An archive covers only the classpath's <em>stable</em> part: its release jars (a {@code -SNAPSHOT} jar or a
 * class directory is rebuilt, and the JVM refuses an archive whose jars changed). {@link #plan} puts those jars first,
 * in their order, and the rest after them, so that one archive serves every build of Faultline's own code; it is
 * named by the JVM's version and each stable jar's path, size and time, and a new set of libraries gets a new one.
 *
 * <p>A process with no archive yet records the classes it loads ({@code -XX:DumpLoadedClassList}, which costs
 * nothing measurable). Once it has run for a while and been stopped cleanly, {@link #record} writes the archive from
 * that list with a JVM of its own ({@code -Xshare:dump}: it loads every class of the list again, 2–20 s of CPU,
 * once per machine and set of libraries), checks that a JVM maps it ({@code -Xshare:on}) and moves it into place; a
 * recording cut short records nothing. Later starts map it ({@code -XX:SharedArchiveFile}, {@code -Xshare:auto}: an
 * archive the JVM refuses costs only the sharing). The archives live in {@code $FAULTLINE_CLASS_DATA_DIR}, else {@code $XDG_CACHE_HOME/faultline/class-data},
 * else {@code ~/.cache/faultline/class-data}; {@code FAULTLINE_CLASS_DATA=off} (or {@code -Dfaultline.class-data=off})
 * turns all of this off. Written by hand: JDK 17 has no option that records an archive for only part of a classpath
 * ({@code -XX:ArchiveClassesAtExit} archives every entry a class came from, Faultline's own jars included, so each
 * rebuild would make a new one).
 */
public final class ClassDataArchives {

    /** The system property naming the archive this JVM's own class list is for. */
    public static final String OWN_ARCHIVE = "faultline.class-data.archive";
    /** The system property naming the class list this JVM writes ({@code -XX:DumpLoadedClassList}). */
    public static final String OWN_CLASS_LIST = "faultline.class-data.class-list";

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchives.class);
    /** Less than this and the recording probably stopped during a failed start: its class list is not kept. */
    static final Duration MINIMUM_RECORDING = Duration.ofSeconds(10);
    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(2);
    /** The JVM says nothing of the archive: one it refuses is simply not mapped. */
    private static final List<String> QUIET = List.of("-Xshare:auto", "-Xlog:cds*=off");

    /** Two at a time: each is a JVM loading every class of its list, on a machine with two cores. */
    private static final Executor DUMPS = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "class-data-archive");
        thread.setDaemon(true);
        return thread;
    });

    private static volatile ClassDataArchives configured;

    private final Map<String, CompletableFuture<Void>> writing = new ConcurrentHashMap<>();
    private final Optional<Path> dir;
    private final Duration minimumRecording;

    ClassDataArchives(Optional<Path> dir, Duration minimumRecording) {
        this.dir = dir;
        this.minimumRecording = minimumRecording;
    }

    /** The archives as this machine's settings and environment say (see the class comment). */
    public static ClassDataArchives configured() {
        ClassDataArchives archives = configured;
        if (archives == null) {
            boolean on = Switches.on("faultline.class-data", "FAULTLINE_CLASS_DATA");
            archives = new ClassDataArchives(on ? Optional.of(directory()) : Optional.empty(), MINIMUM_RECORDING);
            configured = archives;
        }
        return archives;
    }

    private static Path directory() {
        String explicit = System.getenv("FAULTLINE_CLASS_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return WorkDirs.cache("class-data");
    }

    /**
     * How to start the process {@code name} on {@code classpath}: the classpath with its stable jars first, and the
     * flags that map its archive or record its classes (when off: the classpath as given and no flags).
     */
    public Plan plan(String name, String classpath) {
        if (dir.isEmpty()) {
            return new Plan(classpath, List.of(), Optional.empty());
        }
        Split split = Split.of(classpath);
        List<String> stable = split.releaseJars();
        String reordered = String.join(File.pathSeparator, split.releaseJarsFirst());
        if (stable.isEmpty()) {
            return new Plan(reordered, List.of(), Optional.empty());
        }
        String kind = kindOf(name);
        String stableClasspath = String.join(File.pathSeparator, stable);
        Path archive = dir.get().resolve(kind + "-" + fingerprint(stable) + ".jsa");
        if (Files.isRegularFile(archive)) {
            List<String> flags = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
            flags.addAll(QUIET);
            return new Plan(reordered, List.copyOf(flags), Optional.empty());
        }
        try {
            Files.createDirectories(dir.get());
        } catch (IOException e) {
            LOG.warn("no class-data archives: cannot create {}: {}", dir.get(), e.toString());
            return new Plan(reordered, List.of(), Optional.empty());
        }
        Path classList = dir.get().resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".classlist");
        return new Plan(reordered, List.of("-XX:DumpLoadedClassList=" + classList),
                Optional.of(new Recording(kind, archive, classList, stableClasspath, System.nanoTime())));
    }

    /**
     * After the process that made {@code recording} was stopped cleanly: starts writing its archive, on a thread of
     * its own, when it ran long enough and no archive of its kind is there or being written, else deletes its class
     * list. {@link #awaitRecordings} waits for what was started.
     */
    public void record(Recording recording) {
        Duration ran = Duration.ofNanos(System.nanoTime() - recording.startedNanos());
        boolean worth = ran.compareTo(minimumRecording) >= 0 && !Files.isRegularFile(recording.archive())
                && size(recording.classList()) > 0;
        if (!worth || writing.putIfAbsent(recording.kind(), new CompletableFuture<>()) != null) {
            deleteQuietly(recording.classList());
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                dump(recording);
            } catch (IOException | RuntimeException e) {
                LOG.warn("no class-data archive for {}: {}", recording.kind(), e.toString());
            } finally {
                deleteQuietly(recording.classList());
            }
        }, DUMPS).whenComplete((done, failure) -> writing.get(recording.kind()).complete(null));
    }

    /**
     * Writes this JVM's own archive, when its launcher had it record its classes ({@code ./faultline} sets
     * {@value #OWN_ARCHIVE} and {@value #OWN_CLASS_LIST} for the CLI, with its stable jars first on its classpath):
     * {@link #record} for this JVM, started when it started. {@link #forgetOwn} instead deletes its class list.
     */
    public void recordOwn() {
        ownRecording().ifPresent(this::record);
    }

    /** Deletes this JVM's class list, if it records one: what it loaded in this run is not worth an archive. */
    public void forgetOwn() {
        ownRecording().ifPresent(recording -> {
            if (!writing.containsKey(recording.kind())) {
                deleteQuietly(recording.classList());
            }
        });
    }

    private Optional<Recording> ownRecording() {
        String archive = System.getProperty(OWN_ARCHIVE);
        String classList = System.getProperty(OWN_CLASS_LIST);
        if (dir.isEmpty() || archive == null || classList == null) {
            return Optional.empty();
        }
        Path file = Path.of(archive);
        String kind = file.getFileName().toString().replaceAll("-[0-9a-f]{16}\\.jsa$", "");
        String stable = String.join(File.pathSeparator, List.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .stream().takeWhile(ClassDataArchives::isStable).toList());
        long started = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
        return Optional.of(new Recording(kind, file, Path.of(classList), stable, started));
    }

    /** The kinds whose archives are being written. */
    public List<String> writing() {
        return writing.entrySet().stream().filter(e -> !e.getValue().isDone()).map(Map.Entry::getKey).sorted().toList();
    }

    /** Waits (at most {@code atMost}) until every archive {@link #record} started is written or given up. */
    public void awaitRecordings(Duration atMost) {
        try {
            CompletableFuture.allOf(writing.values().toArray(CompletableFuture[]::new))
                    .get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("class-data archives still being written after {} s: {}", atMost.toSeconds(), writing());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private void dump(Recording recording) throws IOException {
        long started = System.nanoTime();
        Path archive = recording.archive();
        Path written = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Path log = archive.resolveSibling(recording.kind() + ".dump.log");
        Files.deleteIfExists(log);
        try {
            boolean dumped = run(log, "-Xshare:dump", "-XX:SharedClassListFile=" + recording.classList(),
                    "-XX:SharedArchiveFile=" + written, "-XX:+UseSerialGC", "-cp", recording.stableClasspath());
            // a JVM must map it, or it is not kept: -Xshare:on fails where -Xshare:auto would quietly not share
            if (dumped && Files.isRegularFile(written) && run(log, "-Xshare:on", "-XX:SharedArchiveFile=" + written,
                    "-XX:+UseSerialGC", "-cp", recording.stableClasspath(), "-version")) {
                dropOthers(recording.kind(), archive);
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("class-data archive for the next starts of {}: {} ({} MB, written in {} ms)", recording.kind(),
                        archive, Files.size(archive) / (1024 * 1024), (System.nanoTime() - started) / 1_000_000);
            } else {
                LOG.warn("no class-data archive for {}: the JVM could not write or map one (see {})", recording.kind(), log);
            }
        } finally {
            deleteQuietly(written);
        }
    }

    private static boolean run(Path log, String... flags) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaExecutable()));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(DUMP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The archives of {@code kind} for other JVMs or libraries (none will be mapped again), and the class lists of
     * processes that never stopped cleanly (killed) over a day ago.
     */
    private static void dropOthers(String kind, Path keep) throws IOException {
        try (DirectoryStream<Path> older = Files.newDirectoryStream(keep.getParent(), kind + "-" + "?".repeat(16) + ".jsa")) {
            for (Path file : older) {
                if (!file.equals(keep)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        long dayAgo = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
        try (DirectoryStream<Path> lists = Files.newDirectoryStream(keep.getParent(), "*.classlist")) {
            for (Path list : lists) {
                if (Files.getLastModifiedTime(list).toMillis() < dayAgo) {
                    deleteQuietly(list);
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", file, e.toString());
        }
    }

    /**
     * The classes and resources another entry of {@code classpath} would provide once {@link #plan} has put its release
     * jars first: empty when the order changes nothing a JVM loads (what the tests check for every JVM the local stack
     * starts). Files every entry's copy of which is read (service registrations, Micronaut's bean indexes) or that
     * nothing reads at run time (manifests, licences, Maven's and Spring tooling's metadata) are left out.
     */
    public static Set<String> shadowedByReordering(String classpath) {
        Map<String, String> before = firstProviders(entries(classpath));
        Map<String, String> after = firstProviders(Split.of(classpath).releaseJarsFirst());
        return before.keySet().stream().filter(name -> !before.get(name).equals(after.get(name)))
                .filter(name -> !readInFullOrUnread(name)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The entries of {@code classpath}, each once, in order. */
    private static List<String> entries(String classpath) {
        List<String> entries = new ArrayList<>(new LinkedHashSet<>(List.of(classpath.split(File.pathSeparator))));
        entries.removeIf(String::isEmpty);
        return entries;
    }

    /** The entries of a classpath, each once, looked at once: its release jars and the others, each in their order. */
    private record Split(List<String> releaseJars, List<String> others) {

        static Split of(String classpath) {
            Map<Boolean, List<String>> byKind = entries(classpath).stream()
                    .collect(Collectors.partitioningBy(ClassDataArchives::isStable));
            return new Split(byKind.get(true), byKind.get(false));
        }

        List<String> releaseJarsFirst() {
            List<String> ordered = new ArrayList<>(releaseJars);
            ordered.addAll(others);
            return ordered;
        }
    }

    private static boolean readInFullOrUnread(String name) {
        return name.startsWith("META-INF/micronaut/") || name.startsWith("META-INF/maven/")
                || name.startsWith("META-INF/versions/") || name.equals("META-INF/MANIFEST.MF")
                || name.equals("META-INF/spring-configuration-metadata.json") || name.endsWith("module-info.class")
                || name.matches("(META-INF/)?(LICENSE|NOTICE|DEPENDENCIES)[^/]*");
    }

    /** Each file name on {@code entries}, with the entry that provides it first. */
    private static Map<String, String> firstProviders(List<String> entries) {
        Map<String, String> providers = new HashMap<>();
        for (String entry : entries) {
            Path path = Path.of(entry);
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.walk(path)) {
                        files.filter(Files::isRegularFile).forEach(file ->
                                providers.putIfAbsent(path.relativize(file).toString().replace(File.separatorChar, '/'), entry));
                    }
                } else if (Files.isRegularFile(path)) {
                    try (ZipFile jar = new ZipFile(path.toFile())) {
                        jar.stream().filter(zipEntry -> !zipEntry.isDirectory())
                                .forEach(zipEntry -> providers.putIfAbsent(zipEntry.getName(), entry));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the classpath entry " + entry, e);
            }
        }
        return providers;
    }

    /**
     * A release jar: a class directory, a {@code -SNAPSHOT} jar or a jar a build wrote (under a {@code target}
     * directory) is rebuilt, which would void the archive.
     */
    static boolean isStable(String entry) {
        return Fingerprints.isRelease(Path.of(entry));
    }

    /** Instances of one process share its archive: {@code services-2} is a {@code services}. */
    static String kindOf(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("-\\d+$", "").replaceAll("[^a-z0-9._-]", "_");
    }

    static String fingerprint(List<String> stableJars) {
        return Fingerprints.of(System.getProperty("java.vm.version"), stableJars.stream().map(Path::of).toList());
    }

    /** The classpath to start with (stable jars first) and the class-data flags to add. */
    public record Plan(String classpath, List<String> flags, Optional<Recording> recording) {
    }

    /** A process recording its classes for the archive {@code archive}. */
    public record Recording(String kind, Path archive, Path classList, String stableClasspath, long startedNanos) {
    }
}
