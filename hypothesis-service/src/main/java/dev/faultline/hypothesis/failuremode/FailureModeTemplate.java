package dev.faultline.hypothesis.failuremode;

import dev.faultline.declarations.failuremode.TemplateExpressions;
import dev.faultline.hypothesis.target.Target;
import dev.faultline.hypothesis.target.Target.Endpoint;
import dev.faultline.schemas.avro.BlastRadius;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultTarget;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionWindow;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.TargetKind;
import dev.faultline.schemas.avro.TemplateGuardrail;
import dev.faultline.schemas.avro.TemplatePrediction;
import dev.faultline.schemas.avro.TemplateProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A failure mode for one service type, as a template declares it (built in, or added on faultline.failure-modes):
 * drafts a whole hypothesis for a proposal. The fault goes on the {@code service→dependency} link, upstream, with
 * the share of traffic as its toxicity (a process fault there acts on the dependency's own process), or, for a
 * template whose target is {@code host}, on the service's own hosts; probes are resolved against the target (its named endpoints, its metrics,
 * Prometheus server and log); a METRIC or LOG probe whose source the target does not declare is left out, with the
 * predictions and guardrails on it; thresholds, minimum samples and texts are the template's expressions, evaluated
 * here.
 */
public final class FailureModeTemplate {

    static final long TIMEOUT_MILLIS = 3000;

    private final FailureModeDeclared declaration;
    private final TemplateOrigin origin;

    public FailureModeTemplate(FailureModeDeclared declaration, TemplateOrigin origin) {
        this.declaration = declaration;
        this.origin = origin;
    }

    public String id() {
        return declaration.getTemplateId();
    }

    public FaultType faultType() {
        return declaration.getFaultType();
    }

    public String serviceType() {
        return declaration.getServiceType();
    }

    public TemplateOrigin origin() {
        return origin;
    }

    /** Whether the failure mode is about a dependency of the service (then the proposal must name one). */
    public boolean needsDependency() {
        return declaration.getTargetKind() == TargetKind.DEPENDENCY_LINK;
    }

    public TemplateInfo info() {
        return new TemplateInfo(id(), declaration.getTitle(), faultType().name(), serviceType(),
                declaration.getDescription(), Map.copyOf(declaration.getParameters()),
                declaration.getProbes().stream().map(TemplateProbe::getProbeId).toList(),
                declaration.getPredictions().stream().map(TemplatePrediction::getPredictionId).toList(),
                declaration.getGuardrails().stream().map(TemplateGuardrail::getGuardrailId).toList(),
                declaration.getRiskLevel().name(), origin);
    }

    /**
     * The hypothesis this template drafts in {@code context}.
     *
     * @throws IllegalArgumentException when an expression of the template fails with the proposal's parameters
     */
    public Hypothesis draft(DraftContext context) {
        Map<String, String> parameters = new LinkedHashMap<>();
        declaration.getParameters().forEach((name, value) -> parameters.put(name, context.parameter(name, value)));
        Map<String, Object> variables = TemplateExpressions.variables(builtIns(context), parameters);
        List<ProbeSpec> probes = new ArrayList<>();
        for (TemplateProbe probe : declaration.getProbes()) {
            resolve(probe, context).ifPresent(probes::add);
        }
        Set<String> probed = Set.copyOf(probes.stream().map(ProbeSpec::getProbeId).toList());
        boolean onLink = needsDependency();
        FaultTarget target = FaultTarget.newBuilder().setKind(onLink ? TargetKind.DEPENDENCY_LINK : TargetKind.HOST)
                .setService(context.service()).setDependency(onLink ? context.dependency() : null).setHost(null).setPath(null)
                .setTopic(null).build();
        FaultSpec scenario = FaultSpec.newBuilder().setFaultType(faultType()).setTarget(target)
                .setDirection(FaultDirection.UPSTREAM).setToxicity(context.trafficShare())
                .setDurationMillis(context.durationMillis()).setParameters(parameters).build();
        BlastRadius blastRadius = BlastRadius.newBuilder().setEnvironment(context.environment())
                .setTargets(List.of(onLink ? context.service() + "→" + context.dependency() : context.service() + " (its hosts)"))
                .setDownstream(List.of(context.service())).setTrafficShare(context.trafficShare()).setMaxHosts(null).build();
        return Hypothesis.newBuilder().setTitle(text(declaration.getTitle(), variables, "title")).setService(context.service())
                .setScenario(scenario).setProbes(probes)
                .setPredictions(on(probed, declaration.getPredictions(), TemplatePrediction::getProbeId,
                        p -> prediction(p, variables)))
                .setBlastRadius(blastRadius)
                .setGuardrails(on(probed, declaration.getGuardrails(), TemplateGuardrail::getProbeId,
                        g -> guardrail(g, variables)))
                .setRiskLevel(declaration.getRiskLevel()).setTemplateId(id())
                .setRationale("Drafted from failure-mode template " + id() + " (" + declaration.getDescription() + "; "
                        + describe(origin) + ") for service type " + serviceType() + ".")
                .build();
    }

