package dev.faultline.declarations.failuremode;

import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.declarations.yaml.LocatedYaml.Node;
import dev.faultline.declarations.yaml.YamlFile;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.RiskLevel;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.TargetKind;
import dev.faultline.schemas.avro.TemplateGuardrail;
import dev.faultline.schemas.avro.TemplatePrediction;
import dev.faultline.schemas.avro.TemplateProbe;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A failure-modes file: templates that draft a whole hypothesis for one service type and fault type, read into one
 * {@link FailureModeDeclared} each. The whole file is refused when anything in it is wrong, with every problem
 * located; the built-in templates are files of this format too.
 *
 * <pre>
 * failure-modes:
 *   storefront-dependency-latency:               # the template id
 *     service-type: http-storefront              # a target's type
 *     fault: network-latency                     # a fault type
 *     target: dependency-link                    # where the fault goes (the proposal names the dependency)
 *     risk: low
 *     description: every response of the dependency is delayed by latencyMillis (ms)
 *     parameters: {latencyMillis: 1000}          # fault parameters and their defaults (a proposal label overrides)
 *     title: When ${dependency} answers ${latencyMillis} ms slower, ${service} keeps reads below 800 ms
 *     probes:
 *       product-reads: {endpoint: product-reads, method: GET, path: /products/sku-1, interval: 200ms}
 *       price-fallbacks: {kind: metric, parameters: {metric: cache_lookups_total, labels: result=stale, aggregate: rate}}
 *       errors: {kind: log, parameters: {level: ERROR}}
 *       pricing-errors: {kind: log, on: dependency, parameters: {level: ERROR}}   # the dependency's own log
 *       checkout-errors: {kind: log, on: checkout, parameters: {level: ERROR}}    # a downstream service's
 *     predictions:
 *       reads-p99: {probe: product-reads, statistic: p99-latency, comparator: '&lt;', threshold: 'latencyMillis + 500',
 *                   unit: milliseconds, min-samples: 40, description: reads stay fast}
 *       reads-served: {probe: product-reads, statistic: success-rate, comparator: '&gt;=', threshold: 0.99, unit: ratio,
 *                      min-samples: 'math:max(1, math:min(50, (durationSeconds - 2) * 4))'}   # scales with the run
 *     guardrails:
 *       reads-failing: {probe: product-reads, statistic: error-rate, comparator: '&gt;', threshold: 0.5, unit: ratio,
 *                       window: 3s, sustain: 1s, description: stop when most reads fail}
 * </pre>
 * {@code target} is {@code dependency-link} (the default: the link from the service to the dependency the proposal
 * names; a process fault there — cpu-exhaustion … process-kill — acts on the dependency's own hosts and process, as
 * the dependency's declaration names them) or {@code host} (a host fault on the service's own hosts and process).
 * An HTTP probe calls the target's endpoint of that name, else the template's own method, path, body and headers;
 * a METRIC or LOG probe reads the target's declared metrics (or Prometheus server, with {@code source: prometheus})
 * or log file, and is left out, with the checks on it, when the target declares none.
 */
public final class FailureModesFile {

    private static final Set<String> SUBJECTS = Set.of("service", "dependency");
    /** The faults a host's agent applies, which a template may put on the service's own host. */
    private static final Set<FaultType> HOST_FAULTS = Set.of(FaultType.CPU_EXHAUSTION, FaultType.MEMORY_EXHAUSTION,
            FaultType.DISK_EXHAUSTION, FaultType.PROCESS_PAUSE, FaultType.PROCESS_KILL);
    private static final String PARAMETER = "[a-zA-Z][a-zA-Z0-9]*";
    private static final Map<String, ComparisonOperator> SYMBOLS = Map.of("<", ComparisonOperator.LESS_THAN,
            "<=", ComparisonOperator.LESS_OR_EQUAL, ">", ComparisonOperator.GREATER_THAN,
            ">=", ComparisonOperator.GREATER_OR_EQUAL, "==", ComparisonOperator.EQUAL, "!=", ComparisonOperator.NOT_EQUAL);

    private FailureModesFile() {
    }

    /**
     * The templates of {@code text}, read from {@code source} on behalf of {@code person}, derived from
     * {@code incidentId} (or null).
     *
     * @throws Invalid with every problem of the file, located
     */
    public static List<FailureModeDeclared> read(String text, String source, String person, String incidentId,
                                                 Clock clock) throws Invalid {
        Actor actor = Actor.newBuilder().setKind(ActorKind.PERSON).setId(person).build();
        return new Reader(source, actor, incidentId, clock).templates(text);
    }

