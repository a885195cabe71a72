package dev.faultline.cli.stack;

import dev.faultline.devstack.support.FreePorts;

/**
 * Every port of a local stack — the devstack's (Kafka, registry, Cassandra, the token issuer) and: storefront → pricing's L4 proxy → pricing's L7 (HTTP) proxy → pricing, the second
 * system under test, shipping → carrier proxy → carrier, fulfilment, the storefront's order consumer, and the host's
 * Faultline agent. {@link #demo()} are the documented demo ports; {@link #free()} asks for free ports everywhere (the
 * end-to-end tests); 0 means "pick a free one at start".
 */
public record StackPorts(int kafka, int kafkaController, int registry, int cassandra, int cassandraStorage,
                         int dataplane, int pricingProxy, int pricingHttpProxy, int pricing, int storefront,
                         int carrierProxy, int carrier, int shipping, int fulfilment, int agent,
                         int hypothesis, int safety, int injector, int analysis, int catalog, int console, int issuer) {

    public static StackPorts demo() {
        return new StackPorts(9092, 9093, 8081, 9042, 7000, 8474, 18091, 18094, 18090, 18080, 18093, 18092, 18081, 18082, 8479,
                8101, 8102, 8103, 8104, 8105, 8106, 8110);
    }

    public static StackPorts free() {
        return new StackPorts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** These ports with every 0 replaced by a port that is free now; fixed ports must be free (named if not). */
    public StackPorts resolve() {
        return new StackPorts(pick(kafka, "Kafka"), pick(kafkaController, "Kafka controller"),
                pick(registry, "schema registry"), pick(cassandra, "Cassandra CQL"), pick(cassandraStorage, "Cassandra storage"),
                pick(dataplane, "data plane API"), pick(pricingProxy, "pricing proxy"),
                pick(pricingHttpProxy, "pricing HTTP proxy"), pick(pricing, "pricing"),
                pick(storefront, "storefront"), pick(carrierProxy, "carrier proxy"), pick(carrier, "carrier"),
                pick(shipping, "shipping"), pick(fulfilment, "fulfilment"), pick(agent, "host agent"),
                pick(hypothesis, "hypothesis-service"), pick(safety, "safety-service"),
                pick(injector, "injector-service"), pick(analysis, "analysis-service"), pick(catalog, "catalog-service"),
                pick(console, "console-service"),
                pick(issuer, "token issuer"));
    }

    private static int pick(int port, String what) {
        if (port == 0) {
            return FreePorts.next();
        }
        FreePorts.requireFree(port, what + " (stop what uses it, e.g. an earlier `faultline stack`)");
        return port;
    }
}
