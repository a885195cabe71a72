package dev.faultline.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker authenticates every client (SASL/SCRAM with the stack's generated passwords) and authorizes it against
 * {@link KafkaAccess}. The writer table, topic by topic, is checked against the contract in {@code schemas}'
 * {@code TopicWritersIT}.
 */
class KafkaAuthenticationIT {

    static EmbeddedKafka kafka;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        kafka = EmbeddedKafka.start(dir);
        try (Admin admin = Admin.create(kafka.clientProperties(KafkaPrincipal.ADMIN))) {
            admin.createTopics(List.of(new NewTopic(KafkaAccess.PROPOSALS, 1, (short) 1),
                    new NewTopic(KafkaAccess.SAFETY, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void shouldLetAToolWriteProposalsButNotTheSafetyTopic() throws Exception {
        try (KafkaProducer<String, String> tool = producer(kafka.clientProperties(KafkaPrincipal.TOOL))) {
            assertThat(tool.send(new ProducerRecord<>(KafkaAccess.PROPOSALS, "exp-1", "proposal")).get().offset())
                    .isGreaterThanOrEqualTo(0);
            assertThatThrownBy(() -> tool.send(new ProducerRecord<>(KafkaAccess.SAFETY, "exp-1", "forged")).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void shouldRefuseAWrongPassword() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties(KafkaPrincipal.TOOL));
        props.put("sasl.jaas.config", KafkaCredentials.scramJaas(KafkaPrincipal.TOOL.username(), "not-the-password"));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(props)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void shouldRefuseAClientThatDoesNotAuthenticate() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void shouldKeepThePasswordsOfAReusedDataDirectory(@TempDir Path dir) {
        KafkaCredentials first = KafkaCredentials.loadOrCreate(dir.resolve("credentials.properties"));
        KafkaCredentials again = KafkaCredentials.loadOrCreate(dir.resolve("credentials.properties"));

        assertThat(again.password(KafkaPrincipal.ADMIN)).isEqualTo(first.password(KafkaPrincipal.ADMIN));
        assertThat(first.password(KafkaPrincipal.TOOL)).isNotEqualTo(first.password(KafkaPrincipal.ADMIN));
        assertThat(dir.resolve("credentials.properties").toFile().canRead()).isTrue();
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
