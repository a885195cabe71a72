package dev.faultline.safety.support;

import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.Probe;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultTarget;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.RiskLevel;
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
        return new Plan("exp-1", 1, "pricing unreachable", "storefront", env, share, "pricing", 30_000, probes, blackhole,
                RiskLevel.MEDIUM, "dependency-unreachable");
    }

    /** Another experiment's plan on {@code service}, touching {@code share} of its traffic in {@code env}. */
    public static Plan other(String experimentId, String service, Environment env, double share) {
        Plan plan = plan(env, share, List.of());
        return new Plan(experimentId, 1, plan.title(), service, env, share, plan.dependency(), plan.durationMillis(),
                plan.probes(), plan.fault(), plan.riskLevel(), plan.templateId());
    }

    /** The plan as if the hypothesis stage had judged its risk {@code risk}. */
    public static Plan risk(Plan plan, RiskLevel risk) {
        return new Plan(plan.experimentId(), plan.revision(), plan.title(), plan.service(), plan.environment(),
                plan.trafficShare(), plan.dependency(), plan.durationMillis(), plan.probes(), plan.fault(), risk,
                plan.templateId());
    }

    /** A GET probe with a 5 s timeout: a test's local target answers late only when the machine is starved. */
    public static Probe get(String id, String url) {
        return new Probe(id, "HTTP", url, "GET", 5000, Map.of(), null);
    }
}
