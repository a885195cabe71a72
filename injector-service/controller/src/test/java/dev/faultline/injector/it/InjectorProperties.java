package dev.faultline.injector.it;

import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.issuer.LocalIssuer;
import dev.faultline.kit.testing.ServiceProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The properties an IT starts injector-service with: the devstack, its own keyspace and groups, short phases. */
final class InjectorProperties {

    private static final Map<String, ClearanceKeyPair> KEYS = new ConcurrentHashMap<>();

    private InjectorProperties() {
    }

    /**
     * The clearance signing key of one test class (key id: the suffix). Every class reads faultline.safety from offset
     * zero on the shared devstack; with a key each, another class's still-valid clearances are refused (unknown key
     * id, or a signature that does not verify) instead of run again.
     */
    static ClearanceKeyPair keys(String suffix) {
        return KEYS.computeIfAbsent(suffix, ClearanceKeyPair::generate);
    }

    /** The prefix of the consumer groups an IT's injector joins ({@code faultline.injector.group-id}). */
    static String group(String suffix) {
        return "injector-" + suffix;
    }

    static Map<String, Object> of(DevStack stack, TestTarget target, String suffix) {
        Map<String, Object> props = ServiceProperties.forDevStack(stack, "injector_" + suffix);
        props.put("faultline.service.name", "injector-service");
        props.put("faultline.clearance.public-keys." + keys(suffix).keyId(), keys(suffix).publicKeyBase64());
        props.put("faultline.injector.group-id", group(suffix));
        props.put("faultline.injector.dataplane-url", target.dataPlaneUrl());
        props.put("faultline.injector.proxies.pricing", "pricing");
        props.put("faultline.injector.http-proxies.pricing", "pricing-http");
        props.put("faultline.injector.before-millis", 1000);
        props.put("faultline.injector.after-millis", 1000);
        props.put("faultline.injector.batch-millis", 1000);
        props.put("faultline.injector.plan-wait-millis", 3000);
        return props;
    }

    /** What safety-service sends to the rollback dry run: a token of its client, with the role service. */
    static String serviceToken(LocalIssuer issuer) {
        return issuer.mint("safety-service", List.of("service"), Duration.ofMinutes(10));
    }
}
