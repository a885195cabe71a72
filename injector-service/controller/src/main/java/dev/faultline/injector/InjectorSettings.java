package dev.faultline.injector;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The injector's settings ({@code faultline.injector.*}): data plane, proxies per dependency, lease and phase timings. */
@Singleton
public final class InjectorSettings {

    private final String groupId;
    private final String controllerId;
    private final String dataPlaneUrl;
    private final Map<String, String> proxies;
    private final Map<String, String> httpProxies;
    private final Timings timings;
    private final Duration planWait;
    private final Duration maxClearanceAge;

    public InjectorSettings(Environment environment,
                            @Value("${faultline.injector.group-id:injector-service}") String groupId,
                            @Value("${faultline.injector.controller-id:injector-service}") String controllerId,
                            @Value("${faultline.injector.dataplane-url:`http://127.0.0.1:8474`}") String dataPlaneUrl,
                            @Value("${faultline.injector.lease-ttl-millis:3000}") long leaseTtl,
                            @Value("${faultline.injector.lease-renew-millis:1000}") long leaseRenew,
                            @Value("${faultline.injector.before-millis:5000}") long before,
                            @Value("${faultline.injector.after-millis:3000}") long after,
                            @Value("${faultline.injector.batch-millis:1000}") long batch,
                            @Value("${faultline.injector.guardrail-interval-millis:100}") long guardrailInterval,
                            @Value("${faultline.injector.plan-wait-millis:15000}") long planWait,
                            @Value("${faultline.injector.max-clearance-age-millis:60000}") long maxClearanceAge) {
        this.groupId = groupId;
        this.controllerId = controllerId;
        this.dataPlaneUrl = dataPlaneUrl;
        this.proxies = names(environment, "faultline.injector.proxies");
        this.httpProxies = names(environment, "faultline.injector.http-proxies");
        this.timings = new Timings(Duration.ofMillis(leaseTtl), Duration.ofMillis(leaseRenew), Duration.ofMillis(before),
                Duration.ofMillis(after), Duration.ofMillis(batch), Duration.ofMillis(guardrailInterval));
        this.planWait = Duration.ofMillis(planWait);
        this.maxClearanceAge = Duration.ofMillis(maxClearanceAge);
    }

    private static Map<String, String> names(Environment environment, String prefix) {
        Map<String, String> names = new TreeMap<>();
        environment.getProperties(prefix, StringConvention.RAW).forEach((k, v) -> {
            if (v != null && !(v instanceof Map)) {
                names.put(k, v.toString());
            }
        });
        return names;
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

    /** How long after its preflight a clearance may still start an injection. */
    public Duration maxClearanceAge() {
        return maxClearanceAge;
    }
}
