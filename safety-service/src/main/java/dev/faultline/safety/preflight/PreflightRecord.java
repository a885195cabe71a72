package dev.faultline.safety.preflight;

import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckResult;
import dev.faultline.schemas.avro.PreflightPassed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A preflight as it was decided and published: every check, the summary, and the clearance if it passed. */
public record PreflightRecord(String experimentId, int revision, boolean passed, String summary, Instant checkedAt,
                              UUID clearanceId, Instant clearanceExpiresAt, List<CheckResult> checks) {

    public PreflightRecord {
        checks = List.copyOf(checks);
    }

    /** The result a PreflightPassed tells: every check, and the clearance. */
    public static PreflightRecord of(PreflightPassed p) {
        String experimentId = p.getHeader().getExperimentId();
        List<CheckResult> checks = CheckResults.fromAvro(p.getChecks());
        return new PreflightRecord(experimentId, p.getRevision(), true,
                PreflightSummary.of(experimentId, p.getRevision(), checks, List.of()), checkedAt(p.getChecks(), p.getHeader()),
                p.getClearance().getClearanceId(), p.getClearance().getExpiresAt(), checks);
    }

    /** The result a PreflightBlocked tells: every check, and the summary of what blocked it. */
    public static PreflightRecord of(PreflightBlocked b) {
        return new PreflightRecord(b.getHeader().getExperimentId(), b.getRevision(), false, b.getSummary(),
                checkedAt(b.getChecks(), b.getHeader()), null, null, CheckResults.fromAvro(b.getChecks()));
    }

    private static Instant checkedAt(List<PreflightCheckResult> checks, EventHeader header) {
        return checks.isEmpty() ? header.getOccurredAt() : checks.get(0).getCheckedAt();
    }
}
