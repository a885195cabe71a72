package dev.faultline.kit.events;

import static dev.faultline.kit.events.EventListenerIT.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.testing.EventTap;
import dev.faultline.schemas.avro.DeadLetter;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.topics.Topics;
import dev.faultline.kit.testing.ServiceProperties;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link FaultlineBatchListener} through micronaut-kafka against a real broker and registry. Records published
 * while the listener is paused arrive as one poll: its unreadable and invalid records are dead-lettered once each and
 * the others handled, with the poll's work finished once; a poll with a record that keeps failing is retried whole,
 * then handled record by record, so the failing record is dead-lettered after 3 + 1 attempts and the others are
 * handled; a restarted listener in the same group does not handle committed records again.
 */
@ExtendWith(DevStackExtension.class)
class BatchListenerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldHandleAPollTogetherDeadLetterItsBadRecordsOnceAndRetryAFailingPollRecordByRecord(DevStack stack)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = ServiceProperties.withKafkaLogin(stack, Map.of("micronaut.server.port", -1, "faultline.service.name", "kit-batch-test",
                "faultline.kafka.bootstrap-servers", stack.kafkaBootstrapServers(),
                "faultline.kafka.schema-registry-url", stack.schemaRegistryUrl(),
                "kit-test.batch-listener", true, "kit-test.group-id", "kit-batch-test-" + run, "kit-test.run", run));
        try (EventTap dlq = new EventTap(stack, List.of(Topics.DEAD_LETTERS))) {
            try (ApplicationContext context = ApplicationContext.run(props);
                 KafkaProducer<String, byte[]> raw = new KafkaProducer<>(stack.kafkaClientProperties(), new StringSerializer(), new ByteArraySerializer())) {
                RecordingHandler handler = context.getBean(RecordingHandler.class);
                EventPublisher publisher = context.getBean(EventPublisher.class);
                ConsumerRegistry consumers = context.getBean(ConsumerRegistry.class);
                // micronaut-kafka throws, rather than answering empty, for a consumer not assigned yet
                await().atMost(WAIT).ignoreException(IllegalArgumentException.class).until(() -> consumers
                        .getConsumerIds().stream().allMatch(id -> !consumers.getConsumerAssignment(id).isEmpty()));

                pause(consumers);
                raw.send(new ProducerRecord<>(Topics.Names.PROPOSALS, run + "-garbage", new byte[] {0, 0, 0, 0, 1, 42})).get();
                publisher.publish(proposal(run + "-invalid", "invalid"));
                List.of("-a", "-b", "-c").forEach(s -> publisher.publish(proposal(run + s, "pricing is flaky")));
                consumers.getConsumerIds().forEach(consumers::resume);

                await().atMost(WAIT).until(() -> handler.handled.keySet().containsAll(List.of(run + "-a", run + "-b", run + "-c")));
                await().atMost(WAIT).until(() -> letters(dlq, run).size() == 2);
                assertThat(List.of(run + "-a", run + "-b", run + "-c")).allSatisfy(id ->
                        assertThat(handler.handled.get(id)).as("a poll without a failure is handled once").isEqualTo(1));
                assertThat(handler.finishedPolls.stream().mapToInt(Integer::intValue).sum())
                        .as("each readable record started once, and its poll finished once").isEqualTo(4);
                assertThat(letters(dlq, run)).extracting(DeadLetter::getReason)
                        .anySatisfy(r -> assertThat(r).contains("unreadable record", "ended before a complete"))
                        .anySatisfy(r -> assertThat(r).contains("invalid ExperimentProposed: motivation is not a reason"));

                pause(consumers);
                publisher.publish(proposal(run + "-fails", "fails"));
                publisher.publish(proposal(run + "-d", "pricing is flaky"));
                consumers.getConsumerIds().forEach(consumers::resume);

                await().atMost(WAIT).until(() -> letters(dlq, run).size() == 3);
                assertThat(letters(dlq, run)).extracting(DeadLetter::getReason).anySatisfy(r ->
                        assertThat(r).contains("failed 3 times in its poll and once alone", "handler bug"));
                assertThat(handler.failures.get(run + "-fails")).as("3 attempts of the poll, then 1 alone").isEqualTo(4);
                assertThat(handler.handled).containsKey(run + "-d");
            }
            try (ApplicationContext again = ApplicationContext.run(props)) {
                RecordingHandler handler = again.getBean(RecordingHandler.class);
                again.getBean(EventPublisher.class).publish(proposal(run + "-after", "pricing is flaky"));
                await().atMost(WAIT).until(() -> handler.handled.containsKey(run + "-after"));
                assertThat(handler.handled.keySet()).as("committed records are not handled again")
                        .containsExactly(run + "-after");
            }
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> letters(dlq, run).size() == 3);
        }
    }

    private static void pause(ConsumerRegistry consumers) {
        consumers.getConsumerIds().forEach(consumers::pause);
        await().atMost(WAIT).until(() -> consumers.getConsumerIds().stream().allMatch(consumers::isPaused));
    }

    private static List<DeadLetter> letters(EventTap dlq, String run) {
        return dlq.all().stream().filter(DeadLetter.class::isInstance).map(DeadLetter.class::cast)
                .filter(l -> l.getHeader().getExperimentId().startsWith(run)).toList();
    }

    /**
     * Handles this run's proposals a poll at a time ("invalid" is never processable, "fails" fails every time) and
     * passes over those other tests left on the topic.
     */
    @Singleton
    @Requires(property = "kit-test.batch-listener", value = "true")
    static class RecordingHandler implements BatchEventHandler {

        final String run;
        final Map<String, Integer> handled = new ConcurrentHashMap<>();
        final Map<String, Integer> failures = new ConcurrentHashMap<>();
        final List<Integer> finishedPolls = new CopyOnWriteArrayList<>();

        RecordingHandler(@Value("${kit-test.run}") String run) {
            this.run = run;
        }

        @Override
        public Poll poll() {
            return new Poll() {
                private int events;

                @Override
                public CompletionStage<?> start(IncomingEvent event) {
                    if (!event.experimentId().startsWith(run)) {
                        return CompletableFuture.completedFuture(null);
                    }
                    events++;
                    ExperimentProposed proposal = event.as(ExperimentProposed.class).orElseThrow();
                    if (proposal.getMotivation().equals("invalid")) {
                        return CompletableFuture.failedFuture(new InvalidEventException("motivation is not a reason"));
                    }
                    if (proposal.getMotivation().equals("fails")) {
                        failures.merge(event.experimentId(), 1, Integer::sum);
                        return CompletableFuture.failedFuture(new IllegalStateException("handler bug"));
                    }
                    handled.merge(event.experimentId(), 1, Integer::sum);
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void finish() {
                    finishedPolls.add(events);
                }
            };
        }
    }

    /** The batch listener under test. */
    @Requires(property = "kit-test.batch-listener", value = "true")
    @FaultlineBatchListener(groupId = "${kit-test.group-id}")
    static class RecordingBatchListener extends EventListenerSupport {

        RecordingBatchListener(EventDispatch dispatch, RecordingHandler handler) {
            super(dispatch, handler);
        }

        @Topic(Topics.Names.PROPOSALS)
        void receive(ConsumerRecords<String, byte[]> records) {
            dispatchAll(records);
        }
    }
}
