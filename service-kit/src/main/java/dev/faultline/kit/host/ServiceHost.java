package dev.faultline.kit.host;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanResolutionContext;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.inject.BeanConfiguration;
import io.micronaut.inject.BeanDefinitionReference;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.Micronaut;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarEntry;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs several Faultline services in one JVM, each its own Micronaut application context: its own HTTP port, its own
 * settings (its {@code application.yml} read from its own directory, then the settings file it is given), its own
 * consumer groups, keyspace and Kafka principal — the same as its own JVM would have. Only the process is shared: the
 * classes are loaded once and JIT-compiled once, which is what a Micronaut service's start and resident set are
 * mostly made of (the local stack's six services: ~1.2 GB in six JVMs, ~0.3 GB in one).
 *
 * <p>Every service's classes are on the one classpath, so each context turns off the beans of what is not on its own
 * ({@link ForeignBeans}): hypothesis-service's context creates none of safety-service's listeners or controllers, nor
 * catalog-service's Kafka Streams. Each service starts in a thread group named after it; the threads it starts
 * inherit the group, which is how the shared log says whose line it is ({@link ServiceOfThread}).
 *
 * <p>One settings file per service, given as the arguments: {@link #SERVICE}, {@link #MAIN_CLASS}, {@link #CONFIG_DIR}
 * and {@link #CLASSPATH} say which service, where its {@code application.yml} is and what its own classpath is; every
 * other entry is a setting of its context, above its {@code application.yml} — what {@code -D} gives a service in a JVM
 * of its own, not on a command line. {@code micronaut.config.files} is read here, as Micronaut reads it from a system
 * property. Any service that fails to start ends the JVM (exit 1): the stack that launched it sees why in its log.
 */
public final class ServiceHost {

    /** The service's name, e.g. {@code hypothesis-service}; its thread group's name. */
    public static final String SERVICE = "faultline.host.service";
    /** Its Micronaut application class. */
    public static final String MAIN_CLASS = "faultline.host.main-class";
    /** The directory holding its {@code application.yml} (its module's {@code target/classes}). */
    public static final String CONFIG_DIR = "faultline.host.config-dir";
    /** The classpath it would have in a JVM of its own; the beans of every other entry are off in its context. */
    public static final String CLASSPATH = "faultline.host.classpath";
    /** The hosted service's name in its own context: turns on its own log event counts ({@link ServiceLogEvents}). */
    static final String HOSTED_SERVICE = "faultline.host.hosted-service";
    /** Micrometer's log event counts, which count the whole JVM's: off in a hosted context. */
    private static final String LOGBACK_BINDER = "micronaut.metrics.binders.logback.enabled";
    private static final String DEFINITIONS_INDEX = "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference";
    private static final String CONFIG_FILES = "micronaut.config.files";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceHost.class);

    private final List<Running> started = new CopyOnWriteArrayList<>();

    private ServiceHost() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ServiceHost <service settings file>...");
            System.exit(2);
        }
        List<Hosted> services = new ArrayList<>();
        for (String file : args) {
            services.add(Hosted.read(Path.of(file)));
        }
        ServiceHost host = new ServiceHost();
        Runtime.getRuntime().addShutdownHook(new Thread(host::stopAll, "service-host-stop"));
        try {
            host.startAll(services);
        } catch (RuntimeException e) {
            LOG.error("a hosted service did not start; stopping the others", e);
            System.exit(1);
        }
    }

    /** Starts every service at once, each on a thread of its own group; returns once all are started. */
    private void startAll(List<Hosted> services) {
        List<String> hostClasspath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        // each entry's bean index read once, whichever services it is foreign to
        Map<String, List<String>> indexes = new ConcurrentHashMap<>();
        Function<String, List<String>> definitionsOf = entry -> indexes.computeIfAbsent(entry,
                path -> beanDefinitions(Path.of(path)));
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (Hosted service : services) {
            CompletableFuture<Void> start = new CompletableFuture<>();
            Thread starter = new Thread(new ThreadGroup(service.name()), () -> {
                try {
                    long begun = System.nanoTime();
                    started.add(Running.of(service.name(), service.start(ForeignBeans.of(service.name(),
                            service.classpath(), hostClasspath, definitionsOf))));
                    LOG.info("{} started in {} ms", service.name(), (System.nanoTime() - begun) / 1_000_000);
                    start.complete(null);
                } catch (Throwable e) {
                    start.completeExceptionally(new IllegalStateException(service.name() + " did not start", e));
                }
            }, service.name() + "-start");
            starter.start();
            starts.add(start);
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /**
     * Stops every started service through its embedded server, as Micronaut's own shutdown hook for it does — both run
     * at exit. The server's {@code stop} holds the server, then stops its context; stopping the context first, as this
     * did, held the context and then waited for the server, while Micronaut's hook held the server and waited for the
     * context: every stop of the shared JVM deadlocked until the child's 20 s halt, and no service closed its
     * consumers, Streams or sessions. Whichever comes second finds its server stopped: it is the server the service
     * started with, not one looked up now — a lookup while Micronaut's hook was destroying the context's beans tried to
     * create a new server there, and logged the refusal as a failed stop.
     */
    private void stopAll() {
        started.parallelStream().forEach(Running::stop);
    }

    /** A started service: its context and the application (its HTTP server) it started with, if any. */
    record Running(String name, ApplicationContext context, EmbeddedApplication<?> application) {

        static Running of(String name, ApplicationContext context) {
            return new Running(name, context, context.findBean(EmbeddedApplication.class).orElse(null));
        }

        void stop() {
            try {
                if (application != null) {
                    if (application.isRunning()) {
                        application.stop();
                    }
                } else if (context.isRunning()) {
                    context.stop();
                }
            } catch (RuntimeException e) {
                LOG.warn("stopping {} failed", name, e);
            }
        }
    }

    /**
     * Turns off the beans of the classpath entries a hosted service would not have in a JVM of its own — the other
     * services' classes and the libraries only they use (catalog-service's Kafka Streams, say) —, each bean definition
     * by name, as the entries' {@code META-INF/micronaut} index lists them.
     */
    record ForeignBeans(String service, Set<String> definitions) implements BeanConfiguration {

        /** The definitions on {@code hostClasspath} (this JVM's) that {@code ownClasspath} does not hold. */
        static ForeignBeans of(String service, List<String> ownClasspath, List<String> hostClasspath) {
            return of(service, ownClasspath, hostClasspath, entry -> beanDefinitions(Path.of(entry)));
        }

        /** As {@link #of(String, List, List)}, with each entry's definitions from {@code definitionsOf}. */
        static ForeignBeans of(String service, List<String> ownClasspath, List<String> hostClasspath,
                               Function<String, List<String>> definitionsOf) {
            Set<String> own = ownClasspath.stream().map(ServiceHost::entryKey).collect(Collectors.toSet());
            Set<String> definitions = new HashSet<>();
            for (String entry : hostClasspath) {
                if (!entry.isBlank() && !own.contains(entryKey(entry))) {
                    definitions.addAll(definitionsOf.apply(entry));
                }
            }
            return new ForeignBeans(service, Set.copyOf(definitions));
        }

        @Override
        public String getName() {
            return "beans not on the classpath of " + service;
        }

        @Override
        public Package getPackage() {
            return null;
        }

        @Override
        public String getVersion() {
            return null;
        }

        @Override
        public boolean isEnabled(BeanContext context, BeanResolutionContext resolutionContext) {
            return false;
        }

        @Override
        public boolean isWithin(BeanDefinitionReference reference) {
            return definitions.contains(reference.getBeanDefinitionName());
        }

        @Override
        public boolean isWithin(String className) {
            return definitions.contains(className);
        }
    }

    /**
     * {@code foreign} and the libraries' own bean configurations. Micronaut reads the libraries' (a package's
     * {@code @Requires}: Micrometer's logging registry only when its export is on, micronaut-security's X.509
     * authentication only when enabled) only for a context given none of its own; given {@link ForeignBeans} alone,
     * every hosted service had those packages on — a second meter registry beside Prometheus, which bound every meter
     * twice (the start-up warnings of Micrometer's filters and registrations), and X.509 authentication.
     */
    static BeanConfiguration[] withLibraries(BeanConfiguration foreign) {
        List<BeanConfiguration> configurations = new ArrayList<>(LibraryConfigurations.ALL);
        configurations.add(foreign);
        return configurations.toArray(BeanConfiguration[]::new);
    }

    /** The libraries' bean configurations, found on the classpath once for all hosted services (stateless). */
    private static final class LibraryConfigurations {
        static final List<BeanConfiguration> ALL = List.copyOf(
                SoftServiceLoader.load(BeanConfiguration.class, ServiceHost.class.getClassLoader()).collectAll());
    }

    /** A classpath entry as two services' classpaths name it alike: a jar by its file name, a directory by its path. */
    static String entryKey(String entry) {
        Path path = Path.of(entry).toAbsolutePath().normalize();
        return entry.endsWith(".jar") ? path.getFileName().toString() : path.toString();
    }

    /** The bean definitions a classpath entry holds: the names in its {@code META-INF/micronaut} index. */
    static List<String> beanDefinitions(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                Path index = entry.resolve(DEFINITIONS_INDEX);
                if (!Files.isDirectory(index)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.list(index)) {
                    return files.map(file -> file.getFileName().toString()).toList();
                }
            }
            if (!Files.isRegularFile(entry)) {
                return List.of();
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                return jar.stream().map(JarEntry::getName).filter(name -> name.startsWith(DEFINITIONS_INDEX + "/"))
                        .map(name -> name.substring(DEFINITIONS_INDEX.length() + 1)).filter(name -> !name.isEmpty())
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bean index of " + entry, e);
        }
    }

    /** One hosted service, as its settings file describes it. */
    record Hosted(String name, String mainClass, Path configDir, List<String> classpath, Map<String, Object> settings) {

        static Hosted read(Path file) {
            Map<String, Object> settings = new LinkedHashMap<>();
            Properties own = load(file);
            String configFiles = own.getProperty(CONFIG_FILES);
            if (configFiles != null) {
                for (String extra : configFiles.split(",")) {
                    load(Path.of(extra.trim())).forEach((key, value) -> settings.put((String) key, value));
                }
            }
            own.forEach((key, value) -> settings.put((String) key, value));
            String name = required(settings, SERVICE, file);
            String mainClass = required(settings, MAIN_CLASS, file);
            Path configDir = Path.of(required(settings, CONFIG_DIR, file));
            List<String> classpath = List.of(required(settings, CLASSPATH, file).split(File.pathSeparator));
            settings.remove(CONFIG_FILES);
            return new Hosted(name, mainClass, configDir, classpath, Map.copyOf(settings));
        }

        ApplicationContext start(ForeignBeans foreign) throws ClassNotFoundException {
            Micronaut app = Micronaut.build(new String[0]);
            app.mainClass(Class.forName(mainClass));
            app.overrideConfigLocations("file:" + configDir.toAbsolutePath() + "/");
            Map<String, Object> properties = new LinkedHashMap<>(settings);
            properties.put(HOSTED_SERVICE, name);
            properties.put(LOGBACK_BINDER, false);
            app.properties(properties);
            app.beanConfigurations(withLibraries(foreign));
            return app.start();
        }

        private static String required(Map<String, Object> settings, String key, Path file) {
            Object value = settings.remove(key);
            if (value == null) {
                throw new IllegalArgumentException(file + " does not say " + key);
            }
            return value.toString();
        }

        private static Properties load(Path file) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the settings file " + file + ": " + e.getMessage(), e);
            }
            return properties;
        }
    }
}
