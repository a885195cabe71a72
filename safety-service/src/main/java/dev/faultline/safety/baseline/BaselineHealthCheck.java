package dev.faultline.safety.baseline;

import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.Probe;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * BASELINE_HEALTH: is the target healthy now, and can every evidence source be read? Each HTTP probe of the plan,
 * as this preflight measured it ({@link ProbeMeasurements}), must answer within the absolute limit of
 * {@link ProbeHealth}, and the source of each METRIC and LOG probe must be readable ({@link EvidenceSources}). How a
 * probe compares with its usual values is HISTORICAL_NORM's question. Request headers the HTTP client refused to
 * send are listed in the details ({@code <probe>.droppedHeaders}).
 */
public final class BaselineHealthCheck {

    private static final PreflightCheckKind KIND = PreflightCheckKind.BASELINE_HEALTH;

    private final EvidenceSources sources;
    private final double maxErrorRate;

    public BaselineHealthCheck(EvidenceSources sources, double maxErrorRate) {
        this.sources = sources;
        this.maxErrorRate = maxErrorRate;
    }

    public CheckResult check(Plan plan, ProbeMeasurements measurements) throws InterruptedException {
        List<Probe> http = plan.probes().stream().filter(Probe::isHttp).toList();
        if (http.isEmpty()) {
            return CheckResult.failed(KIND, "the plan has no HTTP probe: the target's health cannot be measured", Map.of());
        }
        Map<String, String> details = new LinkedHashMap<>();
        List<String> unhealthy = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Probe probe : http) {
            ProbeMeasurement now = measurements.of(probe);
            ProbeHealth.Result result = ProbeHealth.judge(now, maxErrorRate);
            details.put(probe.probeId() + ".errorRate", String.format("%.3f", now.errorRate()));
            details.put(probe.probeId() + ".p95Millis", String.format("%.1f", now.p95Millis()));
            if (!now.droppedHeaders().isEmpty()) {
                details.put(probe.probeId() + ".droppedHeaders", new TreeMap<>(now.droppedHeaders()).toString());
            }
            reasons.add(result.reason());
            if (!result.healthy()) {
                unhealthy.add(result.reason());
            }
        }
        for (Probe probe : plan.probes().stream().filter(Probe::readsASource).toList()) {
            sources.problem(probe).ifPresentOrElse(problem -> {
                unhealthy.add(problem);
                details.put(probe.probeId() + ".source", "unreadable");
            }, () -> details.put(probe.probeId() + ".source", "readable"));
        }
        if (!unhealthy.isEmpty()) {
            return CheckResult.failed(KIND, String.join("; ", unhealthy), details);
        }
        return CheckResult.passed(KIND, String.join("; ", reasons), details);
    }
}
