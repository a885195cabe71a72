package dev.faultline.safety.preflight;

import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.util.Map;

/** The outcome of one preflight check, with the reason in words and the measured values that decided it. */
public record CheckResult(PreflightCheckKind kind, CheckOutcome outcome, String reason, Map<String, String> details) {

    public CheckResult {
        details = Map.copyOf(details);
    }

    public static CheckResult passed(PreflightCheckKind kind, String reason, Map<String, String> details) {
        return new CheckResult(kind, CheckOutcome.PASSED, reason, details);
    }

    public static CheckResult failed(PreflightCheckKind kind, String reason, Map<String, String> details) {
        return new CheckResult(kind, CheckOutcome.FAILED, reason, details);
    }

    public static CheckResult notRequired(PreflightCheckKind kind, String reason, Map<String, String> details) {
        return new CheckResult(kind, CheckOutcome.NOT_REQUIRED, reason, details);
    }

    public boolean isFailed() {
        return outcome == CheckOutcome.FAILED;
    }
}
