package dev.faultline.catalog;

import dev.faultline.catalog.behaviour.Staleness;
import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * catalog-service's settings ({@code faultline.catalog.*}):
 * <ul>
 *   <li>{@code application-id} (default {@code faultline-catalog}): the Kafka Streams application id;</li>
 *   <li>{@code state-dir} (default {@code ${java.io.tmpdir}/faultline-catalog-state}): the Streams state directory;</li>
 *   <li>{@code commit-interval-ms} (default 200): the Streams commit interval;</li>
 *   <li>{@code stale-after} (default {@code 30d}): an entry not tested for this long is stale (so is one whose service
 *       was deployed since its last test); Faultline's one staleness period — hypothesis-service reads the verdict
 *       off the entry;</li>
 *   <li>{@code stale-check-every} (default {@code 10s}): how often the entries are judged again (an entry ages, a
 *       deployment window starts), so how late a stale entry may be marked;</li>
 *   <li>{@code application-server} (no default): {@code host:port} at which the other instances reach this one's HTTP
 *       API (Streams' {@code application.server}); set when several instances share the application id, so that a
 *       query for a key another instance owns is forwarded there and a listing gathers every instance's part. Unset:
 *       one instance, which answers from its own stores.</li>
 * </ul>
 * The gaps (targets x failure modes never tested) come from faultline.targets, faultline.failure-modes and the
 * built-in templates, not from settings.
 * The replication of the Streams app's internal topics is the kit's {@code faultline.kafka.replication-factor}.
 */
@ConfigurationProperties("faultline.catalog")
public final class CatalogSettings {

    private final String applicationId;
    private final String stateDir;
    private final long commitIntervalMs;
    private final Duration staleAfter;
    private final Duration staleCheckEvery;
    private final String applicationServer;

    @ConfigurationInject
    public CatalogSettings(@Bindable(defaultValue = "faultline-catalog") String applicationId,
                           @Nullable String stateDir,
                           @Bindable(defaultValue = "200") long commitIntervalMs,
                           @Bindable(defaultValue = "30d") Duration staleAfter,
                           @Bindable(defaultValue = "10s") Duration staleCheckEvery,
                           @Nullable String applicationServer) {
        this.applicationId = SettingChecks.notBlank(applicationId, "faultline.catalog.application-id");
        this.stateDir = stateDir == null || stateDir.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "faultline-catalog-state").toString() : stateDir;
        this.commitIntervalMs = SettingChecks.atLeast(commitIntervalMs, 0, "faultline.catalog.commit-interval-ms");
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("faultline.catalog.stale-after must be positive, was " + staleAfter);
        }
        this.staleAfter = staleAfter;
        if (staleCheckEvery == null || staleCheckEvery.toMillis() < 1) {
            throw new IllegalArgumentException("faultline.catalog.stale-check-every must be at least 1ms, was "
                    + staleCheckEvery);
        }
        this.staleCheckEvery = staleCheckEvery;
        this.applicationServer = applicationServer == null || applicationServer.isBlank() ? null
                : checkedHostPort(applicationServer.strip());
    }

    private static String checkedHostPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            if (colon > 0 && Integer.parseInt(hostPort.substring(colon + 1)) > 0) {
                return hostPort;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("faultline.catalog.application-server must be host:port, was '" + hostPort + "'");
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

    /** The staleness rule with this period. */
    public Staleness staleness() {
        return new Staleness(staleAfter);
    }

    public Duration staleCheckEvery() {
        return staleCheckEvery;
    }

    /** {@code host:port} at which the other instances reach this one; empty when it runs alone. */
    public Optional<String> applicationServer() {
        return Optional.ofNullable(applicationServer);
    }
}
