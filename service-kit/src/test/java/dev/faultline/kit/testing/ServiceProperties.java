package dev.faultline.kit.testing;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.kit.KafkaSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings every service needs to run in an integration test against the shared devstack, on a random port,
 * trusting the devstack's token issuer (tests call it with {@code stack.issuer().token(user)}). Kafka and the
 * registry are reached as the stack's administrator (authenticated, a super user): tests drive a service with topics
 * and fixtures of their own; the per-service principals and their ACLs are tested in {@code TopicWritersIT} and run
 * in the local stack ({@code faultline demo}, the e2e suite).
 */
public final class ServiceProperties {

    private ServiceProperties() {
    }

    /** A mutable map: Kafka, registry, Cassandra (with {@code keyspace}), the issuer and port -1; add the service's own keys. */
    public static Map<String, Object> forDevStack(DevStack stack, String keyspace) {
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("faultline.kafka.bootstrap-servers", stack.kafkaBootstrapServers());
        props.put("faultline.kafka.schema-registry-url", stack.schemaRegistryUrl());
        props.put("faultline.cassandra.contact-point", stack.cassandra().address());
        props.put("faultline.cassandra.datacenter", stack.cassandra().localDatacenter());
        props.put("faultline.cassandra.keyspace", keyspace);
        props.put("faultline.security.jwks-url", stack.issuer().jwksUrl());
        props.put("faultline.security.issuer", stack.issuer().url());
        return withKafkaLogin(stack, props);
    }

    /** {@code props} with the administrator's {@code faultline.kafka.username} and {@code password} added. */
    public static Map<String, Object> withKafkaLogin(DevStack stack, Map<String, Object> props) {
        Map<String, Object> all = new HashMap<>(props);
        all.put("faultline.kafka.username", KafkaPrincipal.ADMIN.username());
        all.put("faultline.kafka.password", stack.kafkaCredentials().password(KafkaPrincipal.ADMIN));
        return all;
    }

    /** {@link KafkaSettings} for the devstack's Kafka and registry as its administrator, signing as {@code serviceName}. */
    public static KafkaSettings kafkaSettings(DevStack stack, String serviceName) {
        return new KafkaSettings(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl(), serviceName,
                KafkaPrincipal.ADMIN.username(), stack.kafkaCredentials().password(KafkaPrincipal.ADMIN));
    }
}
