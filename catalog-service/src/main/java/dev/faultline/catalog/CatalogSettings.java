package dev.faultline.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * catalog-service's settings ({@code faultline.catalog.*}): the Streams application id and state directory, the
 * commit interval, when an entry goes stale, and which failure modes of which services are expected to be tested
 * ({@code expected.<service>: [FAULT_TYPE, ...]}, reported as gaps until they are).
 */
@ConfigurationProperties("faultline.catalog")
public class CatalogSettings {

    private String applicationId = "faultline-catalog";
    private String stateDir = Path.of(System.getProperty("java.io.tmpdir"), "faultline-catalog-state").toString();
    private long commitIntervalMs = 200;
    private Duration staleAfter = Duration.ofDays(30);
    private Map<String, List<String>> expected = new LinkedHashMap<>();

    public String getApplicationId() {
        return applicationId;
    }

    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    public String getStateDir() {
        return stateDir;
    }

    public void setStateDir(String stateDir) {
        this.stateDir = stateDir;
    }

    public long getCommitIntervalMs() {
        return commitIntervalMs;
    }

    public void setCommitIntervalMs(long commitIntervalMs) {
        this.commitIntervalMs = commitIntervalMs;
    }

    public Duration getStaleAfter() {
        return staleAfter;
    }

    public void setStaleAfter(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    public Map<String, List<String>> getExpected() {
        return expected;
    }

    public void setExpected(Map<String, List<String>> expected) {
        this.expected = expected;
    }
}
