package dev.faultline.safety.preflight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A preflight as it was decided and published: every check, the summary, and the clearance if it passed. */
public record PreflightRecord(String experimentId, int revision, boolean passed, String summary, Instant checkedAt,
                              UUID clearanceId, Instant clearanceExpiresAt, List<CheckResult> checks) {

    public PreflightRecord {
        checks = List.copyOf(checks);
    }
}
