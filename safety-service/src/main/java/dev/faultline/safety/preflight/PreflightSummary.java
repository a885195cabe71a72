package dev.faultline.safety.preflight;

import java.util.List;

/** Writes the one-sentence verdict of a preflight: what failed, why, and what to do about each. */
public final class PreflightSummary {

    private PreflightSummary() {
    }

    public static String of(String experimentId, int revision, List<CheckResult> checks, List<String> approvers) {
        List<CheckResult> failed = checks.stream().filter(CheckResult::isFailed).toList();
        if (failed.isEmpty()) {
            return "all " + checks.size() + " checks passed for revision " + revision + " of " + experimentId;
        }
        return "blocked: " + String.join(" | ", failed.stream()
                .map(c -> c.kind() + " failed (" + c.reason() + ") → " + advice(c, experimentId, approvers)).toList());
    }

    static String advice(CheckResult check, String experimentId, List<String> approvers) {
        return switch (check.kind()) {
            case BASELINE_HEALTH -> "the target is not healthy now: fix it or wait until it is back to its norm, then rerun"
                    + " POST /experiments/" + experimentId + "/preflight";
            case TIME_WINDOW -> "wait for the allowed hours or the end of the freeze, then rerun the preflight";
            case BLAST_RADIUS_POLICY -> "request changes that lower the traffic share to the environment's maximum";
            case ROLLBACK_READY -> "make sure injector-service and its data plane are up and the dependency has a proxy";
            case APPROVAL -> "ask " + String.join(" or ", approvers) + " (not the proposer) to POST /experiments/"
                    + experimentId + "/approvals";
            case NO_ACTIVE_HALT -> "an operator must lift the halt (DELETE /halts/{haltId}) before it can run";
            case NO_CONCURRENT_EXPERIMENT -> "wait until the other experiment on this service has ended";
            case BLAST_BUDGET -> "wait until experiments running in this environment end, or lower the traffic share";
            case STAGING_FIRST -> "run the same failure mode in staging to a verdict, then rerun the preflight";
            default -> "see the check's reason";
        };
    }
}
