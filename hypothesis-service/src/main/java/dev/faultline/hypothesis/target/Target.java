package dev.faultline.hypothesis.target;

import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.avro.TargetEndpoint;
import dev.faultline.schemas.avro.TargetObservability;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service Faultline may experiment on, as declared on faultline.targets or configured under
 * {@code faultline.targets.<name>}: its service type (which selects the failure-mode templates), where its HTTP
 * endpoints are, the dependencies it calls, and where its own observability is: the Prometheus exposition it serves,
 * the Prometheus server that scrapes it and the log file it writes (each optional).
 *
 * @param endpoints     the named endpoints probes may call; {@code read} is always there (see {@link #READ})
 * @param metricsUrl    the URL of its Prometheus text exposition ({@code /metrics}), or null
 * @param prometheusUrl the base URL of a Prometheus server that scrapes it, or null
 * @param logFile       the log file it writes, or null
 */
public record Target(String name, String type, String baseUrl, List<String> dependencies,
                     Map<String, Endpoint> endpoints, String metricsUrl, String prometheusUrl, String logFile) {

    /**
     * The endpoint generic templates read: the one declared under this name, else the target's first GET endpoint,
     * else its configured {@code probe-path} ({@code /health} by default).
     */
    public static final String READ = "read";

    /** One HTTP request a probe may send, under the target's base URL. */
    public record Endpoint(String method, String path, String body, Map<String, String> headers) {

        public Endpoint {
            headers = Map.copyOf(headers);
        }

        public static Endpoint get(String path) {
            return new Endpoint("GET", path, null, Map.of());
        }
    }

    public Target {
        dependencies = List.copyOf(dependencies);
        endpoints = Map.copyOf(endpoints);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A configured target: its read endpoint at {@code probePath}, its metrics and log when given. */
    public Target(String name, String type, String baseUrl, List<String> dependencies, String probePath,
                  String metricsUrl, String logFile) {
        this(name, type, baseUrl, dependencies, Map.of(READ, Endpoint.get(probePath)), metricsUrl, null, logFile);
    }

    /** A target whose metrics and logs Faultline does not read. */
    public Target(String name, String type, String baseUrl, List<String> dependencies, String probePath) {
        this(name, type, baseUrl, dependencies, probePath, null, null);
    }

    /** The target a declaration describes, with {@link #READ} added when it declares no endpoint of that name. */
    public static Target of(TargetDeclared d) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (TargetEndpoint e : d.getEndpoints()) {
            endpoints.put(e.getName(), new Endpoint(e.getMethod(), e.getPath(), e.getBody(), e.getHeaders()));
        }
        if (!endpoints.containsKey(READ)) {
            endpoints.put(READ, endpoints.values().stream().filter(e -> "GET".equals(e.method())).findFirst()
                    .orElse(Endpoint.get("/health")));
        }
        TargetObservability seen = d.getObservability();
        return new Target(d.getService(), d.getServiceType(), d.getBaseUrl(),
                d.getDependencies().stream().map(TargetDependency::getName).toList(), endpoints, seen.getMetricsUrl(),
                seen.getPrometheusUrl(), seen.getLogFile());
    }

    public Optional<Endpoint> endpoint(String endpointName) {
        return Optional.ofNullable(endpoints.get(endpointName));
    }

    public Optional<String> metrics() {
        return present(metricsUrl);
    }

    public Optional<String> prometheus() {
        return present(prometheusUrl);
    }

    public Optional<String> log() {
        return present(logFile);
    }

    public boolean dependsOn(String dependency) {
        return dependencies.contains(dependency);
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
