package dev.faultline.cli.stack;

import dev.faultline.devstack.process.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The local stack's services in one JVM, the default ({@code --jvm-per-service} gives each its own): instance k of
 * every service in the JVM {@code services} (instance 1s) or {@code services-k}, each service its own Micronaut
 * application with the same settings as in a JVM of its own (service-kit's {@code ServiceHost}). The six services
 * then load and compile their classes once: measured with {@code scripts/stack-footprint.sh}, ~0.3 GB in one JVM
 * instead of ~1.2 GB in six, and ready in about half the time on two cores (cli README).
 *
 * <p>What a service's own JVM gave it as {@code -D} goes into a settings file of its own, readable by this user only
 * (it names the credentials files and, for safety-service, its client secret). JVM flags cannot differ between
 * services that share a JVM: a service given one of its own needs {@code --jvm-per-service}.
 */
final class SharedServicesJvm {

    static final String MAIN_CLASS = "dev.faultline.kit.host.ServiceHost";
    /** The pseudo-module of the shared JVM: its classpath is the hosted services' together. */
    static final String MODULE = "service-host";
    /** The heap the services share (each had up to 256 MB in its own JVM; their live data together is ~100 MB). */
    static final String HEAP = "768m";
    private static final String NAME = "services";
    /**
     * The first heap: ~the six services' live data once started (~80 MB old, 20 MB young). From 32 MB, the serial
     * collector grew the old generation only as far as each full collection left 10 % free, so the start ran ~10 full
     * collections and ~36 young ones (1.9 s, `jstat -gc`), all while the machine was busiest. Pages of the heap that
     * are never used are never resident.
     */
    static final String FIRST_HEAP = "96m";
    /**
     * Netty's pooled allocator (arenas of 4 MiB chunks) rather than 4.2's adaptive one, whose per-thread magazines
     * kept 29 MiB of direct buffers for six HTTP servers and their clients that see a few requests a second: 16 MiB
     * with the pooled one. The data plane keeps the adaptive allocator, which measured smaller there.
     */
    static final String NETTY_ALLOCATOR = "-Dio.netty.allocator.type=pooled";

    private SharedServicesJvm() {
    }

    /** The shared JVM's name for instance {@code k} of the services: {@code services}, {@code services-2}, .... */
    static String name(int k) {
        return k == 1 ? NAME : NAME + "-" + k;
    }

    /** Whether {@code process} is a shared services JVM. */
    static boolean isHost(String process) {
        return process.equals(NAME) || process.matches(NAME + "-\\d+");
    }

    /**
     * One JVM running {@code services} (each as {@link ServiceCatalog#services} would run it alone), their settings
     * files written under {@code dir}.
     */
    static ServiceSpec host(int k, List<ServiceSpec> services, RepoLayout repo, Path dir) {
        List<String> files = new ArrayList<>();
        for (ServiceSpec service : services) {
            files.add(writeSettings(service, repo, dir).toString());
        }
        List<String> jvm = new ArrayList<>(ServiceCatalog.smallJvm(HEAP, FIRST_HEAP));
        jvm.add(ChildJvm.YOUNG_GENERATION_CAP); // also the first heap's young generation
        jvm.add(NETTY_ALLOCATOR);
        jvm.add("-Dlogback.configurationFile=logback-host.xml");
        return new ServiceSpec(name(k), MODULE, MAIN_CLASS, jvm, files, services.get(0).readyUrl(), false, services);
    }

    /** {@code service}'s {@code -D} settings as a properties file of its own, with what the host needs to start it. */
    static Path writeSettings(ServiceSpec service, RepoLayout repo, Path dir) {
        Properties settings = new Properties();
        settings.setProperty("faultline.host.service", service.name());
        settings.setProperty("faultline.host.main-class", service.mainClass());
        settings.setProperty("faultline.host.config-dir",
                repo.module(service.module()).resolve("target/classes").toAbsolutePath().toString());
        settings.setProperty("faultline.host.classpath", repo.classpath(service.module()));
        Set<String> shared = Set.copyOf(ServiceCatalog.smallJvm("256m"));
        for (String arg : service.jvmArgs()) {
            if (arg.startsWith("-D") && arg.indexOf('=') > 2) {
                settings.setProperty(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (!shared.contains(arg) && !arg.startsWith("-Xmx")) {
                throw new IllegalArgumentException(service.name() + " was given the JVM flag " + arg + ", which cannot"
                        + " apply to one of the services sharing a JVM: start the stack with one JVM per service"
                        + " (--jvm-per-service)");
            }
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(service.name() + ".properties");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file)) {
                settings.store(writer, service.name() + " in the shared services JVM");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the settings of " + service.name() + " under " + dir, e);
        }
    }
}
