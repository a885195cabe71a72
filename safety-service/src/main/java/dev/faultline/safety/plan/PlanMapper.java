package dev.faultline.safety.plan;

import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.ProbeSpec;
import java.util.Map;

/** Maps the contract's {@link Hypothesis} to the {@link Plan} the preflight rules read. */
public final class PlanMapper {

    private PlanMapper() {
    }

    public static Plan toPlan(String experimentId, int revision, Hypothesis h) {
        return new Plan(experimentId, revision, h.getTitle(), h.getService(), h.getBlastRadius().getEnvironment(),
                h.getBlastRadius().getTrafficShare(), h.getScenario().getTarget().getDependency(),
                h.getScenario().getDurationMillis(),
                h.getProbes().stream().map(PlanMapper::toProbe).toList(), h.getScenario(), h.getRiskLevel(),
                h.getTemplateId(), h.getRequestedStart(), h.getRequestedEnd());
    }

    private static Probe toProbe(ProbeSpec p) {
        Map<String, String> headers = p.getRequestHeaders() == null ? Map.of() : p.getRequestHeaders();
        return new Probe(p.getProbeId(), p.getKind().name(), p.getTarget(), p.getMethod() == null ? "GET" : p.getMethod(),
                p.getTimeoutMillis(), headers, p.getBody(), p.getParameters());
    }
}
