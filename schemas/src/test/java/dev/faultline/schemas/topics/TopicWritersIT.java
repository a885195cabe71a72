package dev.faultline.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.devstack.kafka.EmbeddedKafka;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The devstack's ACLs against the contract: for every topic of {@link Topics}, exactly the principals its writer
 * names may write it (a service by its name, "tool(s)" the outside-tool principal, "any service" every service);
 * every other principal gets an authorization error. Generated from {@code Topics}, so a writer changed there and
 * not in the devstack's {@code KafkaAccess} (or the other way round) fails here. The administrator, a super user, is
 * left out. A broker of its own (the devstack's, with the same ACLs): the probe records are not events, and other
 * tests read these topics from the start.
 */
class TopicWritersIT {

    private static final List<KafkaPrincipal> CANDIDATES = List.of(KafkaPrincipal.HYPOTHESIS_SERVICE,
            KafkaPrincipal.SAFETY_SERVICE, KafkaPrincipal.INJECTOR_SERVICE, KafkaPrincipal.ANALYSIS_SERVICE,
            KafkaPrincipal.CATALOG_SERVICE, KafkaPrincipal.TOOL, KafkaPrincipal.AUDITOR, KafkaPrincipal.DEMO_SHOP,
            KafkaPrincipal.SCHEMA_REGISTRY);

    static EmbeddedKafka kafka;

    @BeforeAll
    static void start(@TempDir Path dir) {
        kafka = EmbeddedKafka.start(dir);
        try (Admin admin = Admin.create(kafka.clientProperties(KafkaPrincipal.ADMIN))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).createMissing((short) 1);
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    static List<Topic> topics() {
        return Topics.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldLetOnlyTheNamedWriterWrite(Topic topic) {
        Set<KafkaPrincipal> writers = writersNamedIn(topic.writer());
        assertThat(writers).as("the writer of %s (\"%s\") names a principal", topic.name(), topic.writer()).isNotEmpty();

        List<KafkaPrincipal> allowed = new ArrayList<>();
        for (KafkaPrincipal principal : CANDIDATES) {
            if (canWrite(principal, topic.name())) {
                allowed.add(principal);
            }
        }

        assertThat(allowed).as("principals that may write %s", topic.name()).containsExactlyInAnyOrderElementsOf(writers);
    }

    @Test
    void shouldLetAnOutsideToolReadVerdictsButNotTheSafetyTopic() {
        try (KafkaConsumer<byte[], byte[]> tool = consumer(KafkaPrincipal.TOOL)) {
            tool.assign(List.of(new TopicPartition(Topics.VERDICTS.name(), 0)));
            tool.seekToBeginning(tool.assignment());
            tool.poll(Duration.ofMillis(500));
            assertThat(tool.position(new TopicPartition(Topics.VERDICTS.name(), 0))).isGreaterThanOrEqualTo(0);

            tool.assign(List.of(new TopicPartition(Topics.SAFETY.name(), 0)));
            tool.seekToBeginning(tool.assignment());
            assertThatThrownBy(() -> tool.poll(Duration.ofSeconds(5))).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void shouldKeepEachPrincipalToItsOwnConsumerGroups() {
        try (KafkaConsumer<byte[], byte[]> auditor = consumer(KafkaPrincipal.AUDITOR, "injector-service-control")) {
            auditor.subscribe(List.of(Topics.CONTROL.name()));
            assertThatThrownBy(() -> auditor.poll(Duration.ofSeconds(5)))
                    .as("an auditor reads the control topic but may not join the injector's group on it")
                    .isInstanceOf(GroupAuthorizationException.class);
        }
        try (KafkaConsumer<byte[], byte[]> watch = consumer(KafkaPrincipal.AUDITOR, "faultline-cli-watch-" + UUID.randomUUID())) {
            watch.subscribe(List.of(Topics.CONTROL.name()));
            watch.poll(Duration.ofMillis(500));
            assertThat(watch.subscription()).containsExactly(Topics.CONTROL.name());
        }
    }

    /** The principals a topic's writer description names. */
    static Set<KafkaPrincipal> writersNamedIn(String writer) {
        Set<KafkaPrincipal> named = EnumSet.noneOf(KafkaPrincipal.class);
        for (KafkaPrincipal service : KafkaPrincipal.services()) {
            if (writer.contains(service.username())) {
                named.add(service);
            }
        }
        if (writer.contains("any service")) {
            named.addAll(KafkaPrincipal.services());
        }
        if (writer.contains("tool")) {
            named.add(KafkaPrincipal.TOOL);
        }
        return named;
    }

    private static boolean canWrite(KafkaPrincipal principal, String topic) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties(principal));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "acl-check".getBytes(), new byte[] {1})).get(15, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            // a principal with no WRITE anywhere is refused its idempotent producer id (cluster authorization), which
            // the producer may report on the send or wrapped in its error state
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof AuthorizationException) {
                    return false;
                }
            }
            throw new AssertionError(principal + " writing " + topic + " failed otherwise: " + e, e);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaPrincipal principal) {
        return consumer(principal, null);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaPrincipal principal, String group) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties(principal));
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
