package dev.faultline.injector.fault;

import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dependency misbehaving for a share of requests: one rule on the dependency's L7 (HTTP) proxy on the data plane,
 * share = toxicity, matching every request: an error status, a delay, a replaced or a corrupted body (MALFORMED_BODY:
 * the text of parameter {@code body} when it is not blank, else every {@code flipEvery}-th byte inverted, default 1).
 */
public final class HttpRuleKind implements FaultKind {

    private final DataPlanePort dataPlane;

    public HttpRuleKind(DataPlanePort dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public Set<FaultType> types() {
        return EnumSet.of(FaultType.HTTP_ERROR_STATUS, FaultType.HTTP_DELAY, FaultType.HTTP_BODY, FaultType.MALFORMED_BODY);
    }

    @Override
    public Fault plan(FaultSpec spec, FaultContext context) {
        FaultParameters p = new FaultParameters(spec.getParameters());
        return switch (spec.getFaultType()) {
            case HTTP_ERROR_STATUS -> rule(spec, context, "respond", errorStatus(p));
            case HTTP_DELAY -> rule(spec, context, "delay",
                    Map.of("delay_ms", p.number("latencyMillis", "delayMillis", 1000), "jitter_ms", p.number("jitterMillis", "jitter", 0)));
            case HTTP_BODY -> rule(spec, context, "replace_body", Map.of("body", p.text("body", "")));
            // a blank body means "not given": templates declare body '' so that a proposal's label can set it
            case MALFORMED_BODY -> p.optional("body").filter(body -> !body.isBlank()).isPresent()
                    ? rule(spec, context, "replace_body", Map.of("body", p.text("body", "")))
                    : rule(spec, context, "corrupt_body", Map.of("flip_every", p.number("flipEvery", "flip_every", 1)));
            default -> throw new UnsupportedFaultException(spec.getFaultType() + " is not an HTTP fault");
        };
    }

    private Fault rule(FaultSpec spec, FaultContext context, String type, Map<String, Object> attributes) {
        String dependency = spec.getTarget().getDependency();
        String proxy = context.route().httpProxy(dependency).orElseThrow(() -> new UnsupportedFaultException(
                spec.getFaultType() + " needs an L7 (HTTP) proxy between " + context.route().service() + " and '"
                        + dependency + "', and none is declared (a targets file's dependencies." + dependency
                        + ".http-proxy, or faultline.injector.http-proxies." + dependency + ")"));
        return new RuleFault(proxy, new FaultAction(context.namePrefix() + "-" + type, type, null, spec.getToxicity(), attributes),
                context.lease());
    }

    private static Map<String, Object> errorStatus(FaultParameters p) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("status", p.number("status", "statusCode", 503));
        p.optional("retryAfter").ifPresent(v -> attributes.put("headers", Map.of("Retry-After", v)));
        return attributes;
    }

    /** One injection's rule on one L7 proxy, under its lease. */
    final class RuleFault implements Fault {

        private final String proxy;
        private final FaultAction rule;
        private final Lease lease;

        RuleFault(String proxy, FaultAction rule, Lease lease) {
            this.proxy = proxy;
            this.rule = rule;
            this.lease = lease;
        }

        FaultAction rule() {
            return rule;
        }

        @Override
        public String where() {
            return "L7 proxy '" + proxy + "'";
        }

        /** A leased rule delaying no request by 0 ms (share 0): created, seen, deleted, seen gone. */
        @Override
        public String rehearse() {
            if (!dataPlane.hasHttpProxy(proxy)) {
                throw new DataPlaneException("HTTP proxy '" + proxy + "' does not exist on the data plane");
            }
            return new DataPlaneRehearsal(dataPlane, "rule", "delay 0 ms, share 0", "HTTP proxy '" + proxy + "'",
                    (name, lease) -> dataPlane.addRule(proxy, new FaultAction(name, "delay", null, 0.0, Map.of("delay_ms", 0L)),
                            lease),
                    () -> dataPlane.ruleNames(proxy), name -> dataPlane.deleteRule(proxy, name)).run();
        }

        @Override
        public void apply() {
            try {
                dataPlane.addRule(proxy, rule, lease);
            } catch (RuntimeException e) {
                remove();
                throw e;
            }
        }

        @Override
        public boolean renew() {
            return dataPlane.renew(lease.holder());
        }

        @Override
        public boolean remove() {
            dataPlane.release(lease.holder());
            List<String> left = dataPlane.ruleNames(proxy);
            return dataPlane.leasesOf(lease.holder()).isEmpty() && !left.contains(rule.name());
        }
    }
}
