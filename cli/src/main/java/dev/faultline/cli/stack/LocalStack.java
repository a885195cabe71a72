package dev.faultline.cli.stack;

import dev.faultline.devstack.cassandra.SchemaTemplates;
import dev.faultline.devstack.process.ChildJvm;
import dev.faultline.devstack.process.ClassDataArchives;
import dev.faultline.devstack.process.ShutdownHooks;
import dev.faultline.devstack.support.CodeLocations;
import dev.faultline.devstack.support.WorkDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of Faultline on this machine: the devstack (Kafka, schema registry, Cassandra), the
 * data plane with the {@code pricing} route (the L4 proxy {@code pricing} chained to the L7 proxy
 * {@code pricing-http}) and the {@code carrier} proxy, the systems under test
 * (pricing — under a supervisor — and storefront, whose targets it declares; carrier and shipping, and fulfilment —
 * the storefront's order consumer on the devstack's Kafka —, which only run here: deploy/targets/shipping.yaml and
 * fulfilment.yaml declare them), the host's Faultline agent and the five services (one or more instances of each,
 * {@link ServiceInstances}; by default instance k of every service in one JVM, {@link SharedServicesJvm}), each
 * process a JVM that dies with this one. Started in that order, each waited for;
 * {@link #close()} stops everything in reverse order, and a shutdown hook does so on Ctrl-C.
 * Logs of every process are kept under {@link #logDir()}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** How long pricing's supervisor waits before starting it again (systemd's RestartSec). */
    private static final Duration SUPERVISOR_RESTART_DELAY = Duration.ofSeconds(1);
    /** Writing every archive of a stack, two at a time, takes ~1 min on two cores. */
    private static final Duration CLASS_DATA_WRITING = Duration.ofMinutes(3);

    private final RepoLayout repo;
    private final Path workDir;
    private final Infrastructure infrastructure;
    private final StackEndpoints endpoints;
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, ChildJvm> running = new LinkedHashMap<>();
    private final ShutdownHooks.Registration atExit;
    private volatile ServiceInstances instances;
    private boolean closed;
    /** Every part came up: each service created its tables. */
    private volatile boolean started;

    private LocalStack(RepoLayout repo, Path workDir, Infrastructure infrastructure, StackEndpoints endpoints) {
        this.repo = repo;
        this.workDir = workDir;
        this.infrastructure = infrastructure;
        this.endpoints = endpoints;
        this.atExit = ShutdownHooks.register("faultline local stack", this);
    }

    /** Starts everything; {@code progress} gets one line per part as it comes up. */
    public static LocalStack start(StackOptions options, Consumer<String> progress) {
        RepoLayout repo = RepoLayout.locate();
        StackPorts ports = options.ports().resolve();
        Path workDir = WorkDirs.fresh("faultline-stack-");
        progress.accept("logs in " + workDir.resolve("logs"));
        // the schema the services' code created in an earlier stack, when kept: Cassandra starts with its tables (this
        // CLI's own code counts too: it gives the services their settings)
        List<String> modules = ServiceCatalog.modules(options.services());
        Optional<SchemaTemplates.Template> schema = modules.isEmpty() ? Optional.empty()
                : SchemaTemplates.configured().forCode(List.of(repo.classpath(modules), CodeLocations.of(LocalStack.class)),
                        String.join(",", options.services()));
        Infrastructure infrastructure = Infrastructure.start(workDir.resolve("data"), ports, schema, progress);
        StackEndpoints endpoints = new StackEndpoints(ports, infrastructure.kafkaBootstrapServers(),
                infrastructure.schemaRegistryUrl(), infrastructure.cassandraContactPoint(),
                infrastructure.cassandraDatacenter(), infrastructure.kafkaClients());
        LocalStack stack = new LocalStack(repo, workDir, infrastructure, endpoints);
        try {
            StackKeys keys = StackKeys.create(workDir);
            // the data plane starts beside the services (they call it only when an experiment runs); its proxies are
            // created once it answers
            List<ServiceSpec> dataplane = List.of(ServiceCatalog.dataplane(endpoints));
            long dataplaneLaunched = System.nanoTime();
            List<ChildJvm> dataplaneJvm = stack.launch(dataplane);
            stack.instances = ServiceInstances.of(ports, options.instances(), options.picksFreePorts());
            List<ServiceSpec> services = ServiceCatalog.services(endpoints, workDir.resolve("data"), keys,
                    options.serviceHeap(), options.extraJvmArgs(), options.services(), stack.instances);
            // instance 1 of each service first, which creates its keyspace and tables alone (two instances creating
            // them at once wait on Cassandra's schema agreement past their timeouts), then the others join
            List<ServiceSpec> first = services.stream().filter(s -> ServiceInstances.isFirst(s.name())).toList();
            List<ServiceSpec> more = services.stream().filter(s -> !ServiceInstances.isFirst(s.name())).toList();
            boolean shared = !options.jvmPerService() && !services.isEmpty();
            Path settings = workDir.resolve("services");
            List<ServiceSpec> firstBatch = shared ? List.of(SharedServicesJvm.host(1, first, repo, settings)) : first;
            // the services start beside the systems under test: what either spends starting is its own classes'
            // loading and compiling, and neither needs the other until an experiment runs
            long servicesLaunched = System.nanoTime();
            List<ChildJvm> firstJvms = stack.launch(firstBatch);
            stack.await(dataplane, dataplaneJvm, dataplaneLaunched, progress);
            routes(endpoints, progress);
            // the systems under test and the host's agent start all at once: a caller reaches its dependency only
            // when asked
            stack.launchAndWait(List.of(ServiceCatalog.pricing(endpoints), ServiceCatalog.carrier(endpoints),
                    ServiceCatalog.storefront(endpoints), ServiceCatalog.shipping(endpoints),
                    ServiceCatalog.fulfilment(endpoints),
                    ServiceCatalog.agent(endpoints, DemoAgent.writeConfig(workDir, endpoints, keys))), progress);
            progress.accept("targets    " + DemoTargets.apply(repo, endpoints, stack.logDir()));
            stack.await(firstBatch, firstJvms, servicesLaunched, progress);
            if (shared) {
                for (int k = 2; k <= options.instances(); k++) {
                    String suffix = "-" + k;
                    List<ServiceSpec> instanceK = more.stream().filter(s -> s.name().endsWith(suffix)).toList();
                    stack.launchAndWait(List.of(SharedServicesJvm.host(k, instanceK, repo, settings)), progress);
                }
            } else if (!more.isEmpty()) {
                stack.launchAndWait(more, progress);
            }
            stack.started = true;
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /**
     * The data plane's proxies (its state is in memory: created at start, and again after a restart). storefront -> L4
     * `pricing` -> L7 `pricing-http` -> pricing: the L4 proxy stays the storefront's own connection (a reset or a
     * blackhole acts on it exactly as without the L7 hop), the L7 proxy acts on the HTTP requests that pass the L4
     * faults; shipping -> `carrier` -> carrier.
     */
    private static void routes(StackEndpoints endpoints, Consumer<String> progress) {
        StackPorts ports = endpoints.ports();
        DataPlaneAdmin dataplane = new DataPlaneAdmin(endpoints.dataplaneUrl());
        httpProxy(dataplane, "pricing-http", ports.pricingHttpProxy(), ports.pricing(), progress);
        proxy(dataplane, "pricing", ports.pricingProxy(), ports.pricingHttpProxy(), progress);
        proxy(dataplane, "carrier", ports.carrierProxy(), ports.carrier(), progress);
    }

    /** Creates the data plane's L4 proxy {@code name} from {@code listen} to {@code upstream} on loopback. */
    private static void proxy(DataPlaneAdmin dataplane, String name, int listen, int upstream, Consumer<String> progress) {
        dataplane.ensureProxy(name, "127.0.0.1:" + listen, "127.0.0.1:" + upstream);
        progress.accept(String.format("proxy      %s 127.0.0.1:%d -> 127.0.0.1:%d", name, listen, upstream));
    }

    /** Creates the data plane's L7 (HTTP) proxy {@code name} from {@code listen} to {@code upstream} on loopback. */
    private static void httpProxy(DataPlaneAdmin dataplane, String name, int listen, int upstream, Consumer<String> progress) {
        dataplane.ensureHttpProxy(name, "127.0.0.1:" + listen, "127.0.0.1:" + upstream);
        progress.accept(String.format("proxy      %s 127.0.0.1:%d -> 127.0.0.1:%d (L7, HTTP)", name, listen, upstream));
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    /** The ports of each service's instances (instance 1's is the service's port in {@link #endpoints()}). */
    public ServiceInstances instances() {
        return instances;
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    /** The one directory the host agent lets disk faults write into (a proposal's {@code --label directory=}). */
    public Path agentFillDirectory() {
        return DemoAgent.fillDirectory(workDir);
    }

    /**
     * Kills a process of the stack with SIGKILL (no clean shutdown), e.g. {@code "injector-service"}, {@code "kafka"}
     * or {@code "cassandra"}; a supervised one with its supervisor (killing only its JVM is what a PROCESS_KILL fault
     * does: the supervisor starts it again). A service that shares its JVM with the others cannot be killed alone.
     */
    public synchronized void kill(String name) {
        if (Infrastructure.PROCESSES.contains(name)) {
            infrastructure.kill(name);
            LOG.info("killed {}", name);
            return;
        }
        ChildJvm jvm = requireOwnJvm(name);
        ProcessHandle.of(jvm.pid()).ifPresent(process -> {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(name + " (pid " + jvm.pid() + ") did not die after SIGKILL", e);
            }
        });
        LOG.info("killed {} (pid {})", name, jvm.pid());
    }

    /**
     * Stops a process of the stack if it still runs, starts it again (Kafka and Cassandra on their ports and data
     * directories) and waits until it is ready; a restarted data plane gets its proxies again.
     */
    public void restart(String name) {
        if (Infrastructure.PROCESSES.contains(name)) {
            infrastructure.restart(name);
            LOG.info("restarted {}", name);
            return;
        }
        ChildJvm old;
        synchronized (this) {
            old = requireOwnJvm(name);
        }
        old.close();
        launchAndWait(List.of(specs.get(name)), line -> LOG.info("restarted {}", line));
        if (name.equals("dataplane")) {
            routes(endpoints, line -> LOG.info("restarted {}", line));
        }
    }

    /**
     * The process {@code name} runs in: its own name, or that of the JVM it shares with the other services (e.g.
     * {@code services} for {@code injector-service}) — what {@link #kill} and {@link #restart} then take.
     */
    public synchronized String processOf(String name) {
        return running.containsKey(name) || Infrastructure.PROCESSES.contains(name) ? name : hostOf(name).orElseThrow(
                () -> new IllegalArgumentException("no process named " + name + " in this stack; known: " + running.keySet()));
    }

    public synchronized boolean isAlive(String name) {
        if (Infrastructure.PROCESSES.contains(name)) {
            return infrastructure.isAlive(name);
        }
        return require(name).isAlive();
    }

    /** The resident memory of every process of the stack, this JVM (with the schema registry) included. */
    public synchronized List<ProcessMemory> memory() {
        List<ProcessMemory> all = new ArrayList<>(infrastructure.memory());
        running.forEach((name, jvm) -> all.add(new ProcessMemory(name, jvm.pid(), jvm.rssBytes(), jvm.pssBytes())));
        return all;
    }

    private void launchAndWait(List<ServiceSpec> batch, Consumer<String> progress) {
        long started = System.nanoTime();
        await(batch, launch(batch), started, progress);
    }

    /** Starts each process of {@code batch}, waiting for none. */
    private List<ChildJvm> launch(List<ServiceSpec> batch) {
        List<ChildJvm> launched = new ArrayList<>();
        for (ServiceSpec spec : batch) {
            String classpath = switch (spec.module()) {
                case "injector-service/dataplane" -> repo.dataplaneClasspath();
                case ServiceCatalog.AGENT_MODULE -> repo.agentJar();
                case SharedServicesJvm.MODULE -> repo.classpath(spec.hosted().stream().map(ServiceSpec::module).toList());
                default -> repo.classpath(spec.module());
            };
            List<String> jvmArgs = spec.jvmArgs();
            Path log = logDir().resolve(spec.name() + ".log");
            ChildJvm jvm = spec.supervised()
                    ? ChildJvm.launchSupervised(spec.name(), jvmArgs, classpath, spec.mainClass(), spec.args(), log,
                            SUPERVISOR_RESTART_DELAY)
                    : ChildJvm.launch(spec.name(), jvmArgs, classpath, spec.mainClass(), spec.args(), log);
            synchronized (this) {
                specs.put(spec.name(), spec);
                running.put(spec.name(), jvm);
            }
            launched.add(jvm);
        }
        return launched;
    }

    /** Waits until each process of {@code batch} (each service a JVM hosts) is ready, with a line for each. */
    private void await(List<ServiceSpec> batch, List<ChildJvm> launched, long started, Consumer<String> progress) {
        for (int i = 0; i < batch.size(); i++) {
            ServiceSpec spec = batch.get(i);
            for (ServiceSpec part : spec.hosted().isEmpty() ? List.of(spec) : spec.hosted()) {
                Readiness.await(part.name(), launched.get(i), part.readyUrl(), READY_TIMEOUT);
                progress.accept(String.format("%-10s %-26s %5.1f s  pid %d%s", part.name(),
                        part.readyUrl().replace("/health", "").replace("/version", ""),
                        (System.nanoTime() - started) / 1e9, launched.get(i).pid(),
                        part == spec ? "" : " (JVM " + spec.name() + ")"));
            }
        }
    }

    /** The JVM {@code name} runs in: its own, or the one it shares with the other services. */
    private ChildJvm require(String name) {
        return running.get(processOf(name));
    }

    private ChildJvm requireOwnJvm(String name) {
        Optional<String> host = running.containsKey(name) ? Optional.empty() : hostOf(name);
        if (host.isPresent()) {
            throw new IllegalStateException(name + " shares the JVM " + host.get() + " with the other services; to stop"
                    + " or start it alone, start the stack with one JVM per service (--jvm-per-service)");
        }
        return require(name);
    }

    /** The shared JVM that runs the service instance {@code name}, if one does. */
    private Optional<String> hostOf(String name) {
        return specs.values().stream().filter(spec -> spec.hosted().stream().anyMatch(s -> s.name().equals(name)))
                .map(ServiceSpec::name).findFirst();
    }

    /** Stops the services (all at once), the systems under test, the data plane, then the devstack; deletes the data. */
    @Override
    public void close() {
        List<ChildJvm> reverse;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            reverse = new ArrayList<>(running.values());
        }
        atExit.cancel();
        java.util.Collections.reverse(reverse);
        synchronized (this) {
            running.forEach((name, jvm) -> {
                if (ServiceCatalog.SERVICES.contains(ServiceInstances.serviceOf(name)) || SharedServicesJvm.isHost(name)) {
                    jvm.requestStop(); // the services stop in parallel
                }
            });
        }
        reverse.forEach(ChildJvm::close);
        infrastructure.close();
        if (started) {
            infrastructure.keepSchema();
        }
        ClassDataArchives archives = ClassDataArchives.configured();
        archives.recordOwn(); // the CLI's own classes, as ./faultline had it record them
        if (!archives.writing().isEmpty()) {
            System.err.println("writing the class-data archives that make the next starts faster (once per machine and set"
                    + " of libraries; FAULTLINE_CLASS_DATA=off skips them): " + String.join(", ", archives.writing()));
            archives.awaitRecordings(CLASS_DATA_WRITING);
        }
        WorkDirs.deleteRecursively(workDir.resolve("data"));
        LOG.info("local stack stopped; logs kept in {}", logDir());
    }
}
