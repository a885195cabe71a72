package dev.faultline.cli.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the built modules are: the repository root comes from the system property
 * {@code faultline.root}, else the nearest directory at or above the working directory that holds
 * the reactor {@code pom.xml} and {@code service-kit/}. A module's classpath is its
 * {@code target/classes} plus the {@code target/runtime.classpath} written at {@code package}.
 */
public record RepoLayout(Path root) {

    public static RepoLayout locate() {
        String configured = System.getProperty("faultline.root");
        if (configured != null && !configured.isBlank()) {
            return new RepoLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("service-kit"))) {
                return new RepoLayout(candidate);
            }
        }
        throw new IllegalStateException("cannot find the Faultline repository at or above " + dir
                + "; run from inside it or set -Dfaultline.root=<repo>");
    }

    /** {@code <module>/target/classes:<runtime classpath>}, or a message saying how to build it. */
    public String classpath(String module) {
        Path moduleDir = root.resolve(module);
        Path classes = moduleDir.resolve("target/classes");
        Path recorded = moduleDir.resolve("target/runtime.classpath");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(recorded)) {
            throw new IllegalStateException(module + " is not built (" + (Files.isDirectory(classes) ? recorded : classes)
                    + " is missing); build it with `mvn -B -DskipTests package` at " + root);
        }
        return classes + File.pathSeparator + read(recorded).strip();
    }

    /**
     * The classpaths of {@code modules} as one (each module's {@code target/classes}, then the jars of all, each
     * library once: the reactor's modules share one version of each), for services that share a JVM.
     */
    public String classpath(List<String> modules) {
        Set<String> seen = new HashSet<>();
        List<String> entries = new ArrayList<>();
        for (String module : modules) {
            for (String entry : classpath(module).split(File.pathSeparator)) {
                String name = Path.of(entry).getFileName().toString();
                if (!entry.isBlank() && (!name.endsWith(".jar") || seen.add(name))) {
                    entries.add(entry);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The data plane's classpath: its recorded runtime classpath when there is one, else its
     * self-contained {@code -all.jar}.
     */
    public String dataplaneClasspath() {
        String module = "injector-service/dataplane";
        if (Files.isRegularFile(root.resolve(module).resolve("target/runtime.classpath"))) {
            return classpath(module);
        }
        return shadedJar(root.resolve(module).resolve("target")).map(Path::toString).orElseThrow(() ->
                new IllegalStateException("the data plane is not built (no target/*-all.jar in " + module
                        + "); build it with `mvn -B -DskipTests package` at " + root));
    }

    /** The host agent's standalone jar ({@code agent/target/faultline-agent.jar}, written at {@code package}). */
    public String agentJar() {
        Path jar = root.resolve("agent/target/faultline-agent.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the host agent is not built (" + jar + " is missing); build it with"
                    + " `mvn -B -DskipTests package` at " + root);
        }
        return jar.toString();
    }

    public Path module(String module) {
        return root.resolve(module);
    }

    private static Optional<Path> shadedJar(Path target) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-all.jar")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
