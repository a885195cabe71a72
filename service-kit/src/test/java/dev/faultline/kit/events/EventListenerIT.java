package dev.faultline.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.schemas.avro.DeadLetter;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProposalReason;
import dev.faultline.schemas.serde.FaultlineAvroDeserializer;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.topics.Topics;
import dev.faultline.kit.testing.ServiceProperties;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kit's event I/O through micronaut-kafka against a real broker and registry: unreadable, invalid and failing
 * records go to the DLQ with their reasons, a failing one after three attempts, and the listener keeps going; a
 * restarted listener in the same group does not handle committed records again.
 */
@ExtendWith(DevStackExtension.class)
class EventListenerIT {

    @Test
    void shouldDeadLetterBadRecordsAndKeepProcessing(DevStack stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = ServiceProperties.withKafkaLogin(stack, Map.of("micronaut.server.port", -1, "faultline.service.name", "kit-test",
                "faultline.kafka.bootstrap-servers", stack.kafkaBootstrapServers(),
                "faultline.kafka.schema-registry-url", stack.schemaRegistryUrl(),
                "kit-test.listener", true, "kit-test.group-id", "kit-test-" + run));
        try (ApplicationContext context = ApplicationContext.run(props)) {
            RecordingListener listener = context.getBean(RecordingListener.class);
            EventPublisher publisher = context.getBean(EventPublisher.class);
            try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(stack.kafkaClientProperties(),
                    new StringSerializer(), new ByteArraySerializer())) {
                raw.send(new ProducerRecord<>(Topics.Names.PROPOSALS, run + "-garbage", new byte[] {0, 0, 0, 0, 1, 42})).get();
                raw.send(new ProducerRecord<>(Topics.Names.PROPOSALS, run + "-text", "{\"service\":\"x\"}".getBytes())).get();
            }
            publisher.publish(proposal(run + "-invalid", "invalid"));
            publisher.publish(proposal(run + "-fails", "fails"));
            publisher.publish(proposal(run + "-valid", "pricing is flaky in staging"));

            await().atMost(Duration.ofSeconds(60)).until(() -> listener.handled.contains(run + "-valid"));
            assertThat(listener.handled).filteredOn(id -> id.startsWith(run)).containsExactly(run + "-valid");

            List<DeadLetter> letters = deadLetters(stack, run);
            assertThat(letters).extracting(DeadLetter::getReason).anySatisfy(r -> assertThat(r).contains("unreadable record"))
                    .anySatisfy(r -> assertThat(r).contains("magic byte"))
                    .anySatisfy(r -> assertThat(r).contains("invalid ExperimentProposed: motivation is not a reason"))
                    .anySatisfy(r -> assertThat(r).contains("failed 3 times").contains("handler bug"));
            assertThat(listener.attempts.get(run + "-fails")).as("attempts of the failing record").isEqualTo(3);
            assertThat(letters).allSatisfy(l -> {
                assertThat(l.getSourceTopic()).isEqualTo(Topics.Names.PROPOSALS);
                assertThat(l.getService()).isEqualTo("kit-test");
                assertThat(l.getValue()).isNotNull();
            });
        }
        try (ApplicationContext again = ApplicationContext.run(props)) {
            RecordingListener listener = again.getBean(RecordingListener.class);
            again.getBean(EventPublisher.class).publish(proposal(run + "-after", "pricing is flaky in staging"));
            await().atMost(Duration.ofSeconds(60)).until(() -> listener.handled.contains(run + "-after"));
            assertThat(listener.handled).as("committed records are not handled again").containsExactly(run + "-after");
        }
    }

    /** Records the proposals of this test's run; "invalid" and "fails" motivations exercise the dead-letter paths. */
    @Requires(property = "kit-test.listener", value = "true")
    @FaultlineListener(groupId = "${kit-test.group-id}")
    static class RecordingListener extends EventListenerSupport {

        final List<String> handled = new CopyOnWriteArrayList<>();
        final Map<String, Integer> attempts = new ConcurrentHashMap<>();

        RecordingListener(EventDispatch dispatch) {
            super(dispatch);
        }

        @Topic(Topics.Names.PROPOSALS)
        void receive(ConsumerRecord<String, byte[]> record) {
            dispatch(record, this::handle);
        }

        private void handle(IncomingEvent event) {
            ExperimentProposed proposal = event.as(ExperimentProposed.class).orElseThrow();
            attempts.merge(event.experimentId(), 1, Integer::sum);
            if (proposal.getMotivation().equals("invalid")) {
                throw new InvalidEventException("motivation is not a reason");
            }
            if (proposal.getMotivation().equals("fails")) {
                throw new IllegalStateException("handler bug");
            }
            handled.add(event.experimentId());
        }
    }

    static ExperimentProposed proposal(String experimentId, String motivation) {
        return ExperimentProposed.newBuilder()
                .setHeader(EventHeaders.first(experimentId, Actors.person("alice"), Clock.systemUTC()))
                .setService("storefront").setFaultType(FaultType.NETWORK_BLACKHOLE).setDependency("pricing")
                .setEnvironment(Environment.STAGING).setReason(ProposalReason.ROUTINE).setMotivation(motivation)
                .setIncidentId(null).setRequestedDurationMillis(null).setLabels(Map.of()).build();
    }

    private static List<DeadLetter> deadLetters(DevStack stack, String run) {
        Map<String, Object> props = stack.kafkaClientProperties(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + run, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                FaultlineSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(), FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true));
        FaultlineAvroDeserializer<SpecificRecord> values = new FaultlineAvroDeserializer<>();
        values.configure(props, false);
        List<DeadLetter> found = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.Names.DEAD_LETTERS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.key() != null && r.key().startsWith(run)) {
                        found.add((DeadLetter) r.value());
                    }
                });
                return found.size() >= 4;
            });
        }
        return found;
    }
}
