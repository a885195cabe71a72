package dev.faultline.kit.testing;

import dev.faultline.devstack.DevStack;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings every service needs to run in an integration test against the shared devstack, on a random port,
 * trusting the devstack's token issuer (tests call it with {@code stack.issuer().token(user)}).
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
        return props;
    }
}
