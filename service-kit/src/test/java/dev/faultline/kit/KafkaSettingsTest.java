package dev.faultline.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;

/** The {@code faultline.kafka.*} keys and {@code faultline.service.name}, bound the way a service binds them. */
class KafkaSettingsTest {

    private static KafkaSettings bind(Map<String, Object> properties) {
        return SettingsBinding.bind(KafkaSettings.class, properties);
    }

    @Test
    void shouldDefaultToTheLocalDevstack() {
        KafkaSettings settings = bind(Map.of());

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(settings.replicationFactor()).isEqualTo((short) 1);
        assertThat(settings.serviceName()).isEqualTo("faultline");
    }

    @Test
    void shouldTakeEveryKeyFromConfiguration() {
        KafkaSettings settings = bind(Map.of("faultline.kafka.bootstrap-servers", "kafka-1:9092,kafka-2:9092",
                "faultline.kafka.schema-registry-url", "http://registry:8081",
                "faultline.kafka.replication-factor", 3,
                "faultline.service.name", "analysis-service",
                "micronaut.application.name", "ignored-when-the-service-name-is-set"));

        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(settings.schemaRegistryUrl()).isEqualTo("http://registry:8081");
        assertThat(settings.replicationFactor()).isEqualTo((short) 3);
        assertThat(settings.serviceName()).isEqualTo("analysis-service");
        assertThat(settings.clientProperties()).containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                "kafka-1:9092,kafka-2:9092");
    }

    @Test
    void shouldNameTheServiceAfterTheApplicationWhenNoServiceNameIsSet() {
        assertThat(bind(Map.of("micronaut.application.name", "catalog-service")).serviceName())
                .isEqualTo("catalog-service");
        assertThat(bind(Map.of("micronaut.application.name", "catalog-service", "faultline.service.name", " ")).serviceName())
                .isEqualTo("catalog-service");
    }

    @Test
    void shouldRefuseAReplicationFactorBelowOneNamingTheKey() {
        assertThatThrownBy(() -> bind(Map.of("faultline.kafka.replication-factor", 0)))
                .hasStackTraceContaining("faultline.kafka.replication-factor must be at least 1, was 0");
    }

    @Test
    void shouldStillBeMadeByHandForToolsAndTests() {
        KafkaSettings settings = new KafkaSettings("127.0.0.1:19092", "http://127.0.0.1:18081", "it");

        assertThat(settings.serviceName()).isEqualTo("it");
        assertThat(settings.replicationFactor()).isEqualTo((short) 1);
    }

    @Test
    void shouldAuthenticateEveryClientAndTheRegistryAsItsPrincipal() {
        KafkaSettings settings = bind(Map.of("faultline.kafka.username", "safety-service",
                "faultline.kafka.password", "s3cr\"et"));

        assertThat(settings.authenticates()).isTrue();
        assertThat(settings.clientProperties())
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"safety-service\" password=\"s3cr\\\"et\";")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "safety-service:s3cr\"et");
    }

    @Test
    void shouldConnectUnauthenticatedWithoutAUsername() {
        assertThat(bind(Map.of()).clientProperties()).doesNotContainKeys(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "sasl.jaas.config", "basic.auth.user.info");
    }

    @Test
    void shouldRefuseAUsernameWithoutAPasswordNamingTheVariable() {
        assertThatThrownBy(() -> bind(Map.of("faultline.kafka.username", "safety-service")))
                .hasStackTraceContaining("FAULTLINE_KAFKA_PASSWORD");
        assertThatThrownBy(() -> bind(Map.of("faultline.kafka.username", "a", "faultline.kafka.password", "b",
                "faultline.kafka.sasl-mechanism", "PLAIN"))).hasStackTraceContaining("SCRAM-SHA-256 or SCRAM-SHA-512");
    }
}
