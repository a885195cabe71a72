package dev.faultline.hypothesis.target;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.ArrayList;
import java.util.List;

/** Binds one {@code faultline.targets.<name>} entry of the configuration. */
@EachProperty("faultline.targets")
public class TargetProperties {

    private final String name;
    private String type = "http-api";
    private String baseUrl = "http://127.0.0.1";
    private List<String> dependencies = new ArrayList<>();
    private String probePath = "/health";
    private String metricsUrl;
    private String logFile;

    public TargetProperties(@Parameter String name) {
        this.name = name;
    }

    public Target toTarget() {
        return new Target(name, type, baseUrl, dependencies, probePath, metricsUrl, logFile);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public List<String> getDependencies() {
        return dependencies;
    }

    public void setDependencies(List<String> dependencies) {
        this.dependencies = dependencies;
    }

    public String getProbePath() {
        return probePath;
    }

    public void setProbePath(String probePath) {
        this.probePath = probePath;
    }

    public String getMetricsUrl() {
        return metricsUrl;
    }

    public void setMetricsUrl(String metricsUrl) {
        this.metricsUrl = metricsUrl;
    }

    public String getLogFile() {
        return logFile;
    }

    public void setLogFile(String logFile) {
        this.logFile = logFile;
    }
}
