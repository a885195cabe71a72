package dev.faultline.safety.baseline;

import dev.faultline.safety.plan.Probe;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP probes of one preflight, each measured once: the first check that asks for a probe sends it
 * ({@link BaselineSampler}), and the others read that same measurement — HISTORICAL_NORM compares it with the
 * probe's history and BASELINE_HEALTH with its absolute limit, so the target sees {@code samples} requests per
 * probe and preflight, not one round per check. A new preflight measures afresh; one instance serves one run.
 */
public final class ProbeMeasurements {

    private final BaselineSampler sampler;
    private final Map<Probe, ProbeMeasurement> measured = new HashMap<>();

    public ProbeMeasurements(BaselineSampler sampler) {
        this.sampler = sampler;
    }

    public ProbeMeasurement of(Probe probe) throws InterruptedException {
        ProbeMeasurement known = measured.get(probe);
        if (known == null) {
            known = sampler.measure(probe);
            measured.put(probe, known);
        }
        return known;
    }
}
