package dev.faultline.analysis;

import static dev.faultline.analysis.fixtures.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.analysis.evidence.EndOffsets;
import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.analysis.fixtures.VerdictTap;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.testing.EventTap;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.DeadLetter;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictOutcome;
import dev.faultline.schemas.serde.FaultlineAvroSerializer;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * analysis-service takes its input a poll at a time. An injection's events published while its listener is paused
 * arrive together, with an unreadable record and a tombstone among the evidence batches: those two are dead-lettered
 * once each, every other batch is stored, the verdict is issued once, and the poll's offsets are committed.
 */
@ExtendWith(DevStackExtension.class)
class AnalysisPollIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String EXP = "exp-poll-" + RUN;
    private static final UUID INJ = UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldDeadLetterTheUnreadableRecordsOfAPollOnceAndStoreAndJudgeTheOthers(DevStack stack) throws Exception {
        String group = "analysis-poll-" + RUN;
        Map<String, Object> props = ServiceProperties.forDevStack(stack, "analysis_poll_" + RUN);
        props.put("faultline.analysis.group-id", group);
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
             VerdictTap verdicts = new VerdictTap(stack);
             EventTap dlq = new EventTap(stack, List.of(Topics.DEAD_LETTERS));
             KafkaProducer<String, SpecificRecord> events = producer(stack);
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(stack.kafkaClientProperties(), new StringSerializer(), new ByteArraySerializer())) {
            ConsumerRegistry consumers = context.getBean(ConsumerRegistry.class);
            // micronaut-kafka throws, rather than answering empty, for a consumer not assigned yet
            await().atMost(WAIT).ignoreException(IllegalArgumentException.class).until(() -> consumers.getConsumerIds()
                    .stream().allMatch(id -> !consumers.getConsumerAssignment(id).isEmpty()));
            consumers.getConsumerIds().forEach(consumers::pause);
            await().atMost(WAIT).until(() -> consumers.getConsumerIds().stream().allMatch(consumers::isPaused));

            List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(EXP, INJ);
            send(events, Fixtures.drafted(EXP, 1, Fixtures.hypothesis(Fixtures.examplePredictions())));
            send(events, Fixtures.started(EXP, INJ, 1, T0, Instant.now().plusSeconds(600)));
            evidence.subList(0, 20).forEach(b -> send(events, b));
            events.flush();
            raw.send(new ProducerRecord<>(Topics.Names.EVIDENCE, EXP, new byte[] {0, 0, 0, 0, 1, 42})).get();
            raw.send(new ProducerRecord<>(Topics.Names.EVIDENCE, EXP, null)).get();
            evidence.subList(20, evidence.size()).forEach(b -> send(events, b));
            send(events, Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));
            events.flush();
            consumers.getConsumerIds().forEach(consumers::resume);

            await().atMost(WAIT).until(() -> verdicts.verdicts(EXP).size() == 1);
            assertThat(verdicts.verdicts(EXP).get(0).getOutcome()).isEqualTo(VerdictOutcome.PARTIALLY_HELD);
            assertThat(verdicts.verdicts(EXP).get(0).getSampleCount()).isEqualTo(evidence.size() * 7L);
            assertThat(get(context, "/experiments/" + EXP + "/evidence"))
                    .contains("\"sampleCount\":266", "\"sequence\":37");
            await().atMost(WAIT).until(() -> dlq.events(DeadLetter.class, EXP).size() == 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> dlq.events(DeadLetter.class, EXP).size() == 2 && verdicts.verdicts(EXP).size() == 1);
            assertThat(dlq.events(DeadLetter.class, EXP)).extracting(DeadLetter::getReason)
                    .anySatisfy(r -> assertThat(r).startsWith("unreadable record"))
                    .anySatisfy(r -> assertThat(r).contains("tombstone"));
            assertThat(dlq.events(DeadLetter.class, EXP)).allSatisfy(l ->
                    assertThat(l.getSourceTopic()).isEqualTo(Topics.Names.EVIDENCE));
            KafkaSettings kafka = ServiceProperties.kafkaSettings(stack, "test");
            await().atMost(WAIT).untilAsserted(() -> assertThat(EndOffsets.unread(kafka,
                    List.of(Topics.HYPOTHESES, Topics.INJECTIONS, Topics.EVIDENCE), group))
                    .as("the poll's offsets are committed").isEmpty());
        }
    }

    private static KafkaProducer<String, SpecificRecord> producer(DevStack stack) {
        Map<String, Object> props = stack.kafkaClientProperties(Map.of(FaultlineSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(), ProducerConfig.ACKS_CONFIG, "all"));
        FaultlineAvroSerializer<SpecificRecord> values = new FaultlineAvroSerializer<>();
        values.configure(props, false);
        return new KafkaProducer<>(props, new StringSerializer(), values);
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, SpecificRecord event) {
        producer.send(new ProducerRecord<>(Topics.forValueType(event.getClass()).name(), EXP, event));
    }

    private static String get(ApplicationContext context, String path) throws Exception {
        String url = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + path;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("authorization", "Bearer " + DevStack.shared().issuer().token("erin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " → " + response.body()).isEqualTo(200);
        return response.body();
    }
}
