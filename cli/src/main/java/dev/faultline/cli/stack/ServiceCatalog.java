package dev.faultline.cli.stack;

import dev.faultline.devstack.issuer.IssuerUsers;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The processes of the local stack after the devstack, in start order: the data plane, the systems under test
 * (pricing — under a supervisor that starts it again when it dies — and the storefront, the carrier and shipping,
 * each caller reaching its dependency through its data-plane proxy; fulfilment, consuming the orders the storefront
 * announces on the devstack's Kafka — Faultline's own Kafka is the demo shop's too) with the host's Faultline agent,
 * then the five services, each with the settings that wire it to the others — the stack's clearance signing key to
 * safety-service only, its public key to injector-service ({@link StackKeys}).
 */
final class ServiceCatalog {

    static final String PRICING_MAIN = "dev.faultline.demo.PricingMain";
    static final String STOREFRONT_MAIN = "dev.faultline.demo.StorefrontMain";
    static final String AGENT_MODULE = "agent";
    /** safety-service's client of the token issuer (deploy/users.yaml). */
    static final String SAFETY_CLIENT = "safety-service";
    static final List<String> SERVICES = List.of("hypothesis-service", "safety-service", "injector-service",
            "analysis-service", "catalog-service", "console-service");

    private static final List<Layout> LAYOUTS = List.of(
            new Layout("hypothesis-service", "hypothesis-service", "dev.faultline.hypothesis.HypothesisApplication"),
            new Layout("safety-service", "safety-service", "dev.faultline.safety.SafetyApplication"),
            new Layout("injector-service", "injector-service/controller", "dev.faultline.injector.InjectorApplication"),
            new Layout("analysis-service", "analysis-service", "dev.faultline.analysis.AnalysisApplication"),
            new Layout("catalog-service", "catalog-service", "dev.faultline.catalog.CatalogApplication"),
            new Layout("console-service", "console-service", "dev.faultline.console.ConsoleApplication"));

    private ServiceCatalog() {
    }

    /** The modules of the {@code wanted} services, in start order. */
    static List<String> modules(List<String> wanted) {
        return LAYOUTS.stream().filter(layout -> wanted.contains(layout.name())).map(Layout::module).toList();
    }

    /**
     * The data plane's JVM flags: those of {@code injector-service/dataplane/jvm.options}, which {@code ./faultline
     * dataplane} and the data plane's benchmark use (a test keeps the two equal). A small serial-collected heap, C1
     * only and small stacks: its relay path allocates nothing per chunk, and its resident set stays small.
     */
    static final List<String> DATAPLANE_JVM = List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx64m", "-Xss256k",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=16m",
            "-XX:+ExitOnOutOfMemoryError", "-Dio.netty.jfr.enabled=false", "-Dio.netty.leakDetection.level=disabled");

    static ServiceSpec dataplane(StackEndpoints stack) {
        return new ServiceSpec("dataplane", "injector-service/dataplane", "dev.faultline.dataplane.DataPlaneMain",
                DATAPLANE_JVM, List.of("--host", "127.0.0.1", "--port", Integer.toString(stack.ports().dataplane())),
                stack.url(stack.ports().dataplane()) + "/version");
    }

    /** Pricing, under a supervisor: a process fault that kills it has something real to observe (it comes back). */
    static ServiceSpec pricing(StackEndpoints stack) {
        return new ServiceSpec("pricing", "demo-target", PRICING_MAIN, systemJvm("64m"),
                List.of("--port", Integer.toString(stack.ports().pricing())), stack.pricingUrl() + "/health", true);
    }

    /** The host's Faultline agent (host faults), from its standalone jar, with the config {@link DemoAgent} wrote. */
    static ServiceSpec agent(StackEndpoints stack, Path config) {
        return new ServiceSpec("agent", AGENT_MODULE, "dev.faultline.agent.AgentMain", systemJvm("48m"),
                List.of("--config", config.toString()), stack.agentUrl() + "/health");
    }

    static ServiceSpec storefront(StackEndpoints stack) {
        return new ServiceSpec("storefront", "demo-target", STOREFRONT_MAIN, systemJvm("96m"),
                List.of("--port", Integer.toString(stack.ports().storefront()),
                        "--pricing-url", stack.url(stack.ports().pricingProxy()),
                        "--kafka-bootstrap-servers", stack.kafkaBootstrapServers(),
                        "--kafka-config", stack.kafkaClientFile(KafkaPrincipal.DEMO_SHOP).toString()),
                stack.storefrontUrl() + "/health");
    }

    /** Ready once its consumer owns the order topic's partitions (its /health answers 503 before). */
    static ServiceSpec fulfilment(StackEndpoints stack) {
        return new ServiceSpec("fulfilment", "demo-target", "dev.faultline.demo.FulfilmentMain", systemJvm("64m"),
                List.of("--port", Integer.toString(stack.ports().fulfilment()),
                        "--kafka-bootstrap-servers", stack.kafkaBootstrapServers(),
                        "--kafka-config", stack.kafkaClientFile(KafkaPrincipal.DEMO_SHOP).toString()),
                stack.fulfilmentUrl() + "/health");
    }

    static ServiceSpec carrier(StackEndpoints stack) {
        return new ServiceSpec("carrier", "demo-target", "dev.faultline.demo.CarrierMain", systemJvm("64m"),
                List.of("--port", Integer.toString(stack.ports().carrier())), stack.carrierUrl() + "/health");
    }

    static ServiceSpec shipping(StackEndpoints stack) {
        return new ServiceSpec("shipping", "demo-target", "dev.faultline.demo.ShippingMain", systemJvm("64m"),
                List.of("--port", Integer.toString(stack.ports().shipping()),
                        "--carrier-url", stack.url(stack.ports().carrierProxy())), stack.shippingUrl() + "/health");
    }

    /**
     * The local stack is a development default: its "production" is the demo's, run by one person at any hour with no
     * paging rotation, so production's weekday office hours and on-call requirement are relaxed here (a real
     * deployment keeps safety-service's defaults). Given before the extra options, which can put them back.
     */
    static final List<String> LOCAL_PRODUCTION = List.of(
            "-Dfaultline.safety.environments.production.allowed-days=MON-SUN",
            "-Dfaultline.safety.environments.production.allowed-from=00:00",
            "-Dfaultline.safety.environments.production.allowed-to=24:00",
            "-Dfaultline.safety.environments.production.on-call-required=false");

    /**
     * @param dataDir where the services keep state on disk
     * @param keys    the stack's clearance keys: safety-service signs, injector-service verifies
     */
    static List<ServiceSpec> services(StackEndpoints stack, Path dataDir, StackKeys keys, String heap,
                                      Map<String, List<String>> extra, List<String> wanted) {
        return services(stack, dataDir, keys, heap, extra, wanted, ServiceInstances.one(stack.ports()));
    }

    /**
     * Each wanted service's instances ({@link ServiceInstances}), instance by instance in start order; every instance
     * calls instance 1 of the others. Several instances of a service share its consumer groups (the partitions split
     * between them), keyspace and Kafka principal; catalog-service's each keep their Streams state in a directory of
     * their own and advertise their address, where the others forward the queries for the keys it owns.
     */
    static List<ServiceSpec> services(StackEndpoints stack, Path dataDir, StackKeys keys, String heap,
                                      Map<String, List<String>> extra, List<String> wanted, ServiceInstances instances) {
        List<ServiceSpec> specs = new ArrayList<>();
        for (Layout layout : LAYOUTS) {
            if (!wanted.contains(layout.name())) {
                continue;
            }
            List<Integer> instancePorts = instances.of(layout.name());
            for (int k = 1; k <= instancePorts.size(); k++) {
                specs.add(instance(stack, dataDir, keys, heap, extra, layout, k, instancePorts));
            }
        }
        return specs;
    }

    private static ServiceSpec instance(StackEndpoints stack, Path dataDir, StackKeys keys, String heap,
                                        Map<String, List<String>> extra, Layout layout, int k, List<Integer> instancePorts) {
        int port = instancePorts.get(k - 1);
        List<String> jvm = new ArrayList<>(smallJvm(heap));
        jvm.add("-Dmicronaut.server.port=" + port);
        jvm.addAll(sharedSettings(stack));
        // its Kafka principal's password, from a file only this user can read (not on the command line)
        jvm.add("-Dmicronaut.config.files=" + StackCredentials.serviceFile(stack.kafkaClients(), layout.name()));
        if (layout.name().equals("safety-service")) {
            jvm.addAll(keys.signerSettings());
            jvm.addAll(LOCAL_PRODUCTION);
            // the one service that calls another's API (the injector's rollback dry run) gets a client of its own
            jvm.add("-Dfaultline.security.client-id=" + SAFETY_CLIENT);
            jvm.add("-Dfaultline.security.client-secret=" + IssuerUsers.bundled().clients().get(SAFETY_CLIENT).secret());
        }
        if (layout.name().equals("injector-service")) {
            jvm.addAll(keys.verifierSettings());
            // the owner it records for its runs, the same across its restarts: a restarted instance closes its own
            // left-over runs at once, and leaves the other instances' live ones alone
            jvm.add("-Dfaultline.injector.instance.id=" + ServiceInstances.name(layout.name(), k));
        }
        if (layout.name().equals("catalog-service")) {
            // the Streams state belongs to this stack's Kafka: never reuse another run's (or share it with one)
            jvm.add("-Dfaultline.catalog.state-dir=" + dataDir.resolve(ServiceInstances.name("catalog-streams", k)));
            if (instancePorts.size() > 1) {
                // where the other instances forward the queries for the keys this one owns
                jvm.add("-Dfaultline.catalog.application-server=127.0.0.1:" + port);
            }
        }
        jvm.addAll(extra.getOrDefault(layout.name(), List.of()));
        return new ServiceSpec(ServiceInstances.name(layout.name(), k), layout.module(), layout.mainClass(), jvm,
                List.of(), stack.url(port) + "/health");
    }

    /**
     * The settings every service accepts (design: "Shared settings every service accepts"). The storefront is not
     * among them: it is a declared target ({@link DemoTargets}).
     */
    static List<String> sharedSettings(StackEndpoints stack) {
        StackPorts ports = stack.ports();
        return List.of(
                "-Dfaultline.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "-Dfaultline.kafka.schema-registry-url=" + stack.schemaRegistryUrl(),
                "-Dfaultline.cassandra.contact-point=" + stack.cassandraContactPoint(),
                "-Dfaultline.cassandra.datacenter=" + stack.cassandraDatacenter(),
                "-Dfaultline.security.jwks-url=" + stack.jwksUrl(),
                "-Dfaultline.security.issuer=" + stack.issuerUrl(),
                "-Dfaultline.services.hypothesis-url=" + stack.url(ports.hypothesis()),
                "-Dfaultline.services.safety-url=" + stack.url(ports.safety()),
                "-Dfaultline.services.injector-url=" + stack.url(ports.injector()),
                "-Dfaultline.services.analysis-url=" + stack.url(ports.analysis()),
                "-Dfaultline.services.catalog-url=" + stack.url(ports.catalog()),
                "-Dfaultline.injector.dataplane-url=" + stack.dataplaneUrl());
    }

    /**
     * The flags of every JVM of the stack but the data plane's, after its {@code -Xmx} and {@code -Xms}: a
     * serial-collected heap that starts small and grows only as far as its live data needs (shrinking back after a full
     * collection when more than 30 % is free) — without {@code -Xms} it starts at the machine's 1/64 (the whole
     * {@code -Xmx} here) and fills that before the first collection —, C1 only and small stacks. Measured with
     * {@code scripts/stack-footprint.sh} (cli README).
     */
    static final List<String> SMALL_JVM = List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

    /** {@link #SMALL_JVM} with a heap of at most {@code heap}, starting at 32 MB: the services'. */
    static List<String> smallJvm(String heap) {
        return smallJvm(heap, "32m");
    }

    /**
     * {@link #SMALL_JVM} with a first heap of 8 MB, for the systems under test and the host agent: a small HTTP server
     * each, whose live data is a few MB, so a 32 MB first heap was mostly never-collected garbage — 7 MB more
     * resident in each of the six (measured with {@code scripts/stack-footprint.sh}, cli README). The services keep
     * 32 MB: a smaller young generation would collect more often while the machine is busiest.
     */
    static List<String> systemJvm(String heap) {
        return smallJvm(heap, "8m");
    }

    /** {@link #SMALL_JVM} with a heap of at most {@code heap}, starting at {@code firstHeap}. */
    static List<String> smallJvm(String heap, String firstHeap) {
        List<String> flags = new ArrayList<>(List.of("-Xmx" + heap, "-Xms" + firstHeap));
        flags.addAll(SMALL_JVM);
        return List.copyOf(flags);
    }

    private record Layout(String name, String module, String mainClass) {
    }
}
