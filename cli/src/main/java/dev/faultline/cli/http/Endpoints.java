package dev.faultline.cli.http;

/**
 * Where the services are (the command line's {@link dev.faultline.cli.ServiceOptions}, or a local stack's
 * ports), and a client for each sending {@code token}.
 *
 * @param kafkaConfig a Kafka client properties file with the credentials to use (null: none), see {@link KafkaEndpoint}
 * @param token       the bearer token every call sends; null sends none (the services answer 401)
 */
public record Endpoints(String hypothesis, String safety, String injector, String analysis, String catalog,
                        String kafka, String registry, String kafkaConfig, String token) {

    /** The same services, called as the holder of {@code other} (e.g. the demo's next user). */
    public Endpoints withToken(String other) {
        return new Endpoints(hypothesis, safety, injector, analysis, catalog, kafka, registry, kafkaConfig, other);
    }

    /** Kafka and the registry, with the credentials of {@link #kafkaConfig()}. */
    public KafkaEndpoint kafkaEndpoint() {
        return KafkaEndpoint.of(kafka, registry, kafkaConfig);
    }

    public ServiceClient hypothesisService() {
        return new ServiceClient("hypothesis-service", hypothesis, token);
    }

    public ServiceClient safetyService() {
        return new ServiceClient("safety-service", safety, token);
    }

    public ServiceClient injectorService() {
        return new ServiceClient("injector-service", injector, token);
    }

    public ServiceClient analysisService() {
        return new ServiceClient("analysis-service", analysis, token);
    }

    public ServiceClient catalogService() {
        return new ServiceClient("catalog-service", catalog, token);
    }
}
