package dev.faultline.hypothesis.target;

import java.util.List;

/**
 * A service Faultline may experiment on, as configured under {@code faultline.targets.<name>}: its service type
 * (which selects the failure-mode templates), where its HTTP endpoints are, and the dependencies it calls.
 *
 * @param probePath the read endpoint generic templates probe (e.g. {@code /health})
 */
public record Target(String name, String type, String baseUrl, List<String> dependencies, String probePath) {

    public Target {
        dependencies = List.copyOf(dependencies);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public boolean dependsOn(String dependency) {
        return dependencies.contains(dependency);
    }
}
