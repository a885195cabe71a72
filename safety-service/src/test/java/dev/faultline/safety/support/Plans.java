package dev.faultline.safety.support;

import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.Probe;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultTarget;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.TargetKind;
import java.util.List;
import java.util.Map;

/** Named plan fixtures for the rule tests. */
public final class Plans {

    private Plans() {
    }

    public static Plan staging(double share) {
        return plan(Environment.STAGING, share, List.of());
    }

    public static Plan production(double share) {
        return plan(Environment.PRODUCTION, share, List.of());
    }

    public static Plan plan(Environment env, double share, List<Probe> probes) {
        FaultSpec blackhole = FaultSpec.newBuilder().setFaultType(FaultType.NETWORK_BLACKHOLE)
                .setTarget(FaultTarget.newBuilder().setKind(TargetKind.DEPENDENCY_LINK).setService("storefront")
                        .setDependency("pricing").setHost(null).setPath(null).setTopic(null).build())
                .setDirection(FaultDirection.BOTH).setToxicity(share).setDurationMillis(30_000).setParameters(Map.of()).build();
        return new Plan("exp-1", 1, "pricing unreachable", "storefront", env, share, "pricing", 30_000, probes, blackhole);
    }

    public static Probe get(String id, String url) {
        return new Probe(id, "HTTP", url, "GET", 1000, Map.of(), null);
    }
}
