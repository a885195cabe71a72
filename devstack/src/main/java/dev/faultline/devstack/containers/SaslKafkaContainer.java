package dev.faultline.devstack.containers;

import dev.faultline.devstack.kafka.KafkaBrokerConfig;
import dev.faultline.devstack.kafka.KafkaCredentials;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers' {@link KafkaContainer} on the {@code faultline/devstack} image, secured as the devstack's broker is:
 * its client listeners (the host's {@code PLAINTEXT} one and the network's added ones) take SASL/SCRAM-SHA-256 only,
 * the {@code StandardAuthorizer} denies what no ACL allows, and the broker and the administrator are super users
 * whose credentials the storage format writes (the image's {@code FAULTLINE_KAFKA_SCRAM_FILE}). The container's own
 * broker-to-broker and controller listeners stay PLAINTEXT as KafkaContainer makes them: they are reachable from the
 * container network only, and their anonymous principal is the broker itself.
 */
final class SaslKafkaContainer extends KafkaContainer {

    private static final String MECHANISM = KafkaCredentials.MECHANISM;

    SaslKafkaContainer(DockerImageName image, KafkaCredentials credentials) {
        super(image.asCompatibleSubstituteFor("apache/kafka"));
        String jaas = KafkaCredentials.scramJaas(KafkaPrincipal.BROKER.username(),
                credentials.password(KafkaPrincipal.BROKER));
        withEnv("KAFKA_SASL_ENABLED_MECHANISMS", MECHANISM);
        withEnv("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        withEnv("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
        withEnv("KAFKA_SUPER_USERS", String.join(";", KafkaPrincipal.BROKER.principal(),
                KafkaPrincipal.ADMIN.principal(), "User:ANONYMOUS"));
        withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
        withEnv("KAFKA_LOG_RETENTION_MS", "-1");
        withEnv("FAULTLINE_KAFKA_PROPERTIES_FILE", "/etc/faultline/broker.properties");
        withEnv("FAULTLINE_KAFKA_SCRAM_FILE", "/etc/faultline/broker-scram.txt");
        withCopyToContainer(Transferable.of("listener.name.plaintext.scram-sha-256.sasl.jaas.config=" + jaas + "\n"
                + "listener.name.tc-0.scram-sha-256.sasl.jaas.config=" + jaas + "\n", 0600), "/etc/faultline/broker.properties");
        withCopyToContainer(Transferable.of(KafkaBrokerConfig.BOOTSTRAPPED.stream().map(credentials::formatCredential)
                .collect(Collectors.joining("\n", "", "\n")), 0600), "/etc/faultline/broker-scram.txt");
    }

    @Override
    protected void configure() {
        super.configure();
        // KafkaContainer maps its listeners to PLAINTEXT; the ones clients use take SASL instead
        String map = getEnvMap().get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP");
        getEnvMap().put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", Arrays.stream(map.split(","))
                .map(entry -> entry.equals("PLAINTEXT:PLAINTEXT") || entry.startsWith("TC-")
                        ? entry.substring(0, entry.indexOf(':')) + ":SASL_PLAINTEXT" : entry)
                .collect(Collectors.joining(",")));
    }
}
