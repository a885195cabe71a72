package dev.faultline.cli.e2e;

import static org.awaitility.Awaitility.await;

import dev.faultline.cli.http.ServiceClient;
import dev.faultline.cli.stack.DataPlaneAdmin;
import dev.faultline.cli.stack.LocalStack;
import dev.faultline.cli.stack.RepoLayout;
import dev.faultline.devstack.process.ChildJvm;
import dev.faultline.devstack.support.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load test's systems under test: {@code count} quote services of the type {@code http-quotes}
 * (deploy/failure-modes/shipping.yaml), named {@code quotes-01} … — each a demo-target shipping JVM of its own, which
 * reaches the stack's one carrier through a data-plane proxy of its own ({@code carrier-01} …), so that a fault on
 * one target's dependency is on that target's path only —, and the targets file declaring them in STAGING with
 * their metrics and log. Safety holds one experiment per service at a time: distinct services, each with its own
 * route, may each have one in flight.
 */
final class LoadTargets implements AutoCloseable {

    /** A shipping JVM's flags: a small heap, C1 only, as the stack's demo processes. */
    private static final List<String> JVM = List.of("-Xmx48m", "-Xms16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1", "-Xss256k", "-XX:+ExitOnOutOfMemoryError");

    /** One target: its service name, its carrier proxy and its shipping JVM's port. */
    record Target(String service, String proxy, int port) {
    }

    private final List<Target> targets;
    private final List<ChildJvm> processes;
    private final Path file;

    private LoadTargets(List<Target> targets, List<ChildJvm> processes, Path file) {
        this.targets = targets;
        this.processes = processes;
        this.file = file;
    }

    /** Creates the proxies, starts the JVMs (all at once), waits until each answers, and writes the targets file. */
    static LoadTargets start(LocalStack stack, int count, Path file) {
        DataPlaneAdmin dataplane = new DataPlaneAdmin(stack.endpoints().dataplaneUrl());
        String classpath = RepoLayout.locate().classpath("demo-target");
        int carrier = stack.endpoints().ports().carrier();
        List<Target> targets = new ArrayList<>();
        List<ChildJvm> processes = new ArrayList<>();
        LoadTargets started = new LoadTargets(targets, processes, file);
        try {
            for (int k = 1; k <= count; k++) {
                Target target = new Target(String.format("quotes-%02d", k), String.format("carrier-%02d", k), FreePorts.next());
                int proxyPort = FreePorts.next();
                dataplane.ensureProxy(target.proxy(), "127.0.0.1:" + proxyPort, "127.0.0.1:" + carrier);
                processes.add(ChildJvm.launch(target.service(), JVM, classpath, "dev.faultline.demo.ShippingMain",
                        List.of("--port", Integer.toString(target.port()), "--carrier-url", "http://127.0.0.1:" + proxyPort),
                        stack.logDir().resolve(target.service() + ".log")));
                targets.add(target);
            }
            for (Target target : targets) {
                ServiceClient health = new ServiceClient(target.service(), url(target));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                        .ignoreExceptions().until(() -> health.get("/health").path("status").asText().equals("UP"));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, yaml(targets, stack.logDir()), StandardCharsets.UTF_8);
            return started;
        } catch (IOException e) {
            started.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            started.close();
            throw e;
        }
    }

    List<Target> targets() {
        return List.copyOf(targets);
    }

    /** The targets file, for {@code faultline targets apply}. */
    Path file() {
        return file;
    }

    private static String url(Target target) {
        return "http://127.0.0.1:" + target.port();
    }

    /** The format of deploy/targets/shipping.yaml, once per target. */
    private static String yaml(List<Target> targets, Path logs) {
        StringBuilder text = new StringBuilder("# written by LoadIT: one http-quotes service per experiment in flight\n"
                + "environments:\n  staging:\n");
        for (Target target : targets) {
            text.append("    ").append(target.service()).append(":\n")
                    .append("      type: http-quotes\n")
                    .append("      owners: [demo-logistics]\n")
                    .append("      on-call: demo-logistics-primary\n")
                    .append("      base-url: ").append(url(target)).append('\n')
                    .append("      endpoints:\n")
                    .append("        quotes: {method: GET, path: /quotes/eu, success: [200]}\n")
                    .append("      dependencies:\n")
                    .append("        carrier: {protocol: http, proxy: ").append(target.proxy()).append("}\n")
                    .append("      observability:\n")
                    .append("        metrics: ").append(url(target)).append("/metrics\n")
                    .append("        logs: ").append(logs.resolve(target.service() + ".log").toAbsolutePath()).append('\n')
                    .append("        trace-context: false\n");
        }
        return text.toString();
    }

    @Override
    public void close() {
        processes.forEach(ChildJvm::requestStop);
        processes.forEach(ChildJvm::close);
    }
}
