package dev.faultline.safety.baseline;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.preflight.PreflightRecord;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The norms as the published preflights state them. A passing BASELINE_HEALTH check writes each probe's norm after
 * the measurement into its details ({@code service}, {@code <probe>.normErrorRate}, {@code <probe>.normP95Millis},
 * {@code <probe>.normSamples}); learning a preflight keeps, per (service, probe), the norm of the newest check. So
 * the baselines are a projection of faultline.safety: the same whatever order the preflights are read in, and
 * unchanged when one is read twice.
 */
public final class BaselineNorms {

    static final String SERVICE = "service";
    static final String ERROR_RATE = ".normErrorRate";
    static final String P95_MILLIS = ".normP95Millis";
    static final String SAMPLES = ".normSamples";

    private final Baselines baselines;

    public BaselineNorms(Baselines baselines) {
        this.baselines = baselines;
    }

    /** The details entries that state {@code norm}, the norm of one probe after a healthy measurement. */
    static Map<String, String> details(Baseline norm) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put(SERVICE, norm.service());
        details.put(norm.probeId() + ERROR_RATE, Double.toString(norm.errorRate()));
        details.put(norm.probeId() + P95_MILLIS, Double.toString(norm.p95Millis()));
        details.put(norm.probeId() + SAMPLES, Long.toString(norm.samples()));
        return details;
    }

    /** Keeps the norms a preflight's passing baseline check states, unless a newer check already set them. */
    public void learn(PreflightRecord preflight) {
        preflight.checks().stream()
                .filter(c -> c.kind() == PreflightCheckKind.BASELINE_HEALTH && c.outcome() == CheckOutcome.PASSED)
                .forEach(check -> learn(check, preflight.checkedAt()));
    }

    private void learn(CheckResult check, Instant checkedAt) {
        String service = check.details().get(SERVICE);
        if (service == null) {
            return;
        }
        check.details().keySet().stream().filter(key -> key.endsWith(ERROR_RATE)).forEach(key -> {
            String probeId = key.substring(0, key.length() - ERROR_RATE.length());
            Baseline norm = new Baseline(service, probeId, Double.parseDouble(check.details().get(key)),
                    Double.parseDouble(check.details().get(probeId + P95_MILLIS)),
                    Long.parseLong(check.details().get(probeId + SAMPLES)), checkedAt);
            boolean newer = baselines.find(service, probeId).map(b -> b.updatedAt().isBefore(checkedAt)).orElse(true);
            if (newer) {
                baselines.save(norm);
            }
        });
    }
}
