package dev.faultline.safety.staging;

import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * STAGING_FIRST: where the environment's policy requires it (production), the same failure mode — the service, the
 * fault type and, when the plan was drafted from a template, that template — must have run in STAGING to a judged
 * verdict (see {@link StagingVerdict#judged}) no longer than {@code maxAge} ago. Experiments move to production one
 * at a time, after staging has shown what the failure does.
 */
public final class StagingFirstRule {

    private static final PreflightCheckKind KIND = PreflightCheckKind.STAGING_FIRST;

    /** A staging verdict on the plan's service and fault type, with the template its experiment was drafted from. */
    public record StagingRun(StagingVerdict verdict, String templateId) {
    }

    private StagingFirstRule() {
    }

    public static CheckResult check(Plan plan, Optional<EnvironmentPolicy> policy, Duration maxAge, Instant now,
                                    List<StagingRun> staging) {
        String mode = plan.service() + " under " + plan.fault().getFaultType()
                + (plan.templateId() == null ? "" : " (template " + plan.templateId() + ")");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("failureMode", mode);
        details.put("maxAge", maxAge.toString());
        if (policy.isEmpty() || !policy.get().requiresStagingFirst()) {
            return CheckResult.notRequired(KIND, plan.environment() + " does not require a staging run first", details);
        }
        List<StagingRun> same = staging.stream()
                .filter(r -> plan.templateId() == null || Objects.equals(plan.templateId(), r.templateId()))
                .sorted(Comparator.comparing((StagingRun r) -> r.verdict().issuedAt()).reversed()).toList();
        Optional<StagingRun> judged = same.stream().filter(r -> r.verdict().judged()).findFirst();
        if (judged.isEmpty()) {
            String unjudged = same.isEmpty() ? "" : " (only " + String.join(", ", same.stream().map(StagingFirstRule::describe)
                    .toList()) + ", which judged nothing)";
            return CheckResult.failed(KIND, mode + " has no verdict in STAGING" + unjudged + ": run it in staging first",
                    details);
        }
        StagingVerdict newest = judged.get().verdict();
        details.put("stagingExperiment", newest.experimentId());
        details.put("stagingVerdict", newest.outcome().name());
        details.put("stagingVerdictAt", newest.issuedAt().toString());
        Duration age = Duration.between(newest.issuedAt(), now);
        if (age.compareTo(maxAge) > 0) {
            return CheckResult.failed(KIND, "the newest staging verdict on " + mode + " (" + describe(judged.get())
                    + ") is " + age.toDays() + " days old, older than the " + maxAge.toDays()
                    + " days allowed: run it in staging again first", details);
        }
        return CheckResult.passed(KIND, mode + " ran in staging: " + describe(judged.get()), details);
    }

    private static String describe(StagingRun r) {
        return r.verdict().experimentId() + " " + r.verdict().outcome() + " at " + r.verdict().issuedAt();
    }
}
