package dev.faultline.declarations.targets;

import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.declarations.yaml.LocatedYaml.Node;
import dev.faultline.declarations.yaml.YamlFile;
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
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
 *         pricing: {protocol: http, proxy: pricing, http-proxy: pricing-http}
 *         orders: {protocol: kafka, topic: shop.orders, bootstrap-servers: kafka-1:9092}   # cluster optional
 *       hosts:
 *         shop-1: {agent: http://shop-1:8479, process: 'java .*StorefrontMain.*'}   # process: its command line
 *       observability:
 *         metrics: http://storefront:8080/metrics   # scraped directly
 *         prometheus: http://prometheus:9090        # for PromQL
 *         logs: /var/log/storefront.log
 *         trace-context: true                       # it passes W3C trace context on
 * </pre>
 */
public final class TargetsFile extends YamlFile {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final String BOOTSTRAP_SERVERS = "[A-Za-z0-9._\\[\\]:-]+:[0-9]{1,5}(,[A-Za-z0-9._\\[\\]:-]+:[0-9]{1,5})*";

    private final String source;
    private final Actor actor;
    private final Clock clock;

    private TargetsFile(String source, Actor actor, Clock clock) {
        this.source = source;
        this.actor = actor;
        this.clock = clock;
    }

    /** The record key of a declaration on faultline.targets: {@code ENVIRONMENT/service}. */
    public static String keyOf(Environment environment, String service) {
        return environment.name() + "/" + service;
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
        Node root = parse(text);
        throwIfInvalid();
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
        throwIfInvalid();
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
        int before = problemCount();
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
        return problemCount() == before ? target.build() : null;
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
        allowOnly(fields, path, "protocol", "proxy", "http-proxy", "topic", "bootstrap-servers");
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
        String bootstrapServers = scalar(fields.get("bootstrap-servers"), path + ".bootstrap-servers");
        if (protocol == DependencyProtocol.KAFKA && topic == null) {
            problem(spec, path, "a kafka dependency names its 'topic'");
        }
        if (bootstrapServers != null && protocol != null && protocol != DependencyProtocol.KAFKA) {
            problem(fields.get("bootstrap-servers"), path + ".bootstrap-servers",
                    "only a kafka dependency names a cluster's 'bootstrap-servers'");
        }
        if (bootstrapServers != null && !bootstrapServers.matches(BOOTSTRAP_SERVERS)) {
            problem(fields.get("bootstrap-servers"), path + ".bootstrap-servers",
                    "host:port[,host:port...], was '" + bootstrapServers + "'");
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
                .setHttpProxy(httpProxy).setTopic(topic).setBootstrapServers(bootstrapServers).build();
    }

    private TargetHost host(String name, Node spec, String path) {
        Map<String, Node> fields = spec.value() == null ? Map.of() : map(spec, path);
        if (fields == null) {
            return null;
        }
        allowOnly(fields, path, "agent", "process");
        String process = scalar(fields.get("process"), path + ".process");
        if (process != null) {
            try {
                Pattern.compile(process);
            } catch (PatternSyntaxException e) {
                problem(fields.get("process"), path + ".process", "is not a regular expression: " + e.getDescription());
            }
        }
        return TargetHost.newBuilder().setName(name).setAgentUrl(url(fields.get("agent"), path + ".agent", false, spec))
                .setProcess(process).build();
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

    private static List<String> environments() {
        return Arrays.stream(Environment.values()).filter(e -> e != Environment.UNKNOWN)
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }
}
