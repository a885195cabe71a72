package dev.faultline.analysis.bench;

import static org.awaitility.Awaitility.await;

import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.analysis.verdict.VerdictRecords;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.support.WorkDirs;
import dev.faultline.kit.metrics.EventMetrics;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.serde.FaultlineAvroSerializer;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Evidence ingest throughput: probe samples per second from the injector's {@code EvidenceCaptured} events to
 * analysis-service's store. A real devstack (Kafka, registry, Cassandra) and a real analysis-service context;
 * {@code experiments} injections run at once, each with its hypothesis and {@code InjectionStarted} recorded first,
 * then {@code batches} batches of {@code samples} samples each ({@link InjectorLoad}: what the injector publishes,
 * one batch per second of probing), interleaved as concurrent injections publish them, then each injection's stop.
 * The events are sent pipelined from one thread (acks=all, idempotent, as the injector's producer).
 * <ul>
 *   <li><b>backlog</b> (the figure): analysis-service's listener is paused while the events are sent, then resumed;
 *   the time runs from the resume to the moment it has stored the last batch (its {@code faultline_events_handled}
 *   count for faultline.evidence) — its capacity, as when it catches up after a restart or rebuilds from offset
 *   zero, without the one test thread that sends on the same two cores;</li>
 *   <li><b>live</b>: another set of injections sent while it consumes; the time runs from the first batch sent to the
 *   last one stored, so it cannot beat the sending rate, which is printed beside it.</li>
 * </ul>
 * Each phase also waits for every injection's verdict, and prints the CPU time spent until the last batch was stored
 * ({@link CpuClock}; in the live phase it includes sending). Run by {@code scripts/bench-evidence.sh}.
 */
public final class EvidenceIngestBench {

    private final MeterRegistry meters;
    private final VerdictRecords verdicts;
    private final ConsumerRegistry consumers;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final int samples;

    private EvidenceIngestBench(ApplicationContext analysis, KafkaProducer<String, SpecificRecord> producer, int samples) {
        this.meters = analysis.getBean(MeterRegistry.class);
        this.verdicts = analysis.getBean(VerdictRecords.class);
        this.consumers = analysis.getBean(ConsumerRegistry.class);
        this.producer = producer;
        this.samples = samples;
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the context's threads must not keep a failed run alive
        }
    }

    private static void run(String[] args) throws Exception {
        int experiments = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 1200;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : InjectorLoad.SAMPLES_PER_SECOND;
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (DevStack stack = DevStack.start(WorkDirs.fresh("faultline-bench-"))) {
            Map<String, Object> props = ServiceProperties.forDevStack(stack, "bench_" + run);
            props.put("faultline.analysis.group-id", "bench-" + run);
            try (ApplicationContext analysis = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
                 KafkaProducer<String, SpecificRecord> producer = producer(stack)) {
                EvidenceIngestBench bench = new EvidenceIngestBench(analysis, producer, samples);
                Instant t0 = Instant.now();
                // warm the producer, the registry subjects, the listener and a verdict, untimed
                bench.phase(List.of(new InjectorLoad("exp-bench-" + run + "-warm", 50, t0)), false);
                System.out.printf("evidence ingest: %d experiments × %d batches × %d samples = %,d samples a phase%n",
                        experiments, batches, samples, (long) experiments * batches * samples);
                bench.phase(loads(run + "-backlog", experiments, batches, t0), true);
                bench.phase(loads(run + "-live", experiments, batches, t0), false);
                System.out.printf("  stored batches of one experiment read back: %d%n", analysis
                        .getBean(EvidenceRecords.class).evidence("exp-bench-" + run + "-backlog-0").size());
            }
        }
    }

    private static List<InjectorLoad> loads(String name, int experiments, int batches, Instant t0) {
        List<InjectorLoad> loads = new ArrayList<>();
        for (int e = 0; e < experiments; e++) {
            loads.add(new InjectorLoad("exp-bench-" + name + "-" + e, batches, t0));
        }
        return loads;
    }

    /** Sends the loads' events (with the listener paused while sending when {@code backlog}) and times their storing. */
    private void phase(List<InjectorLoad> loads, boolean backlog) {
        long injectionsBefore = handled(Topics.Names.INJECTIONS);
        loads.forEach(load -> send(load, load.hypothesis(), load.started()));
        await().atMost(Duration.ofSeconds(120)).alias("injections started")
                .until(() -> handled(Topics.Names.INJECTIONS) >= injectionsBefore + loads.size());
        long before = handled(Topics.Names.EVIDENCE);
        if (backlog) {
            consumers.getConsumerIds().forEach(consumers::pause);
            await().atMost(Duration.ofSeconds(30)).alias("listener paused")
                    .until(() -> consumers.getConsumerIds().stream().allMatch(consumers::isPaused));
        }
        int batches = loads.get(0).batches;
        CpuClock cpu = CpuClock.now();
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            for (InjectorLoad load : loads) {
                send(load, load.batch(b, samples));
            }
        }
        loads.forEach(load -> send(load, load.stopped()));
        producer.flush();
        double sent = seconds(start);
        if (backlog) {
            cpu = CpuClock.now();
            start = System.nanoTime();
            consumers.getConsumerIds().forEach(consumers::resume);
        }
        long total = (long) loads.size() * batches;
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(25)).alias(total + " batches stored")
                .until(() -> handled(Topics.Names.EVIDENCE) >= before + total);
        double stored = seconds(start);
        CpuClock spent = CpuClock.now().since(cpu);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).alias(loads.size() + " verdicts issued")
                .until(() -> loads.stream().allMatch(l -> verdicts.find(l.experimentId, l.injectionId).isPresent()));
        double judged = seconds(start);
        long totalSamples = total * samples;
        if (loads.size() > 1) {
            System.out.printf("  %-8s sent in %.2f s (%,.0f samples/s); stored by analysis-service in %.2f s%s:"
                    + " %,.0f samples/s, %,.0f batches/s; all %d verdicts after %.2f s%n", backlog ? "backlog" : "live",
                    sent, totalSamples / sent, stored, backlog ? " after the resume" : " from the first send",
                    totalSamples / stored, total / stored, loads.size(), judged);
            System.out.printf("  %-8s until stored: %s%n", "", spent.describe(totalSamples));
        }
    }

    private static KafkaProducer<String, SpecificRecord> producer(DevStack stack) {
        Map<String, Object> props = stack.kafkaClientProperties(Map.of(FaultlineSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5));
        FaultlineAvroSerializer<SpecificRecord> values = new FaultlineAvroSerializer<>();
        values.configure(props, false);
        return new KafkaProducer<>(props, new StringSerializer(), values);
    }

    private void send(InjectorLoad load, SpecificRecord... events) {
        for (SpecificRecord event : events) {
            producer.send(new ProducerRecord<>(Topics.forValueType(event.getClass()).name(), load.experimentId, event));
        }
    }

    private long handled(String topic) {
        return meters.find(EventMetrics.HANDLED).tag("topic", topic).timers().stream().mapToLong(Timer::count).sum();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
