package dev.faultline.safety.baseline;

import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.Probe;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * BASELINE_HEALTH: probes each HTTP probe of the plan now and compares it with its recorded norm, and checks that
 * the source of each METRIC and LOG probe can be read ({@link EvidenceSources}). When every probe
 * is healthy the check states the updated norms in its details, and {@link BaselineNorms} keeps them once the
 * preflight is published; a sick target never becomes the norm. Request headers the HTTP
 * client refused to send are listed in the details ({@code <probe>.droppedHeaders}).
 */
public final class BaselineHealthCheck {

    private static final PreflightCheckKind KIND = PreflightCheckKind.BASELINE_HEALTH;

    private final BaselineSampler sampler;
    private final EvidenceSources sources;
    private final Baselines baselines;
    private final Clock clock;

    public BaselineHealthCheck(BaselineSampler sampler, EvidenceSources sources, Baselines baselines, Clock clock) {
        this.sampler = sampler;
        this.sources = sources;
        this.baselines = baselines;
        this.clock = clock;
    }

    public CheckResult check(Plan plan) throws InterruptedException {
        List<Probe> http = plan.probes().stream().filter(Probe::isHttp).toList();
        if (http.isEmpty()) {
            return CheckResult.failed(KIND, "the plan has no HTTP probe: the target's health cannot be measured", Map.of());
        }
        Map<String, String> details = new LinkedHashMap<>();
        List<String> unhealthy = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<Baseline> updates = new ArrayList<>();
        for (Probe probe : http) {
            ProbeMeasurement now = sampler.measure(probe);
            Optional<Baseline> norm = baselines.find(plan.service(), probe.probeId());
            BaselineComparison.Result result = BaselineComparison.compare(now, norm);
            details.put(probe.probeId() + ".errorRate", String.format("%.3f", now.errorRate()));
            details.put(probe.probeId() + ".p95Millis", String.format("%.1f", now.p95Millis()));
            if (!now.droppedHeaders().isEmpty()) {
                details.put(probe.probeId() + ".droppedHeaders", new TreeMap<>(now.droppedHeaders()).toString());
            }
            norm.ifPresent(b -> {
                details.put(probe.probeId() + ".baselineErrorRate", String.format("%.3f", b.errorRate()));
                details.put(probe.probeId() + ".baselineP95Millis", String.format("%.1f", b.p95Millis()));
            });
            reasons.add(result.reason());
            if (result.healthy()) {
                updates.add(BaselineComparison.updated(plan.service(), norm, now, clock.instant()));
            } else {
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
        updates.forEach(norm -> details.putAll(BaselineNorms.details(norm)));
        return CheckResult.passed(KIND, String.join("; ", reasons), details);
    }
}
