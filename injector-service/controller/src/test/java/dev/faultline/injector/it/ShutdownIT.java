package dev.faultline.injector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.agent.support.ProcFs;
import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.devstack.support.FreePorts;
import dev.faultline.injector.Fixtures;
import dev.faultline.injector.fault.record.RecordWriter;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.TargetKind;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * injector-service as its own JVM, stopped during an injection. SIGTERM with a one-minute lease: the fault is gone
 * within seconds, so the shutdown hook removed it. SIGKILL: the 3 s lease removes it, and the restarted service
 * reports the injection LOST — on the data plane (an L4 toxic, an L7 rule), on a host's agent (a paused process
 * running again, a disk fault's files gone), and for malformed records (the writer dies with the process: no record
 * after the kill).
 */
@ExtendWith(DevStackExtension.class)
class ShutdownIT {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownIT.class);
    /** A controller JVM's start, to healthy: ~20 s here, 54 s once on a starved CI machine. */
    private static final Duration STARTUP = Duration.ofSeconds(120);

    @Test
    void shouldRemoveTheFaultOnSigterm(DevStack stack) throws Exception {
        String suffix = "sig" + UUID.randomUUID().toString().substring(0, 8);
        String exp = "exp-sigterm-" + suffix;
        int port = FreePorts.next();
        Path log = Files.createTempFile("injector-" + suffix, ".log");
        try (TestTarget target = new TestTarget("pricing");
             EventPublisher publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "it"))) {
            Map<String, Object> props = InjectorProperties.of(stack, target, suffix);
            props.put("micronaut.server.port", port);
            props.put("faultline.injector.lease-ttl-millis", 60_000);
            props.put("faultline.injector.before-millis", 300);
            props.put("faultline.injector.instance.id", "injector-" + suffix); // the same after the restart
            Process service = start(props, log.toFile());
            try {
                await().atMost(STARTUP).ignoreExceptions().until(() -> health(port));
                inject(publisher, target, exp, InjectorProperties.keys(suffix));
                await().atMost(Duration.ofSeconds(60)).until(() -> target.toxics().contains("injector:"));

                service.destroy(); // SIGTERM
                // the hook removes the toxic, then releases its lease: both are gone long before the 60 s lease would lapse
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> target.toxics().equals("[]") && !target.leases().contains("injector:"));
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                service.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * kill -9 of the controller mid-fault, for each family on the data plane: an L4 toxic on {@code pricing} and an L7
     * rule on {@code pricing-http}. Nothing runs in the dead process; the 3 s lease removes the fault, and the
     * restarted controller reports the injection LOST with the removal verified.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FaultType.class, names = {"NETWORK_BLACKHOLE", "HTTP_ERROR_STATUS"})
    void shouldLeaveNoFaultWhenKilledAndReportTheInjectionLostOnRestart(FaultType type, DevStack stack) throws Exception {
        String suffix = "kill" + UUID.randomUUID().toString().substring(0, 8);
        String exp = "exp-sigkill-" + suffix;
        Path log = Files.createTempFile("injector-" + suffix, ".log");
        try (TestTarget target = new TestTarget("pricing");
             EventTap tap = new EventTap(stack, List.of(dev.faultline.schemas.topics.Topics.Names.INJECTIONS));
             EventPublisher publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "it"))) {
            Supplier<String> faults = type == FaultType.NETWORK_BLACKHOLE ? target::toxics : target::rules;
            Map<String, Object> props = InjectorProperties.of(stack, target, suffix);
            props.put("micronaut.server.port", FreePorts.next());
            props.put("faultline.injector.before-millis", 300);
            props.put("faultline.injector.instance.id", "injector-" + suffix); // the same after the restart
            Process service = start(props, log.toFile());
            try {
                await().atMost(STARTUP).ignoreExceptions().until(() -> health((Integer) props.get("micronaut.server.port")));
                inject(publisher, target, exp, InjectorProperties.keys(suffix), type);
                await().atMost(Duration.ofSeconds(60)).until(() -> !tap.of(exp, InjectionStarted.class).isEmpty());
                assertThat(faults.get()).contains("injector:");

                service.destroyForcibly(); // SIGKILL: no hook runs; the 3 s lease must expire the fault
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
                await().atMost(Duration.ofSeconds(8)).until(() -> faults.get().equals("[]"));
                assertThat(target.leases()).doesNotContain("injector:");
            } finally {
                service.destroyForcibly();
            }
            props.put("micronaut.server.port", FreePorts.next());
            Process restarted = start(props, log.toFile());
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> !tap.of(exp, InjectionStopped.class).isEmpty());
                InjectionStopped lost = tap.of(exp, InjectionStopped.class).get(0);
                assertThat(lost.getReason()).isEqualTo(StopReason.LOST);
                assertThat(lost.getRollbackVerified()).isTrue();
                assertThat(lost.getInjectionId()).isEqualTo(tap.of(exp, InjectionStarted.class).get(0).getInjectionId());
            } finally {
                restarted.destroy();
                restarted.waitFor(30, TimeUnit.SECONDS);
                restarted.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void shouldLeaveNoHostFaultWhenKilledAndReportTheInjectionsLostOnRestart(DevStack stack) throws Exception {
        String suffix = "hkill" + UUID.randomUUID().toString().substring(0, 8);
        String pause = "exp-sigkill-pause-" + suffix;
        String disk = "exp-sigkill-disk-" + suffix;
        Path work = Files.createTempDirectory("injector-host-kill-");
        Path fill = Files.createDirectories(work.resolve("fill"));
        Path log = work.resolve("injector.log");
        try (TestTarget target = new TestTarget("pricing");
             PricingProcess pricing = PricingProcess.start(work.resolve("pricing.log"));
             HostAgent agent = HostAgent.start(work, "shutdown-it-agent-token-" + suffix, InjectorProperties.keys(suffix),
                     List.of(pricing.pattern()), List.of(fill.toString()));
             EventTap tap = new EventTap(stack, List.of(dev.faultline.schemas.topics.Topics.Names.INJECTIONS));
             EventPublisher publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "it"))) {
            HostTargets targets = new HostTargets(publisher, "shutdown-it-" + suffix);
            targets.declare("shop-" + suffix, agent.url().toString(), null);
            targets.declare("pricing-" + suffix, agent.url().toString(), pricing.pattern());
            Map<String, Object> props = InjectorProperties.of(stack, target, suffix);
            props.put("micronaut.server.port", FreePorts.next());
            props.put("faultline.injector.before-millis", 300);
            props.put("faultline.injector.instance.id", "injector-" + suffix); // the same after the restart
            props.put("faultline.injector.agent-token", agent.token());
            long pid = pricing.pid().orElseThrow();
            Process service = start(props, log.toFile());
            try {
                await().atMost(STARTUP).ignoreExceptions().until(() -> health((Integer) props.get("micronaut.server.port")));
                injectOnHost(publisher, pause, "shop-" + suffix, "pricing-" + suffix, FaultType.PROCESS_PAUSE, Map.of(), suffix);
                injectOnHost(publisher, disk, "shop-" + suffix, null, FaultType.DISK_EXHAUSTION,
                        Map.of("directory", fill.toString(), "megabytes", "8"), suffix);
                await().atMost(Duration.ofSeconds(60)).until(() -> !tap.of(pause, InjectionStarted.class).isEmpty()
                        && !tap.of(disk, InjectionStarted.class).isEmpty());
                assertThat(ProcFs.state(pid)).contains('T');
                assertThat(agent.client().faults()).hasSize(2);

                service.destroyForcibly(); // SIGKILL: no hook runs; the agent's 3 s leases must remove both faults
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
                long killed = System.nanoTime();
                await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(50)).until(() -> agent.client().faults().isEmpty());
                LOG.info("injector killed: the agent's leases removed both host faults {} ms later",
                        (System.nanoTime() - killed) / 1_000_000);
                assertThat(ProcFs.state(pid)).as("continued").isPresent().get().isNotEqualTo('T');
                assertThat(pricing.answers(Duration.ofSeconds(2))).isTrue();
                try (var files = Files.list(fill)) {
                    assertThat(files).as("the disk fault's files").isEmpty();
                }
                assertThat(agent.log()).contains("expired");
            } finally {
                service.destroyForcibly();
            }
            props.put("micronaut.server.port", FreePorts.next());
            Process restarted = start(props, log.toFile());
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> !tap.of(pause, InjectionStopped.class).isEmpty()
                        && !tap.of(disk, InjectionStopped.class).isEmpty());
                for (String exp : List.of(pause, disk)) {
                    InjectionStopped lost = tap.of(exp, InjectionStopped.class).get(0);
                    LOG.info("restarted injector: {} {} ({})", exp, lost.getReason(), lost.getDetail());
                    assertThat(lost.getReason()).isEqualTo(StopReason.LOST);
                    assertThat(lost.getRollbackVerified()).as(lost.getDetail()).isTrue();
                    assertThat(lost.getDetail()).contains("had no faults left (its leases had expired them)");
                    assertThat(lost.getInjectionId()).isEqualTo(tap.of(exp, InjectionStarted.class).get(0).getInjectionId());
                }
            } finally {
                restarted.destroy();
                restarted.waitFor(30, TimeUnit.SECONDS);
                restarted.destroyForcibly();
                targets.removeAll();
            }
        }
    }

    /**
     * kill -9 of the controller while it writes malformed records: the writer lives in the controller's process, so
     * nothing is written once it is dead (the topic, read for several seconds after, gains no record of the
     * experiment, and every record of it is older than the kill); the restarted controller reports the injection LOST.
     */
    @Test
    void shouldWriteNoRecordOnceKilledMidRecordFaultAndReportTheInjectionLostOnRestart(DevStack stack) throws Exception {
        String suffix = "rkill" + UUID.randomUUID().toString().substring(0, 8);
        String exp = "exp-sigkill-records-" + suffix;
        String topic = "shutdown-it.orders-" + suffix;
        Path log = Files.createTempFile("injector-" + suffix, ".log");
        try (TestTarget target = new TestTarget("pricing");
             Admin admin = Admin.create(stack.kafkaClientProperties());
             EventTap tap = new EventTap(stack, List.of(dev.faultline.schemas.topics.Topics.Names.INJECTIONS));
             EventPublisher publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "it"))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Map<String, Object> props = InjectorProperties.of(stack, target, suffix);
            props.put("micronaut.server.port", FreePorts.next());
            props.put("faultline.injector.before-millis", 300);
            props.put("faultline.injector.instance.id", "injector-" + suffix); // the same after the restart
            Process service = start(props, log.toFile());
            long killedAt;
            try {
                await().atMost(STARTUP).ignoreExceptions().until(() -> health((Integer) props.get("micronaut.server.port")));
                FaultSpec records = Fixtures.fault(FaultType.MALFORMED_RECORD, FaultDirection.BOTH, 60_000,
                        Map.of("ratePerSecond", "20", "kinds", "garbage,null-key"));
                records.getTarget().setKind(TargetKind.TOPIC);
                records.getTarget().setDependency(null);
                records.getTarget().setTopic(topic);
                publishCleared(publisher, exp, Fixtures.hypothesis(records, List.of(), List.of()), InjectorProperties.keys(suffix));
                await().atMost(Duration.ofSeconds(60)).until(() -> !tap.of(exp, InjectionStarted.class).isEmpty());
                await().atMost(Duration.ofSeconds(10)).until(() -> recordsOf(stack, topic, exp).size() >= 10);

                service.destroyForcibly(); // SIGKILL: the writer dies with the process
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
                killedAt = System.currentTimeMillis();
            } finally {
                service.destroyForcibly();
            }
            int written = recordsOf(stack, topic, exp).size();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> recordsOf(stack, topic, exp).size() == written);
            assertThat(recordsOf(stack, topic, exp)).as("every record of the experiment was written before the kill")
                    .allSatisfy(record -> assertThat(record.timestamp()).isLessThanOrEqualTo(killedAt));
            LOG.info("injector killed mid record fault: {} records written before, none after", written);
            props.put("micronaut.server.port", FreePorts.next());
            Process restarted = start(props, log.toFile());
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> !tap.of(exp, InjectionStopped.class).isEmpty());
                InjectionStopped lost = tap.of(exp, InjectionStopped.class).get(0);
                assertThat(lost.getReason()).isEqualTo(StopReason.LOST);
                assertThat(lost.getRollbackVerified()).as(lost.getDetail()).isTrue();
            } finally {
                restarted.destroy();
                restarted.waitFor(30, TimeUnit.SECONDS);
                restarted.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The records on {@code topic} carrying the experiment header {@code experimentId}, read from the beginning. */
    private static List<ConsumerRecord<byte[], byte[]>> recordsOf(DevStack stack, String topic, String experimentId) {
        Map<String, Object> config = stack.kafkaClientProperties(Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header header = record.headers().lastHeader(RecordWriter.EXPERIMENT_HEADER);
                    if (header != null && experimentId.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static void publishCleared(EventPublisher publisher, String exp, Hypothesis hypothesis, ClearanceKeyPair keys) {
        publisher.publish(HypothesisDrafted.newBuilder().setHeader(EventHeaders.first(exp, Actors.service("h"), Clock.systemUTC()))
                .setRevision(1).setHypothesis(hypothesis).setChangeSummary(null).setWarnings(List.of()).build());
        publisher.publish(PlanApproved.newBuilder().setHeader(EventHeaders.first(exp, Actors.service("h"), Clock.systemUTC()))
                .setRevision(1).setReviewers(List.of()).build());
        publisher.publish(Fixtures.signedPreflight(exp, 1, keys));
    }

    private static void injectOnHost(EventPublisher publisher, String exp, String service, String dependency, FaultType type,
                                     Map<String, String> parameters, String suffix) {
        FaultSpec fault = Fixtures.fault(type, FaultDirection.BOTH, 60_000, parameters);
        fault.getTarget().setService(service);
        fault.getTarget().setKind(dependency == null ? TargetKind.HOST : TargetKind.DEPENDENCY_LINK);
        fault.getTarget().setDependency(dependency);
        Hypothesis hypothesis = Fixtures.hypothesis(fault, List.of(), List.of());
        publisher.publish(HypothesisDrafted.newBuilder().setHeader(EventHeaders.first(exp, Actors.service("h"), Clock.systemUTC()))
                .setRevision(1).setHypothesis(hypothesis).setChangeSummary(null).setWarnings(List.of()).build());
        publisher.publish(PlanApproved.newBuilder().setHeader(EventHeaders.first(exp, Actors.service("h"), Clock.systemUTC()))
                .setRevision(1).setReviewers(List.of()).build());
        publisher.publish(Fixtures.signedPreflight(exp, 1, InjectorProperties.keys(suffix)));
    }

    private static void inject(EventPublisher publisher, TestTarget target, String exp, ClearanceKeyPair keys) {
        inject(publisher, target, exp, keys, FaultType.NETWORK_BLACKHOLE);
    }

    private static void inject(EventPublisher publisher, TestTarget target, String exp, ClearanceKeyPair keys, FaultType type) {
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.fault(type, FaultDirection.UPSTREAM, 60_000, Map.of()),
                List.of(Fixtures.probe("product-reads", type == FaultType.NETWORK_BLACKHOLE ? target.url("/products/sku-1")
                        : target.httpUrl("/products/sku-1"), 200, 400)), List.of());
        publisher.publish(HypothesisDrafted.newBuilder().setHeader(EventHeaders.first(exp, Actors.service("h"), Clock.systemUTC()))
                .setRevision(1).setHypothesis(hypothesis).setChangeSummary(null).setWarnings(List.of()).build());
        publisher.publish(PlanApproved.newBuilder().setHeader(EventHeaders.first(exp, Actors.service("h"), Clock.systemUTC()))
                .setRevision(1).setReviewers(List.of()).build());
        publisher.publish(Fixtures.signedPreflight(exp, 1, keys));
    }

    private static Process start(Map<String, Object> props, File log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")); // as the stack runs it
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.faultline.injector.InjectorApplication");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static boolean health(int port) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200;
    }
}
