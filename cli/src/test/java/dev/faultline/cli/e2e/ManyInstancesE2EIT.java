package dev.faultline.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.demo.DemoCommand;
import dev.faultline.cli.demo.ExampleExperiment;
import dev.faultline.cli.http.ServiceClient;
import dev.faultline.cli.login.IssuerClient;
import dev.faultline.cli.stack.LocalStack;
import dev.faultline.cli.stack.ServiceInstances;
import dev.faultline.cli.stack.StackOptions;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack with two instances of every service ({@code ./faultline stack --instances 2}): the example
 * experiment ends with exactly one InjectionStarted and one verdict, and both catalog instances — one of which does not
 * own the entry, nor the experiment — answer the same; and an injector instance restarting while the other runs the
 * example's fault leaves that run alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyInstancesE2EIT {

    private static final Logger LOG = LoggerFactory.getLogger(ManyInstancesE2EIT.class);

    private LocalStack stack;
    private EventLog events;
    private E2EDriver driver;

    @BeforeAll
    void startStack() {
        stack = LocalStack.start(StackOptions.freePorts().withInstances(2), line -> LOG.info("stack: {}", line));
        events = new EventLog(stack.endpoints().services().kafkaEndpoint());
        driver = new E2EDriver(stack, events);
    }

    @AfterAll
    void stopStack() throws Exception {
        if (events != null) {
            events.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldRunTheExampleOnceWithTwoInstancesOfEveryServiceAndAnswerTheCatalogFromEither() {
        assertThat(stack.instances().ports()).hasSize(6).allSatisfy((service, ports) -> assertThat(ports).hasSize(2));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Optional<VerdictIssued> watched = DemoCommand.runExample(stack.endpoints().services(),
                new IssuerClient(stack.endpoints().issuerUrl()), new PrintStream(printed, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(240));
        LOG.info("example output:\n{}", printed.toString(StandardCharsets.UTF_8));
        assertThat(watched).as("a verdict arrived while watching").isPresent();
        String id = watched.get().getHeader().getExperimentId();
        assertThat(watched.get().getOutcome()).isEqualTo(VerdictOutcome.PARTIALLY_HELD);

        // the catalog has taken the verdict in (on whichever instance owns the entry)
        List<ServiceClient> catalogs = stack.instances().of("catalog-service").stream()
                .map(port -> new ServiceClient("catalog-service", stack.endpoints().url(port),
                        driver.token(ExampleExperiment.OPERATOR))).toList();
        String entry = "/catalog/" + watched.get().getService() + "/" + watched.get().getFaultType();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(catalogs.get(0).get(entry)
                .get("experimentIds").toString()).contains(id));
        for (String path : List.of(entry, "/experiments/" + id, "/catalog")) {
            JsonNode first = catalogs.get(0).get(path);
            assertThat(catalogs.get(1).get(path)).as(path).isEqualTo(first);
        }
        assertThat(catalogs.get(1).get("/experiments/" + id).get("verdict").asText()).isEqualTo("PARTIALLY_HELD");

        // nothing later: no second injection, no second verdict (the watchdogs, a redelivery)
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).until(() ->
                count(id, "InjectionStarted") == 1 && count(id, "VerdictIssued") == 1);
        assertThat(events.typesOf(id)).as("the experiment's events").containsOnlyOnce("InjectionStarted",
                "InjectionStopped", "VerdictIssued");
    }

    /**
     * One injector instance restarts (after a SIGKILL of its JVM, which by default takes the same instance of every
     * other service with it) while the other runs the example's fault: the restarted one
     * closes only its own left-over runs, so the run goes on to its deadline and is judged on its own stop — one
     * InjectionStopped, COMPLETED, and its verdict, not LOST.
     */
    @Test
    void shouldLeaveTheOtherInjectorsRunAloneWhenOneInjectorInstanceRestarts() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CompletableFuture<Optional<VerdictIssued>> example = CompletableFuture.supplyAsync(() -> DemoCommand.runExample(
                stack.endpoints().services(), new IssuerClient(stack.endpoints().issuerUrl()),
                new PrintStream(printed, true, StandardCharsets.UTF_8), Duration.ofSeconds(240)));
        List<ServiceClient> clients = stack.instances().of("injector-service").stream()
                .map(port -> new ServiceClient("injector-service", stack.endpoints().url(port),
                        driver.token(ExampleExperiment.OPERATOR))).toList();
        // the instance whose /injections lists a run in its DURING phase runs the fault
        int running = await().atMost(Duration.ofSeconds(180)).until(() -> {
            for (int i = 0; i < clients.size(); i++) {
                if (clients.get(i).get("/injections").toString().contains("DURING")) {
                    return i;
                }
            }
            return example.isDone() ? -2 : -1;
        }, i -> i != -1);
        if (running < 0) {
            LOG.info("example output:\n{}", printed.toString(StandardCharsets.UTF_8));
            example.join(); // its failure, if it failed
        }
        assertThat(running).as("the example ended before its fault was seen running:%n%s",
                printed.toString(StandardCharsets.UTF_8)).isNotNegative();
        String other = ServiceInstances.name("injector-service", 2 - running); // instances count from 1
        // its JVM: by default the one it shares with the same instance of every other service, all killed with it
        String otherJvm = stack.processOf(other);
        LOG.info("{} runs the fault; killing and restarting {} (JVM {})",
                ServiceInstances.name("injector-service", running + 1), other, otherJvm);
        stack.kill(otherJvm);
        stack.restart(otherJvm);

        Optional<VerdictIssued> verdict = example.get(240, TimeUnit.SECONDS);
        LOG.info("example output:\n{}", printed.toString(StandardCharsets.UTF_8));
        assertThat(verdict).as("a verdict arrived while watching").isPresent();
        String id = verdict.get().getHeader().getExperimentId();
        assertThat(verdict.get().getStopReason()).as("judged on its own stop").isEqualTo(StopReason.COMPLETED);
        assertThat(verdict.get().getOutcome()).isEqualTo(VerdictOutcome.PARTIALLY_HELD);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).until(() ->
                count(id, "InjectionStopped") == 1 && count(id, "VerdictIssued") == 1);
    }

    private long count(String experimentId, String type) {
        return events.typesOf(experimentId).stream().filter(type::equals).count();
    }
}
