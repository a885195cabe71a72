package dev.faultline.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.demo.ExampleExperiment;
import dev.faultline.cli.http.Endpoints;
import dev.faultline.cli.http.Json;
import dev.faultline.cli.http.ServiceCallException;
import dev.faultline.cli.http.ServiceClient;
import dev.faultline.cli.stack.DataPlaneAdmin;
import dev.faultline.cli.stack.LocalStack;
import dev.faultline.cli.stack.StackOptions;
import dev.faultline.cli.stack.StackPorts;
import dev.faultline.devstack.support.FreePorts;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults in Faultline itself (issue 12, part 4): one local stack (free ports), and per scenario the example experiment
 * (storefront → pricing blackholed for 12 s) with one part of Faultline broken two seconds into the fault (two
 * DURING evidence batches in) — the broker
 * restarted, Cassandra down for 30 s, each service killed with SIGKILL in turn, the data plane restarted, the injector
 * cut off from the data plane — then what was broken started again, and checked: the fault removed (at its deadline, or
 * by its lease), the experiment at a final status within a bound, and its events counted on every {@code faultline.*}
 * topic as the auditor — exactly one of each milestone, evidence batches contiguous and none twice, no event id twice,
 * the verdict reproduced by the auditor's replay. Each scenario adds a row to {@code target/reliability.md}, a failed
 * one with the reason. Not part of the default build (about 10 minutes): {@code scripts/reliability.sh}, or
 * {@code mvn -pl cli verify -Dit.test=ReliabilityIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

    private static final Logger LOG = LoggerFactory.getLogger(ReliabilityIT.class);
    private static final int FAULT_SECONDS = 12;
    /** How long after the deadline (or the restart) an experiment may take to reach a final status. */
    private static final Duration FINAL_WITHIN = Duration.ofSeconds(120);
    /** The fault's lease (3 s) plus the data plane's expiry check and our 100 ms polling. */
    private static final Duration LEASE_BOUND = Duration.ofSeconds(6);
    /** At its deadline: one renewal period late at most, plus the removal's verification and our polling. */
    private static final Duration DEADLINE_BOUND = Duration.ofSeconds(3);
    private static final Set<String> FINAL = Set.of("COMPLETED", "ABORTED");

    private final ReliabilityTable table = new ReliabilityTable();
    private final List<String> experiments = new ArrayList<>();
    private LocalStack stack;
    private BlackholeLink injectorLink;
    private Endpoints services;
    private DataPlaneAdmin dataplane;
    private EventLog events;
    private E2EDriver driver;
    private Instant suiteStarted;
    /** The experiment of the scenario under way. */
    private volatile String current;

    /** How the run is expected to end once Faultline has dealt with what was broken. */
    private enum Ending {
        /** The fault stays on until its deadline and is removed then; the run is judged. */
        AT_DEADLINE,
        /** The injector is gone: the lease removes the fault; ABORTED/LOST, reported LOST by the restarted injector. */
        LOST,
        /** The injector cannot keep its lease: the fault goes with it, the run stops FAILED, ABORTED. */
        FAILED
    }

    @FunctionalInterface
    private interface Breakage {
        void breakAndRecover() throws Exception;
    }

    @BeforeAll
    void startStack() throws Exception {
        suiteStarted = Instant.now();
        StackOptions defaults = StackOptions.freePorts();
        StackPorts ports = defaults.ports().resolve();
        int linkPort = FreePorts.next();
        // the injector reaches the data plane's API through a link the suite can cut; everything else goes direct
        injectorLink = BlackholeLink.open(linkPort, ports.dataplane());
        // each service in a JVM of its own: the suite kills them one at a time
        StackOptions options = new StackOptions(ports, defaults.serviceHeap(), Map.of("injector-service",
                List.of("-Dfaultline.injector.dataplane-url=http://127.0.0.1:" + linkPort)), defaults.services(), 1, true);
        stack = LocalStack.start(options, line -> LOG.info("stack: {}", line));
        dataplane = new DataPlaneAdmin(stack.endpoints().dataplaneUrl());
        events = new EventLog(stack.endpoints().services().kafkaEndpoint());
        driver = new E2EDriver(stack, events);
        services = driver.as(ExampleExperiment.OPERATOR);
        LOG.info("reliability: stack up in {} s", Duration.between(suiteStarted, Instant.now()).toSeconds());
    }

    @AfterAll
    void stopStack() throws Exception {
        Duration took = Duration.between(suiteStarted, Instant.now());
        String preamble = "Reliability suite (`scripts/reliability.sh`), " + Instant.now() + ", " + took.toMinutes() + " min "
                + took.toSecondsPart() + " s in all; load average at the end: " + loadAverage();
        table.write(Path.of("target", "reliability.md"), preamble);
        LOG.info("reliability table:\n{}\n{}", preamble, table.markdown());
        if (events != null) {
            events.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (injectorLink != null) {
            injectorLink.close();
        }
    }

    @Test
    @Order(1)
    void hypothesisServiceKilled() throws Exception {
        killMidRun("hypothesis-service");
    }

    @Test
    @Order(2)
    void safetyServiceKilled() throws Exception {
        killMidRun("safety-service");
    }

    @Test
    @Order(3)
    void analysisServiceKilled() throws Exception {
        killMidRun("analysis-service");
    }

    @Test
    @Order(4)
    void catalogServiceKilled() throws Exception {
        killMidRun("catalog-service");
    }

    @Test
    @Order(5)
    void consoleServiceKilled() throws Exception {
        killMidRun("console-service");
    }

    @Test
    @Order(6)
    void injectorServiceKilled() throws Exception {
        scenario("injector-service killed", "`kill -9` of injector-service 2 s into the fault, restarted",
                "injector-service", Ending.LOST, () -> {
                    stack.kill("injector-service");
                    stack.restart("injector-service");
                });
    }

    @Test
    @Order(7)
    void dataPlaneRestartedMidFault() throws Exception {
        scenario("data plane restarted mid-fault", "`kill -9` of the data plane 2 s into the fault, restarted (its proxies"
                + " created again, no faults)", "dataplane", Ending.FAILED, () -> {
                    stack.kill("dataplane");
                    stack.restart("dataplane");
                });
    }

    @Test
    @Order(8)
    void injectorCutOffFromTheDataPlane() throws Exception {
        scenario("injector cut off from the data plane", "the injector → data plane link blackholed 2 s into the fault"
                + " (the data plane keeps running), restored once the run stopped", null, Ending.FAILED, () -> {
                    injectorLink.cut();
                    try {
                        await().atMost(FINAL_WITHIN).until(() -> events.find(current, InjectionStopped.class, any -> true)
                                .isPresent());
                    } finally {
                        injectorLink.restore();
                    }
                });
    }

    @Test
    @Order(9)
    void cassandraDownFor30Seconds() throws Exception {
        scenario("Cassandra down for 30 s", "`kill -9` of Cassandra 2 s into the fault, kept down 30 s, restarted on its"
                + " data", "cassandra", Ending.AT_DEADLINE, () -> {
                    stack.kill("cassandra");
                    int cql = stack.endpoints().ports().cassandra();
                    await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(35))
                            .until(() -> FreePorts.isFree(cql));
                    stack.restart("cassandra");
                });
    }

    @Test
    @Order(10)
    void brokerRestartedMidRun() throws Exception {
        scenario("Kafka broker restarted", "`kill -9` of the (only) broker 2 s into the fault, restarted at once on its"
                + " ports and log directory", "kafka", Ending.AT_DEADLINE, () -> {
                    stack.kill("kafka");
                    stack.restart("kafka");
                });
    }

    /**
     * Last: the injector restarted once every scenario has ended (a restart recovers the injections its store still
     * records as active), and nothing changes on the topics for any experiment of the suite — no late duplicate, such
     * as a second stop or verdict.
     */
    @Test
    @Order(11)
    void everyExperimentStillHasExactlyOneOfEachMilestoneAfterAnInjectorRestart() {
        ReliabilityTable.Row row = table.add("injector restarted after the suite", "a restart of injector-service once"
                + " every scenario above had ended");
        try {
            stack.restart("injector-service");
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        TopicCensus census = TopicCensus.take(stack.endpoints().watching().kafkaEndpoint());
                        assertThat(experiments).allSatisfy(id -> Milestones.assertOnce(id, census.of(id)));
                    });
            row.events = "the " + experiments.size() + " experiments above counted again: still exactly 1 of each milestone,"
                    + " no event id twice";
            row.outcome = "passed";
        } catch (Throwable failure) {
            row.outcome = "FAILED: " + firstLine(failure);
            throw failure;
        }
    }

    private void killMidRun(String service) throws Exception {
        scenario(service + " killed", "`kill -9` of " + service + " 2 s into the fault, restarted", service,
                Ending.AT_DEADLINE, () -> {
                    stack.kill(service);
                    stack.restart(service);
                });
    }

    /**
     * Runs the example with {@code breakage} 2 s into its fault, then checks the fault, the status and the topics; the
     * row says what was seen, or why it failed.
     */
    private void scenario(String name, String broken, String process, Ending ending, Breakage breakage) throws Exception {
        ReliabilityTable.Row row = table.add(name, broken);
        Instant began = Instant.now();
        String id = null;
        try (FaultWatch watch = new FaultWatch(dataplane, "pricing")) {
            id = driver.propose(ExampleExperiment.proposal("STAGING", FAULT_SECONDS, null));
            current = id;
            experiments.add(id);
            driver.acceptAndClear(id);
            InjectionStarted started = events.next(id, InjectionStarted.class, E2EDriver.SHORT_RUN);
            await().atMost(Duration.ofSeconds(5)).until(watch::seen);
            String running = id;
            // mid-run: two seconds of evidence captured under the fault
            await().atMost(Duration.ofSeconds(10)).until(() -> events.count(running, EvidenceCaptured.class,
                    batch -> batch.getPhase() == ExperimentPhase.DURING) >= 2);
            Instant brokeAt = Instant.now();
            breakage.breakAndRecover();
            Instant recoveredAt = Instant.now();
            LOG.info("reliability: {}: broken at {}, back after {} ms", name, brokeAt,
                    Duration.between(brokeAt, recoveredAt).toMillis());

            Instant deadline = started.getDeadline();
            Instant gone = await().atMost(FINAL_WITHIN).until(watch::goneAt, java.util.Optional::isPresent).orElseThrow();
            row.removed = switch (ending) {
                case AT_DEADLINE -> seconds(Duration.between(deadline, gone)) + " after its deadline";
                case LOST, FAILED -> seconds(Duration.between(brokeAt, gone)) + " after the "
                        + (process == null ? "cut" : "kill") + " (its lease lapsed)";
            };
            if (process != null && process.equals("dataplane")) {
                row.removed = "with the process (the restarted data plane has no faults)";
            }

            String verdictFor = id;
            VerdictIssued verdict = events.next(id, VerdictIssued.class, FINAL_WITHIN);
            // a restarted catalog answers 503 while its Streams stores are not queryable yet ("retry shortly")
            String status = await().atMost(FINAL_WITHIN).ignoreExceptionsMatching(e -> e instanceof ServiceCallException
                            unavailable && unavailable.status() == 503).until(() -> services.catalogService()
                    .get("/experiments/" + verdictFor).path("status").asText(), FINAL::contains);
            Instant finalAt = Instant.now();
            row.finalStatus = status + " · " + verdict.getOutcome() + " (" + verdict.getStopReason() + "), "
                    + "final " + seconds(Duration.between(brokeAt, finalAt)) + " after the break";
            InjectionStopped stopped = events.next(id, InjectionStopped.class, FINAL_WITHIN);

            assertNothingLeft();
            switch (ending) {
                case AT_DEADLINE -> {
                    assertThat(Duration.between(deadline, gone)).as("the fault goes at its deadline").isLessThan(DEADLINE_BOUND);
                    assertThat(stopped.getReason()).isEqualTo(StopReason.COMPLETED);
                    assertThat(stopped.getRollbackVerified()).isTrue();
                    assertThat(verdict.getOutcome()).isNotEqualTo(VerdictOutcome.ABORTED);
                }
                case LOST -> {
                    assertThat(Duration.between(brokeAt, gone)).as("the lease removes the fault").isLessThan(LEASE_BOUND);
                    assertThat(stopped.getReason()).isEqualTo(StopReason.LOST);
                    assertThat(verdict.getOutcome()).isEqualTo(VerdictOutcome.ABORTED);
                }
                case FAILED -> {
                    assertThat(Duration.between(brokeAt, gone)).as("the fault goes without its controller")
                            .isLessThan(LEASE_BOUND);
                    assertThat(stopped.getReason()).isEqualTo(StopReason.FAILED);
                    assertThat(verdict.getOutcome()).isEqualTo(VerdictOutcome.ABORTED);
                }
            }
            assertThat(status).isEqualTo(verdict.getOutcome() == VerdictOutcome.ABORTED ? "ABORTED" : "COMPLETED");

            TopicCensus.Count count = TopicCensus.take(stack.endpoints().watching().kafkaEndpoint()).of(id);
            LOG.info("reliability: {}: events of {}: {}", name, id, count.byType());
            row.events = describe(count, stopped);
            Milestones.assertOnce(id, count);
            assertThat(count.evidenceContiguous()).as("evidence batches 0..n-1, none twice: " + count.evidenceSequences())
                    .isTrue();
            if (stopped.getEvidenceBatches() != null) { // a LOST run's stop, by the restarted injector, cannot know
                assertThat((long) count.evidenceSequences().size()).as("the batches the stop announced")
                        .isEqualTo(stopped.getEvidenceBatches());
            }
            assertReplayReproduces(id);
            row.events += " · replay reproduced the verdict";
            row.outcome = "passed";
        } catch (Throwable failure) {
            row.outcome = "FAILED: " + firstLine(failure);
            LOG.error("reliability: {} failed", name, failure);
            throw failure;
        } finally {
            if (process != null && !stack.isAlive(process)) {
                stack.restart(process);
            }
            LOG.info("reliability: {} ({}) took {} s", name, id, Duration.between(began, Instant.now()).toSeconds());
        }
    }

    private static String describe(TopicCensus.Count count, InjectionStopped stopped) {
        List<Long> batches = count.evidenceSequences();
        return count.total() + " events on " + count.topics() + " topics: exactly 1 proposal, draft, plan approval,"
                + " clearance, start, stop, verdict · " + batches.size() + " evidence batches"
                + (batches.isEmpty() ? "" : " (" + batches.stream().mapToLong(Long::longValue).min().orElse(0) + "–"
                + batches.stream().mapToLong(Long::longValue).max().orElse(0) + ", none twice"
                + (stopped.getEvidenceBatches() == null ? "; the LOST stop announces none"
                : ", as many as the stop announced") + ")") + " · no event id twice";
    }

    /** No toxic on either L4 proxy, no rule on the L7 one, no lease on the data plane. */
    private void assertNothingLeft() {
        assertThat(dataplane.toxics("pricing")).as("toxics on pricing").isEmpty();
        assertThat(dataplane.toxics("carrier")).as("toxics on carrier").isEmpty();
        assertThat(dataplane.rules("pricing-http")).as("rules on pricing-http").isEmpty();
        JsonNode leases = new ServiceClient("data plane", stack.endpoints().dataplaneUrl()).get("/leases");
        assertThat(leases).as("leases on the data plane").isEmpty();
    }

    /** The auditor's replay of this experiment from the topics alone: its verdict recomputed the same, no finding. */
    private void assertReplayReproduces(String id) throws Exception {
        Endpoints auditor = stack.endpoints().watching();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FaultlineCli.run(List.of("replay", "--experiment", id, "--format", "json", "--kafka", auditor.kafka(),
                        "--registry-url", auditor.registry(), "--kafka-config", auditor.kafkaConfig()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        String report = out.toString(StandardCharsets.UTF_8);
        JsonNode replay = Json.MAPPER.readTree(report.substring(0, report.lastIndexOf('}') + 1));
        List<String> findings = new ArrayList<>();
        replay.path("findings").forEach(f -> findings.add(f.path("kind").asText() + " " + f.path("message").asText()));
        assertThat(code).as("replay of " + id + " found " + findings + " " + err).isZero();
        JsonNode totals = replay.get("totals");
        assertThat(totals.get("verdictsChecked").asLong()).isEqualTo(1);
        assertThat(totals.get("verdictsReproduced").asLong()).isEqualTo(1);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static String firstLine(Throwable failure) {
        if (failure instanceof org.awaitility.core.ConditionTimeoutException && failure.getCause() != null) {
            return "timed out: " + firstLine(failure.getCause()); // an untilAsserted's last assertion says what was wrong
        }
        String message = String.valueOf(failure.getMessage()).strip();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return failure.getClass().getSimpleName() + " " + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