    private static Map<String, Object> builtIns(DraftContext c) {
        Map<String, Object> builtIns = new LinkedHashMap<>();
        builtIns.put("service", c.service());
        builtIns.put("dependency", c.dependency() == null ? "" : c.dependency());
        builtIns.put("environment", c.environment() == null ? "" : c.environment().name());
        builtIns.put("durationSeconds", c.durationSeconds());
        builtIns.put("durationMillis", c.durationMillis());
        builtIns.put("trafficShare", c.trafficShare());
        builtIns.put("percent", Math.round(c.trafficShare() * 100) + "%");
        return builtIns;
    }

    /** The probe as it runs against the target (or its dependency's), or empty when its source is not declared. */
    private static Optional<ProbeSpec> resolve(TemplateProbe probe, DraftContext c) {
        Optional<Target> subject = c.subject(probe.getSubject());
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        Target on = subject.get();
        ProbeSpec.Builder spec = ProbeSpec.newBuilder().setProbeId(probe.getProbeId()).setKind(probe.getKind())
                .setIntervalMillis(probe.getIntervalMillis()).setTimeoutMillis(TIMEOUT_MILLIS).setComponent(on.name())
                .setRequestHeaders(Map.of()).setBody(null).setMethod(null).setParameters(probe.getParameters());
        if (probe.getKind() == ProbeKind.HTTP) {
            Endpoint endpoint = Optional.ofNullable(probe.getEndpoint()).flatMap(on::endpoint).orElseGet(() ->
                    new Endpoint(probe.getMethod() == null ? "GET" : probe.getMethod(), probe.getPath(), probe.getBody(),
                            probe.getHeaders()));
            if (endpoint.path() == null) {
                throw new IllegalArgumentException("probe " + probe.getProbeId() + ": " + on.name()
                        + " declares no endpoint '" + probe.getEndpoint() + "' and the template gives no path");
            }
            return Optional.of(spec.setTarget(on.baseUrl() + endpoint.path()).setMethod(endpoint.method())
                    .setBody(endpoint.body()).setRequestHeaders(endpoint.headers()).build());
        }
        Optional<String> source = probe.getKind() == ProbeKind.LOG ? on.log()
                : "prometheus".equals(probe.getParameters().get("source")) ? on.prometheus() : on.metrics();
        return source.map(url -> spec.setTarget(url).build());
    }

    private static <T, R> List<R> on(Set<String> probed, List<T> checks, Function<T, String> probe, Function<T, R> draft) {
        return checks.stream().filter(check -> probed.contains(probe.apply(check))).map(draft).toList();
    }

    private static Prediction prediction(TemplatePrediction p, Map<String, Object> variables) {
        PredictionWindow window = PredictionWindow.newBuilder().setPhase(ExperimentPhase.DURING)
                .setSkipFirstMillis(p.getSkipFirstMillis()).setLengthMillis(null).setMinSamples(minSamples(p, variables))
                .build();
        return Prediction.newBuilder().setPredictionId(p.getPredictionId())
                .setDescription(text(p.getDescription(), variables, p.getPredictionId()))
                .setProbeId(p.getProbeId()).setStatistic(p.getStatistic()).setStatus(p.getStatus())
                .setHeader(p.getHeader()).setComparator(p.getComparator())
                .setThreshold(number(p.getThreshold(), variables, p.getPredictionId())).setUnit(p.getUnit())
                .setWindow(window).build();
    }

    /** The template's minSamples, or its expression's value rounded down (so that it scales with the run). */
    private static int minSamples(TemplatePrediction p, Map<String, Object> variables) {
        if (p.getMinSamplesExpression() == null) {
            return p.getMinSamples();
        }
        try {
            return (int) Math.floor(TemplateExpressions.number(p.getMinSamplesExpression(), variables));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("min-samples of " + p.getPredictionId() + ": " + e.getMessage(), e);
        }
    }

    private static Guardrail guardrail(TemplateGuardrail g, Map<String, Object> variables) {
        return Guardrail.newBuilder().setGuardrailId(g.getGuardrailId())
                .setDescription(text(g.getDescription(), variables, g.getGuardrailId())).setProbeId(g.getProbeId())
                .setStatistic(g.getStatistic()).setStatus(g.getStatus()).setHeader(g.getHeader())
                .setComparator(g.getComparator()).setThreshold(number(g.getThreshold(), variables, g.getGuardrailId()))
                .setUnit(g.getUnit()).setEvaluationWindowMillis(g.getEvaluationWindowMillis())
                .setSustainMillis(g.getSustainMillis()).build();
    }

    private static String text(String template, Map<String, Object> variables, String what) {
        try {
            return TemplateExpressions.text(template, variables);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    private static double number(String threshold, Map<String, Object> variables, String what) {
        try {
            return TemplateExpressions.number(threshold, variables);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("threshold of " + what + ": " + e.getMessage(), e);
        }
    }

    private static String describe(TemplateOrigin origin) {
        if (origin.isBuiltIn()) {
            return "built in";
        }
        return "added by " + origin.addedBy() + (origin.incidentId() == null ? "" : ", from incident " + origin.incidentId());
    }
}
