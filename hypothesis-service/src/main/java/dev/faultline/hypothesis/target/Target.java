package dev.faultline.hypothesis.target;

import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.avro.TargetEndpoint;
import dev.faultline.schemas.avro.TargetObservability;
import java.util.List;
import java.util.Optional;

/**
 * A service Faultline may experiment on, as declared on faultline.targets or configured under
 * {@code faultline.targets.<name>}: its service type
 * (which selects the failure-mode templates), where its HTTP endpoints are, the dependencies it calls, and where
 * its own observability is: the Prometheus exposition it serves and the log file it writes (each optional).
 *
 * @param probePath  the read endpoint generic templates probe (e.g. {@code /health})
 * @param metricsUrl the URL of its Prometheus text exposition ({@code /metrics}), or null
 * @param logFile    the log file it writes, or null
 */
public record Target(String name, String type, String baseUrl, List<String> dependencies, String probePath,
                     String metricsUrl, String logFile) {

    public Target {
        dependencies = List.copyOf(dependencies);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A target whose metrics and logs Faultline does not read. */
    public Target(String name, String type, String baseUrl, List<String> dependencies, String probePath) {
        this(name, type, baseUrl, dependencies, probePath, null, null);
    }

    /**
     * The target a declaration describes: its type, base URL, dependency names, the path of its first GET endpoint
     * as the read endpoint generic templates probe ({@code /health} without one), its metrics and its log.
     */
    public static Target of(TargetDeclared d) {
        String readPath = d.getEndpoints().stream().filter(e -> "GET".equals(e.getMethod())).map(TargetEndpoint::getPath)
                .findFirst().orElse("/health");
        TargetObservability seen = d.getObservability();
        return new Target(d.getService(), d.getServiceType(), d.getBaseUrl(),
                d.getDependencies().stream().map(TargetDependency::getName).toList(), readPath, seen.getMetricsUrl(),
                seen.getLogFile());
    }

    public Optional<String> metrics() {
        return Optional.ofNullable(metricsUrl).filter(url -> !url.isBlank());
    }

    public Optional<String> log() {
        return Optional.ofNullable(logFile).filter(file -> !file.isBlank());
    }

    public boolean dependsOn(String dependency) {
        return dependencies.contains(dependency);
    }
}
