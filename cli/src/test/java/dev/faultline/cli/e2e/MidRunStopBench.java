package dev.faultline.cli.e2e;

import static org.awaitility.Awaitility.await;

import dev.faultline.cli.demo.ExampleExperiment;
import dev.faultline.cli.http.Endpoints;
import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.cli.stack.DataPlaneAdmin;
import dev.faultline.cli.stack.LocalStack;
import dev.faultline.cli.stack.StackOptions;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.avro.IncidentSeverity;
import dev.faultline.schemas.avro.IncidentStatus;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.serde.FaultlineSerdes;
import dev.faultline.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Time from a freeze (or an incident, or an operator's halt) published while an experiment injects to its fault
 * removed, on the whole local stack (`scripts/bench-midrun-stop.sh`): each trial runs the example experiment (storefront → pricing blackhole,
 * STAGING, 60 s) until its toxic is on the data plane, then publishes a FREEZE of the storefront on faultline.calendar
 * (or opens an incident on its dependency pricing on faultline.incidents) as another tool would, and polls the data
 * plane's toxics every 5 ms until the fault is gone: publish → safety-service's HaltRequested → the injector's halt →
 * removal. The freeze is cancelled (the incident resolved) before the next trial. A third case is an operator halting
 * the run over HTTP with their token (`POST /halts` → HaltRequested → removal; the halt lifted afterwards). Prints
 * p50/p99/max per case.
 */
public final class MidRunStopBench {

    private static final Duration RUN = Duration.ofSeconds(120);

    private final EventLog events;
    private final E2EDriver driver;
    private final DataPlaneAdmin dataplane;
    private final KafkaProducer<String, SpecificRecord> producer;

    private MidRunStopBench(LocalStack stack) {
        Endpoints services = stack.endpoints().services();
        this.events = new EventLog(services.kafkaEndpoint());
        this.driver = new E2EDriver(stack, events);
        this.dataplane = new DataPlaneAdmin(stack.endpoints().dataplaneUrl());
        // the freeze and the incident come from another tool, with the outside tools' principal
        KafkaEndpoint tool = KafkaEndpoint.of(services.kafka(), services.registry(),
                stack.endpoints().kafkaClientFile(KafkaPrincipal.TOOL).toString());
        Map<String, Object> props = new HashMap<>(tool.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(props, new StringSerializer(),
                FaultlineSerdes.anyEvent(tool.clientProperties()).serializer());
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (LocalStack stack = LocalStack.start(StackOptions.freePorts(), line -> { })) {
            MidRunStopBench bench = new MidRunStopBench(stack);
            Stop freeze = bench.published(bench::freeze, bench::unfreeze);
            Stop incident = bench.published(bench::openIncident, bench::resolveIncident);
            Stop halt = bench.operatorHalt();
            // one untimed run per case first: the first of each warms its path (and signs the operator in)
            bench.trial("warm-up freeze", freeze);
            bench.trial("warm-up incident", incident);
            bench.trial("warm-up halt", halt);
            List<Long> freezes = bench.trials(trials, "freeze", freeze);
            List<Long> incidents = bench.trials(trials, "incident", incident);
            List<Long> halts = bench.trials(trials, "operator halt", halt);
            System.out.printf("%nmid-run stop: published → fault removed from the data plane (ms), %d trials each%n", trials);
            System.out.printf("%-36s %6s %6s %6s%n", "case", "p50", "p99", "max");
            print("freeze on storefront published", freezes);
            print("incident opened on pricing", incidents);
            print("operator's POST /halts (dave's token)", halts);
            bench.close();
        }
    }

    /**
     * What stops a run mid-way, the reason its InjectionStopped must give, and how it is undone before the next trial.
     */
    private record Stop(Action apply, Action undo, String expectedDetail) {
    }

    @FunctionalInterface
    private interface Action {
        void run(String experimentId, String key) throws Exception;
    }

    /** An event another tool publishes (a freeze, an incident), and its undoing (cancelled, resolved). */
    private Stop published(Function<String, SpecificRecord> stop, Function<String, SpecificRecord> undo) {
        return new Stop((id, key) -> publish(key, stop.apply(key)), (id, key) -> publish(key, undo.apply(key)),
                "safety envelope");
    }

    /** An operator halting the experiment over HTTP with their token, and lifting the halt afterwards. */
    private Stop operatorHalt() {
        Map<String, String> haltIds = new ConcurrentHashMap<>();
        return new Stop((id, key) -> haltIds.put(key, driver.as(ExampleExperiment.OPERATOR).safetyService()
                .post("/halts", Map.of("scope", "EXPERIMENT", "experimentId", id, "reason", "bench " + key))
                .path("haltId").asText()),
                (id, key) -> driver.as(ExampleExperiment.OPERATOR).safetyService()
                        .delete("/halts/" + haltIds.remove(key) + "?reason=bench-done"),
                "bench ");
    }

    private void publish(String key, SpecificRecord event) throws Exception {
        producer.send(new ProducerRecord<>(topicOf(event), key, event)).get();
    }

    private List<Long> trials(int trials, String name, Stop stop) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i <= trials; i++) {
            millis.add(trial(name + " " + i + "/" + trials, stop));
        }
        return millis;
    }

    /** One experiment until its fault is applied, the stop applied, the time until the fault is gone. */
    private long trial(String name, Stop stop) throws Exception {
        String id = driver.propose(ExampleExperiment.proposal("STAGING", 60, null));
        driver.acceptAndClear(id);
        events.next(id, InjectionStarted.class, RUN);
        await().atMost(RUN).pollInterval(Duration.ofMillis(20)).until(() -> !dataplane.toxics("pricing").isEmpty());

        String key = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        stop.apply().run(id, key);
        await().atMost(RUN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> dataplane.toxics("pricing").isEmpty());
        long removedMillis = (System.nanoTime() - started) / 1_000_000;

        InjectionStopped stopped = events.next(id, InjectionStopped.class, RUN);
        if (stopped.getReason() != StopReason.HALTED || !stopped.getDetail().contains(stop.expectedDetail())) {
            throw new IllegalStateException(id + " stopped " + stopped.getReason() + ": " + stopped.getDetail());
        }
        stop.undo().run(id, key);
        System.out.printf("%-20s %s: fault removed %d ms after the stop (%s)%n", name, id, removedMillis,
                stopped.getDetail().replaceAll(";.*", ""));
        return removedMillis;
    }

    private static String topicOf(SpecificRecord event) {
        return Topics.forValueType(event.getClass()).name();
    }

    private SpecificRecord freeze(String key) {
        return calendarEntry(key, false);
    }

    private SpecificRecord unfreeze(String key) {
        return calendarEntry(key, true);
    }

    private SpecificRecord openIncident(String key) {
        return incident(key, IncidentStatus.OPEN);
    }

    private SpecificRecord resolveIncident(String key) {
        return incident(key, IncidentStatus.RESOLVED);
    }

    private static CalendarEntryPublished calendarEntry(String key, boolean cancelled) {
        Instant now = Instant.now();
        return CalendarEntryPublished.newBuilder().setHeader(header()).setEntryId(key).setKind(CalendarEntryKind.FREEZE)
                .setEnvironment(Environment.STAGING).setServices(List.of("storefront")).setStartsAt(now.minusSeconds(1))
                .setEndsAt(now.plusSeconds(3600)).setTitle("bench freeze").setPerson(null).setSource("bench")
                .setCancelled(cancelled).build();
    }

    private static IncidentRecorded incident(String key, IncidentStatus status) {
        return IncidentRecorded.newBuilder().setHeader(header()).setIncidentId(key).setTitle("pricing times out")
                .setSeverity(IncidentSeverity.HIGH).setStatus(status).setEnvironment(Environment.STAGING)
                .setServices(List.of("pricing")).setStartedAt(Instant.now())
                .setResolvedAt(status == IncidentStatus.RESOLVED ? Instant.now() : null).build();
    }

    private static EventHeader header() {
        return EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId("").setOccurredAt(Instant.now())
                .setActor(Actor.newBuilder().setKind(ActorKind.TOOL).setId("bench").build()).setCausationId(null)
                .setTraceparent(null).setTracestate(null).build();
    }

    private static void print(String name, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%-36s %6d %6d %6d%n", name, percentile(sorted, 50), percentile(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    /** Nearest rank. */
    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private void close() throws InterruptedException {
        producer.close();
        events.close();
    }
}
