package dev.faultline.cli.targets;

import dev.faultline.cli.targets.LocatedYaml.Node;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.DependencyProtocol;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.avro.TargetEndpoint;
import dev.faultline.schemas.avro.TargetHost;
import dev.faultline.schemas.avro.TargetObservability;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A targets file: the systems Faultline may touch, per environment and service, read into one
 * {@link TargetDeclared} per service. The whole file is refused when anything in it is wrong, with every problem
 * located (line, column, path) and saying what to write instead; nothing of a bad file is published.
 *
 * <pre>
 * environments:
 *   staging:
 *     storefront:
 *       type: http-storefront                  # selects the failure-mode templates
 *       owners: [shop-team]
 *       on-call: shop-primary
 *       base-url: http://storefront:8080
 *       endpoints:
 *         product-reads: {method: GET, path: /products/sku-1, success: [200]}
 *       dependencies:
 *         pricing: {protocol: http, proxy: pricing, http-proxy: pricing-http}   # kafka: {protocol: kafka, topic: t}
 *       hosts:
 *         shop-1: {agent: http://shop-1:8479}
 *       observability:
 *         metrics: http://storefront:8080/metrics   # scraped directly
 *         prometheus: http://prometheus:9090        # for PromQL
 *         logs: /var/log/storefront.log
 *         trace-context: true                       # it passes W3C trace context on
 * </pre>
 */
public final class TargetsFile {

    /** One problem, where it is, and what to do about it. */
    public record Problem(int line, int column, String path, String message) {

        @Override
        public String toString() {
            return "line " + line + ", column " + column + ": " + path + ": " + message;
        }
    }

    /** The file has problems; none of it may be published. */
    public static final class Invalid extends Exception {
        private final List<Problem> problems;

        public Invalid(List<Problem> problems) {
            super(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final String NAME = "[a-z0-9][a-z0-9._-]*";

    private final String source;
    private final Actor actor;
    private final Clock clock;
    private final List<Problem> problems = new ArrayList<>();

    private TargetsFile(String source, Actor actor, Clock clock) {
        this.source = source;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * The declarations of {@code text}, read from {@code source} (named in each declaration) on behalf of
     * {@code person}.
     *
     * @throws Invalid with every problem of the file, located
     */
    public static List<TargetDeclared> read(String text, String source, String person, Clock clock) throws Invalid {
        Actor actor = Actor.newBuilder().setKind(ActorKind.PERSON).setId(person).build();
        return new TargetsFile(source, actor, clock).declarations(text);
    }

    private List<TargetDeclared> declarations(String text) throws Invalid {
        Node root;
        try {
            root = LocatedYaml.read(text);
        } catch (LocatedYaml.Unreadable e) {
            throw new Invalid(List.of(new Problem(e.line, e.column, "(file)", e.getMessage())));
        }
        List<TargetDeclared> declared = new ArrayList<>();
        Map<String, Node> top = map(root, "(file)");
        if (top != null) {
            allowOnly(top, "(file)", "environments");
            Node environments = top.get("environments");
            if (environments == null) {
                problem(root, "(file)", "no 'environments': declare the services of at least one environment");
            } else {
                Map<String, Node> byEnvironment = map(environments, "environments");
                if (byEnvironment != null) {
                    byEnvironment.forEach((name, services) -> environment(name, services, declared));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return declared;
    }

    private void environment(String name, Node services, List<TargetDeclared> declared) {
        String path = "environments." + name;
        Environment environment = Arrays.stream(Environment.values())
                .filter(e -> e != Environment.UNKNOWN && e.name().equalsIgnoreCase(name)).findFirst().orElse(null);
        if (environment == null) {
            problem(services, path, "'" + name + "' is not an environment; use one of " + environments());
            return;
        }
        Map<String, Node> byService = map(services, path);
        if (byService == null) {
            return;
        }
        byService.forEach((service, spec) -> {
            TargetDeclared target = service(environment, service, spec, path + "." + service);
            if (target != null) {
                declared.add(target);
            }
        });
    }

    private TargetDeclared service(Environment environment, String service, Node spec, String path) {
        int before = problems.size();
        if (!service.matches(NAME)) {
            problem(spec, path, "a service name is lower case letters, digits, '.', '_' or '-'");
        }
        Map<String, Node> fields = map(spec, path);
        if (fields == null) {
            return null;
        }
        allowOnly(fields, path, "type", "owners", "on-call", "base-url", "endpoints", "dependencies", "hosts",
                "observability");
        String type = required(fields, spec, path, "type");
        String baseUrl = url(fields.get("base-url"), path + ".base-url", true, spec);
        TargetDeclared.Builder target = TargetDeclared.newBuilder()
                .setHeader(EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId("")
                        .setOccurredAt(clock.instant()).setActor(actor).setCausationId(null).setTraceparent(null)
                        .setTracestate(null).build())
                .setEnvironment(environment).setService(service).setRemoved(false).setServiceType(type == null ? "" : type)
                .setOwners(strings(fields.get("owners"), path + ".owners")).setOnCall(scalar(fields.get("on-call"), path + ".on-call"))
                .setBaseUrl(baseUrl == null ? "" : baseUrl)
                .setEndpoints(named(fields.get("endpoints"), path + ".endpoints", this::endpoint))
                .setDependencies(named(fields.get("dependencies"), path + ".dependencies", this::dependency))
                .setHosts(named(fields.get("hosts"), path + ".hosts", this::host))
                .setObservability(observability(fields.get("observability"), path + ".observability"))
                .setSource(source);
        return problems.size() == before ? target.build() : null;
    }

    private TargetEndpoint endpoint(String name, Node spec, String path) {
        Map<String, Node> fields = map(spec, path);
        if (fields == null) {
            return null;
        }
        allowOnly(fields, path, "method", "path", "body", "headers", "success");
        String method = scalar(fields.get("method"), path + ".method");
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            problem(fields.get("method"), path + ".method", "'" + method + "' is not an HTTP method; use one of "
                    + METHODS.stream().sorted().toList());
        }
        String endpointPath = required(fields, spec, path, "path");
        if (endpointPath != null && !endpointPath.startsWith("/")) {
            problem(fields.get("path"), path + ".path", "a path starts with '/', was '" + endpointPath + "'");
        }
        List<Integer> success = new ArrayList<>();
        Node statuses = fields.get("success");
        if (statuses != null) {
            List<Node> list = list(statuses, path + ".success");
            for (Node status : list == null ? List.<Node>of() : list) {
                try {
                    int code = Integer.parseInt(String.valueOf(status.text()).trim());
                    if (code < 100 || code > 599) {
                        throw new NumberFormatException();
                    }
                    success.add(code);
                } catch (NumberFormatException e) {
                    problem(status, path + ".success", "'" + status.text() + "' is not an HTTP status (100..599)");
                }
            }
        }
        return TargetEndpoint.newBuilder().setName(name).setMethod(method).setPath(endpointPath == null ? "/" : endpointPath)
                .setBody(scalar(fields.get("body"), path + ".body"))
                .setHeaders(stringMap(fields.get("headers"), path + ".headers")).setSuccessStatuses(success).build();
    }

    private TargetDependency dependency(String name, Node spec, String path) {
        Map<String, Node> fields = map(spec, path);
        if (fields == null) {
            return null;
        }
        allowOnly(fields, path, "protocol", "proxy", "http-proxy", "topic");
        String protocolName = required(fields, spec, path, "protocol");
        DependencyProtocol protocol = Arrays.stream(DependencyProtocol.values())
                .filter(p -> p != DependencyProtocol.UNKNOWN && p.name().equalsIgnoreCase(String.valueOf(protocolName)))
                .findFirst().orElse(null);
        if (protocolName != null && protocol == null) {
            problem(fields.get("protocol"), path + ".protocol", "'" + protocolName + "' is not one of http, tcp, kafka");
        }
        String proxy = scalar(fields.get("proxy"), path + ".proxy");
        String httpProxy = scalar(fields.get("http-proxy"), path + ".http-proxy");
        String topic = scalar(fields.get("topic"), path + ".topic");
        if (protocol == DependencyProtocol.KAFKA && topic == null) {
            problem(spec, path, "a kafka dependency names its 'topic'");
        }
        if ((protocol == DependencyProtocol.HTTP || protocol == DependencyProtocol.TCP) && proxy == null
                && httpProxy == null) {
            problem(spec, path, "name the route Faultline controls: the data plane's 'proxy' (L4) and/or 'http-proxy' (L7)");
        }
        if (protocol == DependencyProtocol.TCP && httpProxy != null) {
            problem(fields.get("http-proxy"), path + ".http-proxy", "a tcp dependency has no HTTP proxy; use 'proxy'");
        }
        return TargetDependency.newBuilder().setName(name)
                .setProtocol(protocol == null ? DependencyProtocol.UNKNOWN : protocol).setProxy(proxy)
                .setHttpProxy(httpProxy).setTopic(topic).build();
    }

    private TargetHost host(String name, Node spec, String path) {
        Map<String, Node> fields = spec.value() == null ? Map.of() : map(spec, path);
        if (fields == null) {
            return null;
        }
        allowOnly(fields, path, "agent");
        return TargetHost.newBuilder().setName(name).setAgentUrl(url(fields.get("agent"), path + ".agent", false, spec))
                .build();
    }

    private TargetObservability observability(Node spec, String path) {
        TargetObservability.Builder observability = TargetObservability.newBuilder().setMetricsUrl(null)
                .setPrometheusUrl(null).setLogFile(null).setPropagatesTraceContext(false);
        if (spec == null) {
            return observability.build();
        }
        Map<String, Node> fields = map(spec, path);
        if (fields == null) {
            return observability.build();
        }
        allowOnly(fields, path, "metrics", "prometheus", "logs", "trace-context");
        Node traceContext = fields.get("trace-context");
        String trace = scalar(traceContext, path + ".trace-context");
        if (trace != null && !trace.equals("true") && !trace.equals("false")) {
            problem(traceContext, path + ".trace-context", "true or false, was '" + trace + "'");
        }
        return observability.setMetricsUrl(url(fields.get("metrics"), path + ".metrics", false, spec))
                .setPrometheusUrl(url(fields.get("prometheus"), path + ".prometheus", false, spec))
                .setLogFile(scalar(fields.get("logs"), path + ".logs")).setPropagatesTraceContext("true".equals(trace))
                .build();
    }

    private <T> List<T> named(Node spec, String path, NamedReader<T> reader) {
        List<T> items = new ArrayList<>();
        if (spec == null) {
            return items;
        }
        Map<String, Node> byName = map(spec, path);
        if (byName == null) {
            return items;
        }
        byName.forEach((name, item) -> {
            if (!name.matches(NAME)) {
                problem(item, path + "." + name, "a name is lower case letters, digits, '.', '_' or '-'");
            }
            T read = reader.read(name, item, path + "." + name);
            if (read != null) {
                items.add(read);
            }
        });
        return items;
    }

    @FunctionalInterface
    private interface NamedReader<T> {
        T read(String name, Node spec, String path);
    }

    private String url(Node spec, String path, boolean required, Node parent) {
        String text = scalar(spec, path);
        if (text == null) {
            if (required) {
                problem(parent, path, "required: the http(s) URL");
            }
            return null;
        }
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problem(spec, path, "'" + text + "' is not an http(s) URL");
        return null;
    }

    private String required(Map<String, Node> fields, Node parent, String path, String key) {
        String value = scalar(fields.get(key), path + "." + key);
        if (value == null || value.isBlank()) {
            problem(fields.getOrDefault(key, parent), path + "." + key, "required");
            return null;
        }
        return value;
    }

    private String scalar(Node node, String path) {
        if (node == null || node.value() == null) {
            return null;
        }
        if (!node.isScalar()) {
            problem(node, path, "expected a single value, found a " + (node.isMap() ? "map" : "list"));
            return null;
        }
        return node.text();
    }

    private List<String> strings(Node node, String path) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        List<Node> list = list(node, path);
        for (Node item : list == null ? List.<Node>of() : list) {
            String value = scalar(item, path);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private Map<String, String> stringMap(Node node, String path) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null) {
            return values;
        }
        Map<String, Node> map = map(node, path);
        if (map != null) {
            map.forEach((key, value) -> {
                String text = scalar(value, path + "." + key);
                if (text != null) {
                    values.put(key, text);
                }
            });
        }
        return values;
    }

    private Map<String, Node> map(Node node, String path) {
        if (!node.isMap()) {
            problem(node, path, "expected a map of names to settings, found " + describe(node));
            return null;
        }
        return node.map();
    }

    private List<Node> list(Node node, String path) {
        if (!node.isList()) {
            problem(node, path, "expected a list ([a, b]), found " + describe(node));
            return null;
        }
        return node.list();
    }

    private void allowOnly(Map<String, Node> fields, String path, String... allowed) {
        List<String> known = List.of(allowed);
        fields.forEach((key, value) -> {
            if (!known.contains(key)) {
                problem(value, path + "." + key, "unknown key '" + key + "'; expected one of " + known);
            }
        });
    }

    private void problem(Node at, String path, String message) {
        problems.add(new Problem(at.line(), at.column(), path, message));
    }

    private static String describe(Node node) {
        return node.isList() ? "a list" : node.value() == null ? "nothing" : "'" + node.text() + "'";
    }

    private static List<String> environments() {
        return Arrays.stream(Environment.values()).filter(e -> e != Environment.UNKNOWN)
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }
}
