package dev.faultline.injector.it;

import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.issuer.LocalIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The properties an IT starts injector-service with: the devstack, its own keyspace and groups, short phases. */
final class InjectorProperties {

    private InjectorProperties() {
    }

    /**
     * The clearance secret of one test class. Every class reads faultline.safety from offset zero on the shared
     * devstack; with one secret each, another class's still-valid clearances are refused instead of run again.
     */
    static String secret(String suffix) {
        return "test-clearance-secret-" + suffix;
    }

    static Map<String, Object> of(DevStack stack, TestTarget target, String suffix) {
        Map<String, Object> props = ServiceProperties.forDevStack(stack, "injector_" + suffix);
        props.put("faultline.service.name", "injector-service");
        props.put("faultline.clearance.secret", secret(suffix));
        props.put("faultline.injector.group-id", "injector-" + suffix);
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