    private static final class Reader extends YamlFile {

        private final String source;
        private final Actor actor;
        private final String incidentId;
        private final Clock clock;

        Reader(String source, Actor actor, String incidentId, Clock clock) {
            this.source = source;
            this.actor = actor;
            this.incidentId = incidentId;
            this.clock = clock;
        }

        List<FailureModeDeclared> templates(String text) throws Invalid {
            Node root = parse(text);
            throwIfInvalid();
            List<FailureModeDeclared> templates = new ArrayList<>();
            Map<String, Node> top = map(root, "(file)");
            if (top != null) {
                allowOnly(top, "(file)", "failure-modes");
                Node all = top.get("failure-modes");
                if (all == null) {
                    problem(root, "(file)", "no 'failure-modes': declare at least one template");
                } else {
                    templates.addAll(named(all, "failure-modes", this::template));
                }
            }
            throwIfInvalid();
            return templates;
        }

        private FailureModeDeclared template(String id, Node spec, String path) {
            int before = problemCount();
            Map<String, Node> fields = map(spec, path);
            if (fields == null) {
                return null;
            }
            allowOnly(fields, path, "service-type", "fault", "target", "risk", "description", "parameters", "title",
                    "probes", "predictions", "guardrails");
            String serviceType = required(fields, spec, path, "service-type");
            FaultType fault = enumValue(fields, path, "fault", FaultType.class, true, spec);
            TargetKind target = enumValue(fields, path, "target", TargetKind.class, false, spec);
            if (target != null && target != TargetKind.DEPENDENCY_LINK && target != TargetKind.HOST) {
                problem(fields.get("target"), path + ".target", "templates put their fault on a dependency-link or on the"
                        + " service's own host");
            } else if (target == TargetKind.HOST && fault != null && !HOST_FAULTS.contains(fault)) {
                problem(fields.get("target"), path + ".target", "a host takes host faults (" + HOST_FAULTS.stream().sorted()
                        .map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList() + "); " + fault.name()
                        .toLowerCase(Locale.ROOT).replace('_', '-') + " goes on a dependency-link");
            }
            target = target == null ? TargetKind.DEPENDENCY_LINK : target;
            RiskLevel risk = enumValue(fields, path, "risk", RiskLevel.class, true, spec);
            String description = required(fields, spec, path, "description");
            Map<String, String> parameters = stringMap(fields.get("parameters"), path + ".parameters");
            parameters.keySet().stream().filter(name -> !name.matches(PARAMETER)).forEach(name -> problem(
                    fields.get("parameters"), path + ".parameters." + name,
                    "a parameter name is letters and digits (it is a variable of the expressions)"));
            Set<String> names = parameters.keySet();
            String title = text(fields, spec, path, "title", names, true);
            List<TemplateProbe> probes = named(fields.get("probes"), path + ".probes", this::probe);
            if (probes.isEmpty() && fields.get("probes") == null) {
                problem(spec, path + ".probes", "required: at least one probe");
            }
            // checks may name any probe the template declares, even one with problems of its own
            Node probeNodes = fields.get("probes");
            Set<String> probeIds = probeNodes != null && probeNodes.isMap() ? Set.copyOf(probeNodes.map().keySet()) : Set.of();
            List<TemplatePrediction> predictions = named(fields.get("predictions"), path + ".predictions",
                    (name, node, at) -> prediction(name, node, at, names, probeIds));
            if (predictions.isEmpty() && fields.get("predictions") == null) {
                problem(spec, path + ".predictions", "required: at least one prediction");
            }
            List<TemplateGuardrail> guardrails = named(fields.get("guardrails"), path + ".guardrails",
                    (name, node, at) -> guardrail(name, node, at, names, probeIds));
            if (problemCount() != before) {
                return null;
            }
            EventHeader header = EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId("")
                    .setOccurredAt(clock.instant()).setActor(actor).setCausationId(null).setTraceparent(null)
                    .setTracestate(null).build();
            return FailureModeDeclared.newBuilder().setHeader(header).setTemplateId(id).setRemoved(false)
                    .setServiceType(serviceType).setFaultType(fault).setTargetKind(target)
                    .setRiskLevel(risk).setDescription(description).setTitle(title).setParameters(parameters)
                    .setProbes(probes).setPredictions(predictions).setGuardrails(guardrails).setSource(source)
                    .setIncidentId(incidentId).build();
        }

