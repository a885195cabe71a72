package dev.faultline.catalog;

import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * catalog-service's settings ({@code faultline.catalog.*}):
 * <ul>
 *   <li>{@code application-id} (default {@code faultline-catalog}): the Kafka Streams application id;</li>
 *   <li>{@code state-dir} (default {@code ${java.io.tmpdir}/faultline-catalog-state}): the Streams state directory;</li>
 *   <li>{@code commit-interval-ms} (default 200): the Streams commit interval;</li>
 *   <li>{@code stale-after} (default {@code 30d}): an entry not tested for this long is reported stale;</li>
 *   <li>{@code expected.<service>: [FAULT_TYPE, ...]} (default none): the failure modes each service is expected to be
 *       tested under, reported as gaps until they are.</li>
 * </ul>
 * The replication of the Streams app's internal topics is the kit's {@code faultline.kafka.replication-factor}.
 */
@ConfigurationProperties("faultline.catalog")
public final class CatalogSettings {

    private final String applicationId;
    private final String stateDir;
    private final long commitIntervalMs;
    private final Duration staleAfter;
    private final Map<String, List<String>> expected;

    @ConfigurationInject
    public CatalogSettings(@Bindable(defaultValue = "faultline-catalog") String applicationId,
                           @Nullable String stateDir,
                           @Bindable(defaultValue = "200") long commitIntervalMs,
                           @Bindable(defaultValue = "30d") Duration staleAfter,
                           @Nullable Map<String, List<String>> expected) {
        this.applicationId = SettingChecks.notBlank(applicationId, "faultline.catalog.application-id");
        this.stateDir = stateDir == null || stateDir.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "faultline-catalog-state").toString() : stateDir;
        this.commitIntervalMs = SettingChecks.atLeast(commitIntervalMs, 0, "faultline.catalog.commit-interval-ms");
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("faultline.catalog.stale-after must be positive, was " + staleAfter);
        }
        this.staleAfter = staleAfter;
        this.expected = expected == null ? Map.of() : new LinkedHashMap<>(expected);
    }

    public String applicationId() {
        return applicationId;
    }

    public String stateDir() {
        return stateDir;
    }

    public long commitIntervalMs() {
        return commitIntervalMs;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    /** Expected fault type names by service (checked against the contract's fault types by the queries). */
    public Map<String, List<String>> expected() {
        return expected;
    }
}
