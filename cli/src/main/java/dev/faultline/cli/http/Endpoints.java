package dev.faultline.cli.http;

import dev.faultline.cli.args.Args;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the services are: each from its flag ({@code --hypothesis-url}), else its environment
 * variable ({@code FAULTLINE_HYPOTHESIS_URL}), else the demo port on 127.0.0.1.
 */
public record Endpoints(String hypothesis, String safety, String injector, String analysis, String catalog,
                        String kafka, String registry) {

    /** The options every command against running services accepts. */
    public static final Set<String> OPTIONS = Set.of("--hypothesis-url", "--safety-url", "--injector-url",
            "--analysis-url", "--catalog-url", "--kafka", "--registry-url");

    public static Endpoints demoDefaults() {
        return new Endpoints("http://127.0.0.1:8101", "http://127.0.0.1:8102", "http://127.0.0.1:8103",
                "http://127.0.0.1:8104", "http://127.0.0.1:8105", "127.0.0.1:9092", "http://127.0.0.1:8081");
    }

    public static Endpoints from(Args args, Map<String, String> env) {
        Endpoints defaults = demoDefaults();
        Function<String[], String> pick = spec -> args.option(spec[0])
                .orElseGet(() -> env.getOrDefault(spec[1], spec[2]));
        return new Endpoints(
                pick.apply(new String[] {"--hypothesis-url", "FAULTLINE_HYPOTHESIS_URL", defaults.hypothesis()}),
                pick.apply(new String[] {"--safety-url", "FAULTLINE_SAFETY_URL", defaults.safety()}),
                pick.apply(new String[] {"--injector-url", "FAULTLINE_INJECTOR_URL", defaults.injector()}),
                pick.apply(new String[] {"--analysis-url", "FAULTLINE_ANALYSIS_URL", defaults.analysis()}),
                pick.apply(new String[] {"--catalog-url", "FAULTLINE_CATALOG_URL", defaults.catalog()}),
                pick.apply(new String[] {"--kafka", "FAULTLINE_KAFKA", defaults.kafka()}),
                pick.apply(new String[] {"--registry-url", "FAULTLINE_REGISTRY_URL", defaults.registry()}));
    }

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