        private TemplateProbe probe(String id, Node spec, String path) {
            int before = problemCount();
            Map<String, Node> fields = map(spec, path);
            if (fields == null) {
                return null;
            }
            allowOnly(fields, path, "kind", "on", "endpoint", "method", "path", "body", "headers", "interval",
                    "parameters");
            ProbeKind kind = enumValue(fields, path, "kind", ProbeKind.class, false, spec);
            kind = kind == null ? ProbeKind.HTTP : kind;
            if (kind != ProbeKind.HTTP && kind != ProbeKind.METRIC && kind != ProbeKind.LOG) {
                problem(fields.get("kind"), path + ".kind", "templates draft http, metric or log probes");
            }
            String subject = scalar(fields.get("on"), path + ".on");
            if (subject != null && !SUBJECTS.contains(subject) && !subject.matches(NAME)) {
                problem(fields.get("on"), path + ".on", "'" + subject + "' is neither one of "
                        + SUBJECTS.stream().sorted().toList() + " nor a service name");
            }
            String endpoint = scalar(fields.get("endpoint"), path + ".endpoint");
            String method = scalar(fields.get("method"), path + ".method");
            String requestPath = scalar(fields.get("path"), path + ".path");
            Map<String, String> parameters = stringMap(fields.get("parameters"), path + ".parameters");
            if (kind == ProbeKind.HTTP) {
                if (endpoint == null && requestPath == null) {
                    problem(spec, path, "an http probe names the target's 'endpoint' or gives its own 'path' (or both)");
                }
                if (requestPath != null && !requestPath.startsWith("/")) {
                    problem(fields.get("path"), path + ".path", "a path starts with '/', was '" + requestPath + "'");
                }
                if (!parameters.isEmpty()) {
                    problem(fields.get("parameters"), path + ".parameters", "an http probe has no parameters");
                }
            } else {
                for (String key : List.of("endpoint", "method", "path", "body", "headers")) {
                    if (fields.containsKey(key)) {
                        problem(fields.get(key), path + "." + key, "a " + kind.name().toLowerCase(Locale.ROOT)
                                + " probe reads what 'parameters' say; '" + key + "' is for http probes");
                    }
                }
            }
            if (problemCount() != before) {
                return null;
            }
            return TemplateProbe.newBuilder().setProbeId(id).setKind(kind).setSubject(subject == null ? "service" : subject)
                    .setEndpoint(endpoint).setMethod(method == null ? null : method.toUpperCase(Locale.ROOT))
                    .setPath(requestPath).setBody(scalar(fields.get("body"), path + ".body"))
                    .setHeaders(stringMap(fields.get("headers"), path + ".headers"))
                    .setIntervalMillis(positive(millis(fields, path, "interval", 1000L), fields, path, "interval"))
                    .setParameters(parameters).build();
        }

        private TemplatePrediction prediction(String id, Node spec, String path, Set<String> parameters,
                                              Set<String> probes) {
            int before = problemCount();
            Map<String, Node> fields = map(spec, path);
            if (fields == null) {
                return null;
            }
            allowOnly(fields, path, "description", "probe", "statistic", "status", "header", "comparator", "threshold",
                    "unit", "skip-first", "min-samples");
            Check check = check(fields, spec, path, parameters, probes);
            Long skipFirst = millis(fields, path, "skip-first", 2000L);
            String minSamplesExpression = minSamplesExpression(fields, path, parameters);
            Long minSamples = minSamplesExpression == null ? number(fields, path, "min-samples", 1, 1L) : 1L;
            if (problemCount() != before) {
                return null;
            }
            return TemplatePrediction.newBuilder().setPredictionId(id)
                    .setDescription(text(fields, spec, path, "description", parameters, true)).setProbeId(check.probe)
                    .setStatistic(check.statistic).setStatus(check.status).setHeader(check.header)
                    .setComparator(check.comparator).setThreshold(check.threshold).setUnit(check.unit)
                    .setSkipFirstMillis(skipFirst).setMinSamples(minSamples.intValue())
                    .setMinSamplesExpression(minSamplesExpression).build();
        }

