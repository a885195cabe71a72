package dev.faultline.cli.stack;

import dev.faultline.cli.http.Endpoints;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.nio.file.Path;

/**
 * The addresses of a running local stack.
 *
 * @param kafkaClients the directory of each Kafka principal's client settings ({@link StackCredentials})
 */
public record StackEndpoints(StackPorts ports, String kafkaBootstrapServers, String schemaRegistryUrl,
                             String cassandraContactPoint, String cassandraDatacenter, Path kafkaClients) {

    /** The Kafka client settings of {@code principal} (SASL, the registry's Basic credentials). */
    public Path kafkaClientFile(KafkaPrincipal principal) {
        return StackCredentials.clientFile(kafkaClients, principal);
    }

    public String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    public String storefrontUrl() {
        return url(ports.storefront());
    }

    public String pricingUrl() {
        return url(ports.pricing());
    }

    public String shippingUrl() {
        return url(ports.shipping());
    }

    public String fulfilmentUrl() {
        return url(ports.fulfilment());
    }

    public String carrierUrl() {
        return url(ports.carrier());
    }

    /** The host agent's API (host faults: CPU, memory, disk, process pause and kill). */
    public String agentUrl() {
        return url(ports.agent());
    }

    public String dataplaneUrl() {
        return url(ports.dataplane());
    }

    /** The local token issuer: {@code faultline login --issuer}, the {@code iss} of its tokens. */
    public String issuerUrl() {
        return url(ports.issuer());
    }

    /** The issuer's public keys, which the services validate tokens against. */
    public String jwksUrl() {
        return issuerUrl() + "/.well-known/jwks.json";
    }

    /** The web console. */
    public String consoleUrl() {
        return url(ports.console());
    }

    /**
     * The services' endpoints, as the CLI's commands use them, with no token yet ({@link Endpoints#withToken}); Kafka
     * as the stack's administrator, who declares the demo's targets before the services start (and tests' fixtures).
     */
    public Endpoints services() {
        return endpoints(KafkaPrincipal.ADMIN);
    }

    /** The same endpoints with Kafka as the auditor, who reads every Faultline topic and writes none: for watching. */
    public Endpoints watching() {
        return endpoints(KafkaPrincipal.AUDITOR);
    }

    private Endpoints endpoints(KafkaPrincipal kafkaPrincipal) {
        return new Endpoints(url(ports.hypothesis()), url(ports.safety()), url(ports.injector()), url(ports.analysis()),
                url(ports.catalog()), kafkaBootstrapServers, schemaRegistryUrl,
                kafkaClientFile(kafkaPrincipal).toString(), null);
    }
}
