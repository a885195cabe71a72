package dev.faultline.cli.http;

/**
 * Where the services are (the command line's {@link dev.faultline.cli.ServiceOptions}, or a local stack's
 * ports), and a client for each.
 */
public record Endpoints(String hypothesis, String safety, String injector, String analysis, String catalog,
                        String kafka, String registry) {

    public ServiceClient hypothesisService() {
        return new ServiceClient("hypothesis-service", hypothesis);
    }

    public ServiceClient safetyService() {
        return new ServiceClient("safety-service", safety);
    }

    public ServiceClient injectorService() {
        return new ServiceClient("injector-service", injector);
    }

    public ServiceClient analysisService() {
        return new ServiceClient("analysis-service", analysis);
    }

    public ServiceClient catalogService() {
        return new ServiceClient("catalog-service", catalog);
    }
}
