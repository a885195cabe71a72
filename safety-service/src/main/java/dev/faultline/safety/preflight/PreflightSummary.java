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
            case TIME_WINDOW -> "wait for the environment's allowed days and hours, then rerun the preflight";
            case DEPLOYMENT_CALENDAR -> "wait until the freeze, maintenance or deployment (and its margin) is over, or"
                    + " until it is cancelled (`faultline calendar cancel`), then rerun the preflight";
            case ON_CALL -> "publish the missing ON_CALL_SHIFT (`faultline calendar add --kind ON_CALL_SHIFT`) or run"
                    + " when someone is on call, then rerun the preflight";
            case NO_OPEN_INCIDENT -> "wait until the incident is resolved, then rerun the preflight";
            case BLAST_RADIUS_POLICY -> "request changes that lower the traffic share to the environment's maximum";
            case ROLLBACK_READY -> "make sure injector-service and its data plane are up and the dependency has a proxy";
            case APPROVAL -> "ask " + String.join(" or ", approvers) + " (not the proposer) to POST /experiments/"
                    + experimentId + "/approvals";
            case NO_ACTIVE_HALT -> "an operator must lift the halt (DELETE /halts/{haltId}) before it can run";
            case NO_CONCURRENT_EXPERIMENT -> "wait until the other experiment on this service has ended";
            case BLAST_BUDGET -> "wait until experiments running in this environment end, or lower the traffic share";
            case STAGING_FIRST -> "run the same failure mode in staging to a verdict, then rerun the preflight";
            case SCHEDULE_WINDOW -> "move it to a new window (`faultline schedule move " + experimentId
                    + " --at ...`, POST /experiments/" + experimentId + "/schedule)";
            case HISTORICAL_NORM -> "the target is outside its norm for this hour of the week: find out why (a"
                    + " deployment, a traffic peak, an incident) and rerun POST /experiments/" + experimentId
                    + "/preflight when it is back in its band";
            default -> "see the check's reason";
        };
    }
}
