package dev.faultline.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.cli.e2e.LoadFigures.Percentiles;
import dev.faultline.cli.e2e.LoadFigures.Stage;
import dev.faultline.cli.e2e.LoadFigures.Times;
import dev.faultline.cli.http.ServiceClient;
import dev.faultline.cli.stack.DataPlaneAdmin;
import dev.faultline.cli.stack.LocalStack;
import dev.faultline.cli.stack.RepoLayout;
import dev.faultline.cli.stack.StackOptions;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.VerdictIssued;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load (issue 12, part 5): one local stack (free ports), {@code faultline.load.in-flight} (20) quote services declared
 * as targets, each its own JVM behind its own data-plane proxy ({@link LoadTargets}), and as many workers, each
 * keeping one experiment in flight on its own target — proposed, reviewed and cleared over the services' HTTP APIs as
 * the CLI does it, each step as its own user — until {@code faultline.load.experiments} (40) have been proposed. Checked:
 * every experiment ends with a verdict, as many in flight at once as asked, no fault or lease left on the data plane,
 * and on the topics, counted as the auditor, exactly one of each milestone per experiment. Figures, from the events'
 * own {@code occurredAt} times: experiments per hour (verdicts / first proposal → last verdict) and per-stage p50/p99,
 * written with the load average during the run to {@code target/load.md}. Not part of the default build (a few
 * minutes): {@code scripts/load.sh}, or {@code mvn -pl console-service,cli -am verify -Dit.test=LoadIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadIT {

    private static final Logger LOG = LoggerFactory.getLogger(LoadIT.class);
    private static final int EXPERIMENTS = Integer.getInteger("faultline.load.experiments", 40);
    private static final int IN_FLIGHT = Integer.getInteger("faultline.load.in-flight", 20);
    /**
     * The fault's duration: 5 s leaves the template's predictions their samples (quotes-served asks for (d − 2) × 4 of
     * a probe every 200 ms, the metric and log ones for up to 5).
     */
    private static final int FAULT_SECONDS = Integer.getInteger("faultline.load.fault-seconds", 5);
    /** From a clearance to the verdict, a loaded machine included. */
    private static final Duration VERDICT_WITHIN = Duration.ofSeconds(300);

    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final List<Double> loadSamples = new CopyOnWriteArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final List<String> findings = new CopyOnWriteArrayList<>();
    private LocalStack stack;
    private EventLog events;
    private E2EDriver driver;
    private LoadTargets targets;
    private Instant suiteStarted;
    private String stackUp = "not started";
    private Map<Stage, Percentiles> stages = Map.of();

    /** One experiment of the run: its target and how it ended, as the worker saw it. */
    private static final class Run {
        final int number;
        final String target;
        volatile String id;
        volatile String ending = "not finished";
        volatile boolean judged;

        Run(int number, String target) {
            this.number = number;
            this.target = target;
        }
    }

    @BeforeAll
    void startStack() {
        suiteStarted = Instant.now();
        stack = LocalStack.start(StackOptions.freePorts(), line -> LOG.info("stack: {}", line));
        stackUp = "stack up in " + Duration.between(suiteStarted, Instant.now()).toSeconds() + " s";
        events = new EventLog(stack.endpoints().services().kafkaEndpoint());
        driver = new E2EDriver(stack, events);
        targets = LoadTargets.start(stack, IN_FLIGHT, Path.of("target", "load-targets.yaml"));
        // declared as a team's admin would, through hypothesis-service's admin API
        assertThat(driver.cliAsAdmin("targets", "apply", targets.file().toAbsolutePath().toString()))
                .contains(targets.targets().get(0).service());
        assertThat(driver.cliAsAdmin("failure-modes", "add",
                RepoLayout.locate().root().resolve("deploy/failure-modes/shipping.yaml").toString()))
                .contains("quotes-dependency-unreachable");
        LOG.info("load: {}; {} targets up and declared after {} s", stackUp, IN_FLIGHT,
                Duration.between(suiteStarted, Instant.now()).toSeconds());
    }

    @AfterAll
    void stopStack() throws Exception {
        write(Path.of("target", "load.md"));
        if (targets != null) {
            targets.close();
        }
        if (events != null) {
            events.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldBringEveryExperimentToAVerdictWithTwentyInFlightOnTwentyTargets() throws Exception {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> loadSamples.add(loadAverage1m()), 0, 5, TimeUnit.SECONDS);
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            for (LoadTargets.Target target : targets.targets()) {
                workers.submit(() -> keepOneInFlight(target, next));
            }
            workers.shutdown();
            assertThat(workers.awaitTermination(30, TimeUnit.MINUTES)).as("the workers finished").isTrue();
        } finally {
            workers.shutdownNow();
            sampler.shutdownNow();
        }

        List<Run> unfinished = runs.stream().filter(run -> !run.judged).toList();
        unfinished.forEach(run -> findings.add("#" + run.number + " on " + run.target + " (" + run.id + "): " + run.ending));

        // the figures first, from the events on every faultline.* topic read as the auditor, so that a failed check
        // below still leaves them (over the experiments that were judged) in target/load.md
        TopicCensus census = TopicCensus.take(stack.endpoints().watching().kafkaEndpoint());
        List<Run> judged = runs.stream().filter(run -> run.judged).toList();
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Long> notHeld = new TreeMap<>();
        judged.stream().flatMap(run -> census.of(run.id).events().stream()).filter(event -> event.is(VerdictIssued.class))
                .map(event -> event.as(VerdictIssued.class)).forEach(verdict -> {
                    outcomes.merge(verdict.getOutcome() + " (" + verdict.getStopReason() + ")", 1L, Long::sum);
                    verdict.getResults().stream().filter(result -> result.getOutcome() != PredictionOutcome.HELD)
                            .forEach(result -> notHeld.merge(result.getPredictionId() + " " + result.getOutcome(), 1L,
                                    Long::sum));
                });
        LoadFigures load = new LoadFigures(runs.stream().filter(run -> run.id != null)
                .map(run -> timesOf(census.of(run.id))).toList());
        stages = load.stages();
        figures.put("experiments", runs.size() + " proposed on " + IN_FLIGHT + " targets, " + load.completed()
                + " verdicts: " + outcomes.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                .collect(Collectors.joining(", ")));
        figures.put("predictions not held", notHeld.isEmpty() ? "none" : notHeld.entrySet().stream()
                .map(e -> e.getKey() + " in " + e.getValue()).collect(Collectors.joining(", ")));
        figures.put("in flight at once", load.mostInFlight() + " between proposal and verdict; " + load.mostInjecting()
                + " faults on at once");
        figures.put("wall time (first proposal → last verdict)", minutes(load.wallTime()));
        figures.put("experiments per hour", String.format("%.0f", load.experimentsPerHour()));

        assertThat(findings).as("experiments without a verdict").isEmpty();
        assertThat(runs).hasSize(EXPERIMENTS);
        assertThat(load.mostInFlight()).as("experiments in flight at once").isEqualTo(Math.min(IN_FLIGHT, EXPERIMENTS));

        // nothing left on the data plane: no toxic on any proxy, no lease
        DataPlaneAdmin dataplane = new DataPlaneAdmin(stack.endpoints().dataplaneUrl());
        ServiceClient leases = new ServiceClient("data plane", stack.endpoints().dataplaneUrl());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(targets.targets()).allSatisfy(target ->
                    assertThat(dataplane.toxics(target.proxy())).as("toxics on " + target.proxy()).isEmpty());
            assertThat(leases.get("/leases")).as("leases on the data plane").isEmpty();
        });
        figures.put("faults left afterwards", "none: no toxic on the " + IN_FLIGHT + " proxies, no lease on the data plane");

        // the auditor's count: exactly one of each milestone per experiment
        for (Run run : judged) {
            TopicCensus.Count count = census.of(run.id);
            Milestones.assertOnce(run.id, count);
            assertThat(count.evidenceContiguous()).as(run.id + ": evidence batches " + count.evidenceSequences()).isTrue();
        }
        assertThat(census.undecodable()).as("records no reader could decode").isZero();
        figures.put("events checked", "on every faultline.* topic, as the auditor: exactly 1 proposal, draft, plan "
                + "approval, clearance, start, stop and verdict per experiment, evidence batches contiguous, no event id"
                + " twice, no undecodable record");
    }

    /** One worker: experiments on {@code target} one after the other until the run has proposed enough. */
    private void keepOneInFlight(LoadTargets.Target target, AtomicInteger next) {
        int number;
        while ((number = next.incrementAndGet()) <= EXPERIMENTS) {
            Run run = new Run(number, target.service());
            runs.add(run);
            try {
                run.id = driver.proposeOnceDeclared(proposal(target.service()));
                driver.acceptAndClear(run.id);
                VerdictIssued verdict = events.next(run.id, VerdictIssued.class, VERDICT_WITHIN);
                run.ending = verdict.getOutcome() + " (" + verdict.getStopReason() + ")";
                run.judged = true;
                LOG.info("load: #{} {} on {}: {}", number, run.id, target.service(), run.ending);
            } catch (Throwable failure) {
                String id = run.id;
                String blocked = id == null ? "" : events.find(id, PreflightBlocked.class, any -> true)
                        .map(block -> "; preflight blocked: " + block.getSummary()).orElse("");
                run.ending = "FAILED: " + firstLine(failure) + blocked + (id == null ? "" : "; its events: "
                        + events.typesOf(id));
                LOG.error("load: #{} {} on {} failed", number, id, target.service(), failure);
                return; // its experiment may still run: another on the same target would only be refused for it
            }
        }
    }

    private static Map<String, Object> proposal(String service) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("faultType", "NETWORK_BLACKHOLE");
        body.put("dependency", "carrier");
        body.put("environment", "STAGING");
        body.put("reason", "ROUTINE");
        body.put("motivation", "Load: does " + service + " keep quoting the flat rate while its carrier is unreachable?");
        body.put("durationSeconds", FAULT_SECONDS);
        return body;
    }

    private static Times timesOf(TopicCensus.Count count) {
        return new Times(count.firstAt(ExperimentProposed.class), count.firstAt(HypothesisDrafted.class),
                count.firstAt(PlanApproved.class), count.firstAt(PreflightPassed.class, PreflightBlocked.class),
                count.firstAt(PreflightPassed.class), count.firstAt(InjectionStarted.class),
                count.firstAt(InjectionStopped.class), count.firstAt(VerdictIssued.class));
    }

    private void write(Path file) {
        Duration took = suiteStarted == null ? Duration.ZERO : Duration.between(suiteStarted, Instant.now());
        StringBuilder text = new StringBuilder("Load (`scripts/load.sh --experiments " + EXPERIMENTS + " --in-flight "
                + IN_FLIGHT + " --fault-seconds " + FAULT_SECONDS + "`), " + Instant.now() + ": " + EXPERIMENTS + " experiments of " + FAULT_SECONDS
                + " s of fault (NETWORK_BLACKHOLE on a quote service's carrier link, template quotes-dependency-unreachable),"
                + " " + IN_FLIGHT + " in flight on " + IN_FLIGHT + " targets; " + stackUp + ", " + took.toMinutes()
                + " min " + took.toSecondsPart() + " s in all; load average (1 min) during the run "
                + describeLoad() + ", at the end " + loadAverageLine() + ". Times are the events' own `occurredAt`.\n\n");
        text.append("| figure | value |\n|---|---|\n");
        figures.forEach((name, value) -> text.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n"));
        if (!stages.isEmpty()) {
            text.append("\n| stage | events | experiments | p50 | p99 | max |\n|---|---|---|---|---|---|\n");
            stages.forEach((stage, p) -> text.append("| ").append(stage.label).append(" | ").append(stage.events)
                    .append(" | ").append(p.count()).append(" | ").append(seconds(p.p50())).append(" | ")
                    .append(seconds(p.p99())).append(" | ").append(seconds(p.max())).append(" |\n"));
        }
        if (!findings.isEmpty()) {
            text.append("\nNot judged:\n");
            findings.forEach(finding -> text.append("- ").append(cell(finding)).append('\n'));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        LOG.info("load figures:\n{}", text);
    }

    private String describeLoad() {
        if (loadSamples.isEmpty()) {
            return "not sampled";
        }
        double mean = loadSamples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double max = loadSamples.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format("mean %.1f, max %.1f (%d samples, every 5 s)", mean, max, loadSamples.size());
    }

    private static String seconds(Duration duration) {
        return String.format("%.2f s", duration.toMillis() / 1000.0);
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String firstLine(Throwable failure) {
        if (failure instanceof org.awaitility.core.ConditionTimeoutException && failure.getCause() != null) {
            return "timed out: " + firstLine(failure.getCause());
        }
        String message = String.valueOf(failure.getMessage()).strip();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return failure.getClass().getSimpleName() + " " + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }

    private static double loadAverage1m() {
        String line = loadAverageLine();
        return line.equals("unknown") ? Double.NaN : Double.parseDouble(line.split(" ")[0]);
    }

    private static String loadAverageLine() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
