package dev.faultline.hypothesis.failuremode;

import dev.faultline.hypothesis.target.Target;
import dev.faultline.schemas.avro.BlastRadius;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultTarget;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.RiskLevel;
import dev.faultline.schemas.avro.TargetKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A failure mode on the link from a service to one of its dependencies. The skeleton is shared (fault on the
 * {@code service→dependency} link, upstream, toxicity = share of traffic, blast radius = that link); a
 * {@link Definition} supplies what differs: the title, probes, predictions, guardrails and fault parameters.
 */
public final class DependencyFaultTemplate implements FailureModeTemplate {

    /** What one failure mode for one service type adds to the skeleton. */
    public record Definition(String id, FaultType faultType, String serviceType, String description, RiskLevel risk,
                             Map<String, String> defaultParameters, Function<DraftContext, String> title,
                             Function<DraftContext, List<ProbeSpec>> probes,
                             Function<DraftContext, List<Prediction>> predictions,
                             Function<DraftContext, List<Guardrail>> guardrails) {
    }

    private final Definition definition;
    private final TemplateInfo info;

    public DependencyFaultTemplate(Definition definition) {
        this.definition = definition;
        this.info = describe(definition);
    }

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public FaultType faultType() {
        return definition.faultType();
    }

    @Override
    public String serviceType() {
        return definition.serviceType();
    }

    @Override
    public boolean needsDependency() {
        return true;
    }

    @Override
    public TemplateInfo info() {
        return info;
    }

    @Override
    public Hypothesis draft(DraftContext context) {
        Map<String, String> parameters = new LinkedHashMap<>();
        definition.defaultParameters().forEach((name, value) -> parameters.put(name, context.parameter(name, value)));
        FaultTarget target = FaultTarget.newBuilder().setKind(TargetKind.DEPENDENCY_LINK).setService(context.service())
                .setDependency(context.dependency()).setHost(null).setPath(null).setTopic(null).build();
        FaultSpec scenario = FaultSpec.newBuilder().setFaultType(definition.faultType()).setTarget(target)
                .setDirection(FaultDirection.UPSTREAM).setToxicity(context.trafficShare())
                .setDurationMillis(context.durationMillis()).setParameters(parameters).build();
        BlastRadius blastRadius = BlastRadius.newBuilder().setEnvironment(context.environment())
                .setTargets(List.of(context.service() + "→" + context.dependency()))
                .setDownstream(List.of(context.service())).setTrafficShare(context.trafficShare()).setMaxHosts(null).build();
        return Hypothesis.newBuilder().setTitle(definition.title().apply(context)).setService(context.service())
                .setScenario(scenario).setProbes(definition.probes().apply(context))
                .setPredictions(definition.predictions().apply(context)).setBlastRadius(blastRadius)
                .setGuardrails(definition.guardrails().apply(context)).setRiskLevel(definition.risk())
                .setTemplateId(definition.id())
                .setRationale("Drafted from failure-mode template " + definition.id() + " (" + definition.description()
                        + ") for service type " + definition.serviceType() + "; no prior catalog knowledge consulted.")
                .build();
    }

    /** Describes the template by drafting it once against a sample target. */
    private static TemplateInfo describe(Definition d) {
        Target sample = new Target("service", d.serviceType(), "http://service", List.of("dependency"), "/health");
        DraftContext context = new DraftContext(sample, "dependency", Environment.STAGING, 30_000, 1.0, Map.of());
        Hypothesis h = new DependencyFaultTemplate(d, null).draft(context);
        return new TemplateInfo(d.id(), h.getTitle(), d.faultType().name(), d.serviceType(), d.description(),
                d.defaultParameters(), h.getProbes().stream().map(ProbeSpec::getProbeId).toList(),
                h.getPredictions().stream().map(Prediction::getPredictionId).toList(),
                h.getGuardrails().stream().map(Guardrail::getGuardrailId).toList(), d.risk().name());
    }

    private DependencyFaultTemplate(Definition definition, TemplateInfo info) {
        this.definition = definition;
        this.info = info;
    }
}
