package dev.faultline.safety.preflight;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON view of a preflight result for {@code GET/POST /experiments/{id}/preflight}. */
@Serdeable
public record PreflightView(String experimentId, int revision, String outcome, String summary, Instant checkedAt,
                            String clearanceId, Instant clearanceExpiresAt, List<Check> checks) {

    /** One check's outcome and reason. */
    @Serdeable
    public record Check(String kind, String outcome, String reason, Map<String, String> details) {
    }

    public static PreflightView of(PreflightRecord r) {
        return new PreflightView(r.experimentId(), r.revision(), r.passed() ? "PASSED" : "BLOCKED", r.summary(),
                r.checkedAt(), r.clearanceId() == null ? null : r.clearanceId().toString(), r.clearanceExpiresAt(),
                r.checks().stream().map(c -> new Check(c.kind().name(), c.outcome().name(), c.reason(),
                        new TreeMap<>(c.details())))
                        .toList());
    }
}
