package dev.faultline.injector;

import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.convert.format.MapFormat.MapTransformation;
import io.micronaut.core.naming.conventions.StringConvention;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The injector's settings ({@code faultline.injector.*}), times in milliseconds:
 * <ul>
 *   <li>{@code group-id} (default {@code injector-service}): prefix of the three listeners' consumer groups;</li>
 *   <li>{@code controller-id} (default {@code injector-service}): the controller's name in InjectionStarted and in
 *       lease holders;</li>
 *   <li>{@code dataplane-url} (default {@code http://127.0.0.1:8474}): the data plane's management API;</li>
 *   <li>{@code proxies.<dependency>} / {@code http-proxies.<dependency>} (default none): the L4 proxy and the L7 HTTP
 *       fault proxy in front of each dependency;</li>
 *   <li>{@code lease-ttl-millis} / {@code lease-renew-millis} (3000 / 1000): the fault's lease and how often it is
 *       renewed, which must be more often than it expires;</li>
 *   <li>{@code before-millis} / {@code after-millis} (5000 / 3000): the BEFORE and AFTER phases;</li>
 *   <li>{@code batch-millis} (1000): how often evidence is published;</li>
 *   <li>{@code guardrail-interval-millis} (100): how often guardrails are evaluated besides on every DURING sample's
 *       arrival (what only time changes: a sustained condition, a silent probe);</li>
 *   <li>{@code guardrail-max-silence-millis} (5000): a guardrail whose probe yields no sample for this long (or for two
 *       of its probe's intervals, if longer) stops the run as a GUARDRAIL breach: running blind;</li>
 *   <li>{@code plan-wait-millis} (15000): how long a PreflightPassed waits for its PlanApproved;</li>
 *   <li>{@code max-clearance-age-millis} (60000): a clearance issued longer ago is refused (stale preflight);</li>
 *   <li>{@code agent-token} (default {@code faultline-demo-agent-token}, at least 16 characters): the bearer token the
 *       hosts' agents accept from the injector (the agents' own {@code token}); <b>set your own</b> outside the demo.</li>
 * </ul>
 */
@ConfigurationProperties("faultline.injector")
public final class InjectorSettings {

    private static final String PREFIX = "faultline.injector.";

    private final String groupId;
    private final String controllerId;
    private final String dataPlaneUrl;
    private final Map<String, String> proxies;
    private final Map<String, String> httpProxies;
    private final Timings timings;
    private final Duration planWait;
    private final Duration maxClearanceAge;
    private final String agentToken;

    @ConfigurationInject
    public InjectorSettings(@Bindable(defaultValue = "injector-service") String groupId,
                            @Bindable(defaultValue = "injector-service") String controllerId,
                            @Bindable(defaultValue = "http://127.0.0.1:8474") String dataplaneUrl,
                            @Bindable(defaultValue = "3000") long leaseTtlMillis,
                            @Bindable(defaultValue = "1000") long leaseRenewMillis,
                            @Bindable(defaultValue = "5000") long beforeMillis,
                            @Bindable(defaultValue = "3000") long afterMillis,
                            @Bindable(defaultValue = "1000") long batchMillis,
                            @Bindable(defaultValue = "100") long guardrailIntervalMillis,
                            @Bindable(defaultValue = "5000") long guardrailMaxSilenceMillis,
                            @Bindable(defaultValue = "15000") long planWaitMillis,
                            @Bindable(defaultValue = "60000") long maxClearanceAgeMillis,
                            @Bindable(defaultValue = "faultline-demo-agent-token") String agentToken,
                            @Property(name = "faultline.injector")
                            @MapFormat(transformation = MapTransformation.FLAT, keyFormat = StringConvention.RAW)
                            Map<String, Object> keys) {
        this.groupId = SettingChecks.notBlank(groupId, PREFIX + "group-id");
        this.controllerId = SettingChecks.notBlank(controllerId, PREFIX + "controller-id");
        this.dataPlaneUrl = httpUrl(dataplaneUrl);
        this.agentToken = SettingChecks.notBlank(agentToken, PREFIX + "agent-token");
        if (this.agentToken.length() < 16) {
            throw new IllegalArgumentException(PREFIX + "agent-token must be at least 16 characters (the agents refuse"
                    + " shorter ones), was " + this.agentToken.length());
        }
        this.proxies = names(keys, "proxies.");
        this.httpProxies = names(keys, "http-proxies.");
        long renew = SettingChecks.atLeast(leaseRenewMillis, 1, PREFIX + "lease-renew-millis");
        if (leaseTtlMillis <= renew) {
            // the lease would lapse between renewals and the data plane remove the fault mid-run
            throw new IllegalArgumentException(PREFIX + "lease-ttl-millis must be more than lease-renew-millis, was "
                    + leaseTtlMillis + " <= " + renew);
        }
        this.timings = new Timings(Duration.ofMillis(leaseTtlMillis), Duration.ofMillis(renew),
                Duration.ofMillis(SettingChecks.atLeast(beforeMillis, 0, PREFIX + "before-millis")),
                Duration.ofMillis(SettingChecks.atLeast(afterMillis, 0, PREFIX + "after-millis")),
                Duration.ofMillis(SettingChecks.atLeast(batchMillis, 1, PREFIX + "batch-millis")),
                Duration.ofMillis(SettingChecks.atLeast(guardrailIntervalMillis, 1,
                        PREFIX + "guardrail-interval-millis")),
                Duration.ofMillis(SettingChecks.atLeast(guardrailMaxSilenceMillis, 1,
                        PREFIX + "guardrail-max-silence-millis")));
        this.planWait = Duration.ofMillis(SettingChecks.atLeast(planWaitMillis, 0, PREFIX + "plan-wait-millis"));
        this.maxClearanceAge = Duration.ofMillis(SettingChecks.atLeast(maxClearanceAgeMillis, 1,
                PREFIX + "max-clearance-age-millis"));
    }

    /**
     * The {@code proxies.*} or {@code http-proxies.*} entries among all {@code faultline.injector.*} keys, names as
     * written. Not bound as maps by name: an empty map written in application.yml ({@code http-proxies: {}}) would
     * then hide the entries that -D options or environment variables add.
     */
    private static Map<String, String> names(@Nullable Map<String, Object> keys, String prefix) {
        Map<String, String> names = new TreeMap<>();
        if (keys != null) {
            keys.forEach((key, value) -> {
                if (key.startsWith(prefix) && value != null && !(value instanceof Map)) {
                    names.put(key.substring(prefix.length()), value.toString());
                }
            });
        }
        return names;
    }

    private static String httpUrl(String url) {
        String key = PREFIX + "dataplane-url";
        SettingChecks.notBlank(url, key);
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the key
        }
        throw new IllegalArgumentException(key + " must be an http(s) URL, was " + url);
    }

    public String groupId() {
        return groupId;
    }

    public String controllerId() {
        return controllerId;
    }

    public String dataPlaneUrl() {
        return dataPlaneUrl;
    }

    /** The L4 proxy that carries traffic to {@code dependency}. */
    public Optional<String> proxyFor(String dependency) {
        return Optional.ofNullable(dependency).map(proxies::get);
    }

    /** The L7 HTTP fault proxy in front of {@code dependency}. */
    public Optional<String> httpProxyFor(String dependency) {
        return Optional.ofNullable(dependency).map(httpProxies::get);
    }

    public Timings timings() {
        return timings;
    }

    public Duration planWait() {
        return planWait;
    }

    /** The bearer token the hosts' agents accept from this injector. */
    public String agentToken() {
        return agentToken;
    }

    /** How long after its preflight a clearance may still start an injection. */
    public Duration maxClearanceAge() {
        return maxClearanceAge;
    }
}
