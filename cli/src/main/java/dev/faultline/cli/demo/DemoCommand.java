package dev.faultline.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.HelpOption;
import dev.faultline.cli.ServiceOptions;
import dev.faultline.cli.experiment.HypothesisView;
import dev.faultline.cli.http.Endpoints;
import dev.faultline.cli.http.Retry;
import dev.faultline.cli.http.ServiceCallException;
import dev.faultline.cli.login.IssuerClient;
import dev.faultline.cli.stack.LocalStack;
import dev.faultline.cli.stack.StackOptions;
import dev.faultline.cli.watch.EventStream;
import dev.faultline.cli.watch.ExperimentWatcher;
import dev.faultline.schemas.avro.VerdictIssued;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline demo}: starts the local stack, runs the example experiment through every stage
 * with live progress, prints the report, the catalog entry, the wall time and the memory of each
 * process, then stops everything. Exit code 0 when a verdict arrived.
 */
@Command(name = "demo", description = {"Start everything, run the example experiment to its verdict, stop everything.",
    "Exit 0 when a verdict arrived."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--free-ports", description = "use free ports instead of the demo ports")
    boolean freePorts;

    @Option(names = "--instances", defaultValue = "1", paramLabel = "N",
            description = "run N instances of each service (as `faultline stack --instances N`); default ${DEFAULT-VALUE}")
    int instances;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "how long to wait for the verdict; default ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Option(names = "--running", description = {"run the example on running services (the service addresses below, "
            + "e.g. the compose stack's) instead of starting a local stack; --kafka-config should be the auditor's"})
    boolean running;

    @Option(names = "--issuer", paramLabel = "URL", defaultValue = IssuerClient.DEFAULT_ISSUER,
            description = "with --running: where the demo's users sign in; default ${DEFAULT-VALUE}")
    String issuerUrl;

    @ArgGroup(exclusive = false, heading = ServiceOptions.HEADING)
    ServiceOptions services = new ServiceOptions();

    @Option(names = "--jvm-per-service", description = "run each service instance in a JVM of its own (as in "
            + "production; ~0.9 GB more and a slower start) instead of the services sharing one")
    boolean jvmPerService;

    @Mixin
    HelpOption help;

    @ParentCommand
    FaultlineCli cli;

    @Override
    public Integer call() {
        PrintStream out = cli.out();
        long started = System.nanoTime();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        out.println("Faultline demo: " + ExampleExperiment.STATEMENT);
        out.println();
        if (running) {
            Optional<VerdictIssued> verdict = runExample(services.endpoints(), new IssuerClient(issuerUrl), out, timeout);
            out.printf("%nwall time %.1f s%n", seconds(started));
            return verdict.isPresent() ? 0 : 1;
        }
        out.println("starting the local stack ...");
        StackOptions options = (freePorts ? StackOptions.freePorts() : StackOptions.demo()).withInstances(instances)
                .withJvmPerService(jvmPerService);
        try (LocalStack stack = LocalStack.start(options, line -> out.println("  " + line))) {
            out.printf("stack up in %.1f s%n%n", seconds(started));
            Optional<VerdictIssued> verdict = runExample(stack.endpoints().watching(),
                    new IssuerClient(stack.endpoints().issuerUrl()), out, timeout);
            out.printf("%nwall time %.1f s; memory of the running stack:%n", seconds(started));
            out.print(MemoryTable.render(stack.memory()));
            out.println("stopping everything ...");
            return verdict.isPresent() ? 0 : 1;
        }
    }

    /**
     * Proposes, shows and accepts the example, follows it to its verdict, then prints the report and the catalog
     * entry — each step as its own user, signed in at {@code issuer} and calling the services at {@code addresses}: the
     * proposer proposes, the reviewer accepts, the approver signs off when the policy asks, the operator reads the
     * results.
     */
    public static Optional<VerdictIssued> runExample(Endpoints addresses, IssuerClient issuer, PrintStream out,
                                                     Duration timeout) {
        // opened first: a Kafka this client cannot read fails the demo before anything is proposed
        try (EventStream stream = new EventStream(addresses.kafkaEndpoint())) {
            return runExample(addresses, issuer, stream, out, timeout);
        }
    }

    private static Optional<VerdictIssued> runExample(Endpoints addresses, IssuerClient issuer, EventStream stream,
                                                      PrintStream out, Duration timeout) {
        Endpoints proposer = addresses.withToken(issuer.signIn(ExampleExperiment.PROPOSER).token());
        JsonNode proposed = proposer.hypothesisService().post("/proposals", ExampleExperiment.proposal());
        String id = proposed.path("experimentId").asText();
        out.println("proposed experiment " + id + " as " + ExampleExperiment.PROPOSER + " (role proposer)");
        JsonNode hypothesis = Retry.whileNotReady(() -> proposer.hypothesisService()
                .get("/experiments/" + id + "/hypothesis"), Duration.ofSeconds(60));
        out.print(HypothesisView.render(hypothesis));
        addresses.withToken(issuer.signIn(ExampleExperiment.REVIEWER).token()).hypothesisService().post(
                "/experiments/" + id + "/reviews", Map.of("decision", "ACCEPT",
                        "comment", "predictions are measurable; the guardrail bounds the damage"));
        out.println("accepted by " + ExampleExperiment.REVIEWER + " (role reviewer); following the experiment on Kafka:");
        out.println();
        Endpoints approver = addresses.withToken(issuer.signIn(ExampleExperiment.APPROVER).token());
        Endpoints services = addresses.withToken(issuer.signIn(ExampleExperiment.OPERATOR).token());
        Optional<VerdictIssued> verdict = new ExperimentWatcher(stream, id).untilVerdict(out::println,
                new ApprovalStep(approver, id, out), timeout);
        if (verdict.isEmpty()) {
            out.println("no verdict within " + timeout.toSeconds() + " s; `faultline status " + id + "` shows how far it got");
            return verdict;
        }
        out.println();
        out.println(Retry.whileNotReady(() -> services.analysisService().getText("/experiments/" + id + "/report"),
                Duration.ofSeconds(30)));
        printCatalogEntry(services, verdict.get(), out);
        return verdict;
    }

    private static void printCatalogEntry(Endpoints services, VerdictIssued verdict, PrintStream out) {
        String path = "/catalog/" + verdict.getService() + "/" + verdict.getFaultType();
        try {
            JsonNode entry = Retry.whileNotReady(() -> services.catalogService().get(path), Duration.ofSeconds(20));
            out.println("catalog entry " + verdict.getService() + " / " + verdict.getFaultType() + ":");
            out.println(entry.toPrettyString());
        } catch (ServiceCallException e) {
            out.println("catalog entry not available: " + e.getMessage());
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
