package dev.faultline.cli.stack;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.HelpOption;
import dev.faultline.cli.ServiceOptions;
import dev.faultline.cli.login.IssuerClient;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code faultline stack}: starts the whole local stack on the demo ports and runs until Ctrl-C. */
@Command(name = "stack", description = "Start the devstack, data plane, demo system and the five services until Ctrl-C.")
public final class StackCommand implements Callable<Integer> {

    @Option(names = "--free-ports", description = "use free ports instead of the demo ports")
    boolean freePorts;

    @Option(names = "--instances", defaultValue = "1", paramLabel = "N",
            description = "run N instances of each service (instance k on the demo port + 10 x (k - 1), or free ports); "
                    + "the commands talk to instance 1")
    int instances;

    @Option(names = "--jvm-per-service", description = "run each service instance in a JVM of its own (as in "
            + "production; ~0.9 GB more and a slower start) instead of the services sharing one")
    boolean jvmPerService;

    @Mixin
    HelpOption help;

    @ParentCommand
    FaultlineCli cli;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = cli.out();
        StackOptions options = (freePorts ? StackOptions.freePorts() : StackOptions.demo()).withInstances(instances)
                .withJvmPerService(jvmPerService);
        LocalStack stack = LocalStack.start(options, line -> out.println("  " + line));
        StackEndpoints endpoints = stack.endpoints();
        if (instances > 1) {
            out.println(instances + " instances of each service (the commands talk to instance 1):");
            stack.instances().ports().forEach((service, ports) -> out.println(String.format("  %-18s %s", service,
                    ports.stream().map(endpoints::url).toList())));
        }
        out.println("running; Ctrl-C stops everything. Try:");
        out.println("  curl " + endpoints.storefrontUrl() + "/products/sku-1");
        out.println("  sign in first (users and roles: deploy/users.yaml; alice proposes, bob reviews, carol approves, dave "
                + "halts, erin audits):");
        out.println("  ./faultline login --user alice" + (endpoints.issuerUrl().equals(IssuerClient.DEFAULT_ISSUER) ? ""
                : " --issuer " + endpoints.issuerUrl()));
        out.println("  ./faultline propose --service storefront --fault NETWORK_BLACKHOLE --dependency pricing "
                + "--why 'pricing outage drill' --duration 15");
        out.println("  ./faultline login --user bob && ./faultline review <id> --accept    # then dave halts: "
                + "./faultline login --user dave && ./faultline halt <id> --reason drill");
        out.println("  follow it on Kafka, as the auditor: ./faultline watch <id>" + (endpoints.kafkaBootstrapServers()
                .equals(ServiceOptions.DEFAULT_KAFKA) ? "" : " --kafka " + endpoints.kafkaBootstrapServers())
                + " --kafka-config " + endpoints.kafkaClientFile(KafkaPrincipal.AUDITOR));
        out.println("  the web console (" + endpoints.consoleUrl() + "): watch the run live and halt it there: "
                + "./faultline login --user dave && ./faultline console" + (endpoints.consoleUrl().endsWith(":8106") ? ""
                : " --console-url " + endpoints.consoleUrl()));
        out.println("  ./faultline propose --service storefront --fault HTTP_ERROR_STATUS --dependency pricing --traffic-share 0.3 "
                + "--label status=503 --why 'pricing answers 503 to some calls' --duration 15   # L7, on pricing-http");
        out.println("  host faults, through the host's agent (" + endpoints.agentUrl() + "); pricing runs under a supervisor:");
        out.println("  ./faultline propose --service storefront --fault PROCESS_PAUSE --dependency pricing "
                + "--why 'pricing frozen by a GC pause' --duration 25");
        out.println("  ./faultline propose --service storefront --fault PROCESS_KILL --dependency pricing "
                + "--why 'pricing crashes and restarts' --duration 20");
        out.println("  ./faultline propose --service storefront --fault CPU_EXHAUSTION --why 'noisy neighbour on the host'"
                + " --duration 20   (also MEMORY_EXHAUSTION; DISK_EXHAUSTION with --label directory="
                + stack.agentFillDirectory() + ")");
        out.println("  the second system under test, shipping, is declared by files only:");
        out.println("  curl -i " + endpoints.shippingUrl() + "/quotes/eu");
        out.println("  ./faultline login --user admin" + (endpoints.issuerUrl().equals(IssuerClient.DEFAULT_ISSUER) ? ""
                : " --issuer " + endpoints.issuerUrl()) + "   (targets and failure modes need the role admin)");
        out.println("  ./faultline targets apply deploy/targets/shipping.yaml --set shipping-url=" + endpoints.shippingUrl()
                + " --set logs=" + stack.logDir());
        out.println("  ./faultline failure-modes add deploy/failure-modes/shipping.yaml");
        out.println("  ./faultline propose --service shipping --fault NETWORK_BLACKHOLE --dependency carrier "
                + "--why 'carrier outage drill' --duration 15");
        out.println("  the third, fulfilment (the storefront's order consumer on this stack's Kafka), too:");
        out.println("  curl " + endpoints.fulfilmentUrl() + "/metrics");
        out.println("  ./faultline targets apply deploy/targets/fulfilment.yaml --set fulfilment-url="
                + endpoints.fulfilmentUrl() + " --set logs=" + stack.logDir());
        out.println("  ./faultline failure-modes add deploy/failure-modes/fulfilment.yaml");
        out.println("  ./faultline propose --service fulfilment --fault MALFORMED_RECORD --dependency orders "
                + "--why 'bad records drill' --duration 20");
        new CountDownLatch(1).await(); // the shutdown hook stops the stack
        return 0;
    }
}
