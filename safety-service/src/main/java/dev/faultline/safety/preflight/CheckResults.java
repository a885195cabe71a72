package dev.faultline.safety.preflight;

import dev.faultline.schemas.avro.PreflightCheckResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/** Maps check results to and from the contract's {@link PreflightCheckResult}. */
public final class CheckResults {

    private CheckResults() {
    }

    public static List<PreflightCheckResult> toAvro(List<CheckResult> checks, Instant checkedAt) {
        return checks.stream().map(c -> PreflightCheckResult.newBuilder().setKind(c.kind()).setOutcome(c.outcome())
                .setReason(c.reason()).setDetails(new HashMap<>(c.details())).setCheckedAt(checkedAt).build()).toList();
    }

    public static List<CheckResult> fromAvro(List<PreflightCheckResult> checks) {
        return checks.stream().map(c -> new CheckResult(c.getKind(), c.getOutcome(), c.getReason(), c.getDetails()))
                .toList();
    }
}