        /**
         * {@code min-samples} when it is an expression (so that it scales with the run, e.g.
         * {@code math:max(1, math:min(100, (durationSeconds - 2) * 4))}), checked; null when it is absent or a number.
         */
        private String minSamplesExpression(Map<String, Node> fields, String path, Set<String> parameters) {
            String text = scalar(fields.get("min-samples"), path + ".min-samples");
            if (text == null || text.strip().matches("-?\\d+")) {
                return null;
            }
            TemplateExpressions.checkNumber(text, parameters)
                    .ifPresent(message -> problem(fields.get("min-samples"), path + ".min-samples", message));
            return text;
        }

        private TemplateGuardrail guardrail(String id, Node spec, String path, Set<String> parameters,
                                            Set<String> probes) {
            int before = problemCount();
            Map<String, Node> fields = map(spec, path);
            if (fields == null) {
                return null;
            }
            allowOnly(fields, path, "description", "probe", "statistic", "status", "header", "comparator", "threshold",
                    "unit", "window", "sustain");
            Check check = check(fields, spec, path, parameters, probes);
            Long window = millis(fields, path, "window", null);
            if (window == null && !fields.containsKey("window")) {
                problem(spec, path + ".window", "required: the window the statistic is computed over, e.g. 3s");
            }
            Long sustain = millis(fields, path, "sustain", 0L);
            if (problemCount() != before) {
                return null;
            }
            return TemplateGuardrail.newBuilder().setGuardrailId(id)
                    .setDescription(text(fields, spec, path, "description", parameters, true)).setProbeId(check.probe)
                    .setStatistic(check.statistic).setStatus(check.status).setHeader(check.header)
                    .setComparator(check.comparator).setThreshold(check.threshold).setUnit(check.unit)
                    .setEvaluationWindowMillis(window == null ? 0 : window).setSustainMillis(sustain).build();
        }

        /** What predictions and guardrails share: the probe, statistic, comparison and threshold. */
        private record Check(String probe, Statistic statistic, Integer status, String header,
                             ComparisonOperator comparator, String threshold, MeasureUnit unit) {
        }

        private Check check(Map<String, Node> fields, Node spec, String path, Set<String> parameters,
                            Set<String> probes) {
            String probe = required(fields, spec, path, "probe");
            if (probe != null && !probes.contains(probe)) {
                problem(fields.get("probe"), path + ".probe", "no probe '" + probe + "' in this template; its probes are "
                        + probes.stream().sorted().toList());
            }
            Statistic statistic = enumValue(fields, path, "statistic", Statistic.class, true, spec);
            Long status = number(fields, path, "status", 100, null);
            if (statistic == Statistic.STATUS_SHARE && status == null) {
                problem(spec, path + ".status", "required with status-share: the HTTP status counted");
            }
            String header = scalar(fields.get("header"), path + ".header");
            if (statistic == Statistic.HEADER_PRESENT_SHARE && header == null) {
                problem(spec, path + ".header", "required with header-present-share: the response header looked for");
            }
            String threshold = required(fields, spec, path, "threshold");
            if (threshold != null) {
                TemplateExpressions.checkNumber(threshold, parameters)
                        .ifPresent(message -> problem(fields.get("threshold"), path + ".threshold", message));
            }
            return new Check(probe, statistic, status == null ? null : status.intValue(), header,
                    comparator(fields, spec, path), threshold, enumValue(fields, path, "unit", MeasureUnit.class, true, spec));
        }

        private ComparisonOperator comparator(Map<String, Node> fields, Node spec, String path) {
            String text = scalar(fields.get("comparator"), path + ".comparator");
            if (text != null && SYMBOLS.containsKey(text.strip())) {
                return SYMBOLS.get(text.strip());
            }
            return enumValue(fields, path, "comparator", ComparisonOperator.class, true, spec);
        }

        /** A text field with {@code ${...}} in it, checked. */
        private String text(Map<String, Node> fields, Node spec, String path, String key, Set<String> parameters,
                            boolean isRequired) {
            String text = isRequired ? required(fields, spec, path, key) : scalar(fields.get(key), path + "." + key);
            if (text != null) {
                TemplateExpressions.checkText(text, parameters)
                        .ifPresent(message -> problem(fields.get(key), path + "." + key, message));
            }
            return text;
        }

        private long positive(Long millis, Map<String, Node> fields, String path, String key) {
            if (millis != null && millis <= 0) {
                problem(fields.get(key), path + "." + key, "must be longer than 0 ms");
            }
            return millis == null ? 1000 : millis;
        }
    }
}
