package dev.faultline.injector.fault;

import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Translates a {@link FaultSpec} into data plane faults: network faults become toxics on the dependency's L4 proxy
 * (one per stream; BOTH = two), HTTP faults become rules on its L7 proxy. Pure; refuses what it cannot apply with
 * {@link UnsupportedFaultException}.
 */
public final class FaultMapper {

    private final Function<String, Optional<String>> proxies;
    private final Function<String, Optional<String>> httpProxies;

    public FaultMapper(Function<String, Optional<String>> proxies, Function<String, Optional<String>> httpProxies) {
        this.proxies = proxies;
        this.httpProxies = httpProxies;
    }

    /** The plan for {@code spec}; fault names start with {@code namePrefix} so that they are unique on the proxy. */
    public FaultPlan plan(FaultSpec spec, String namePrefix) {
        if (spec.getToxicity() < 0 || spec.getToxicity() > 1) {
            throw new UnsupportedFaultException("toxicity must be within 0..1, was " + spec.getToxicity());
        }
        Parameters p = new Parameters(spec.getParameters());
        String dependency = spec.getTarget().getDependency();
        return switch (spec.getFaultType()) {
            case NETWORK_BLACKHOLE -> l4(spec, namePrefix, "timeout", Map.of("timeout", 0L));
            case NETWORK_LATENCY -> l4(spec, namePrefix, "latency",
                    Map.of("latency", p.millis("latencyMillis", "latency", 1000), "jitter", p.millis("jitterMillis", "jitter", 0)));
            case NETWORK_JITTER -> l4(spec, namePrefix, "latency",
                    Map.of("latency", p.millis("latencyMillis", "latency", 0), "jitter", p.millis("jitterMillis", "jitter", 500)));
            case NETWORK_RESET -> l4(spec, namePrefix, "reset_peer", Map.of("timeout", p.millis("timeoutMillis", "timeout", 0)));
            case NETWORK_BANDWIDTH -> l4(spec, namePrefix, "bandwidth", Map.of("rate", p.millis("rateKBps", "rate", 10)));
            case CONNECTION_DROP -> l4(spec, namePrefix, "limit_data", Map.of("bytes", 0L));
            case HTTP_ERROR_STATUS -> l7(spec, dependency, namePrefix, "respond", errorStatus(p));
            case HTTP_DELAY -> l7(spec, dependency, namePrefix, "delay",
                    Map.of("delay_ms", p.millis("latencyMillis", "delayMillis", 1000), "jitter_ms", p.millis("jitterMillis", "jitter", 0)));
            case HTTP_BODY -> l7(spec, dependency, namePrefix, "replace_body", Map.of("body", p.text("body", "")));
            case MALFORMED_BODY -> l7(spec, dependency, namePrefix, "corrupt_body", Map.of("flip_every", p.millis("flipEvery", "flip_every", 1)));
            default -> throw new UnsupportedFaultException("fault type " + spec.getFaultType()
                    + " is not supported by this injector (network and HTTP dependency faults only)");
        };
    }

    private FaultPlan l4(FaultSpec spec, String prefix, String type, Map<String, Object> attributes) {
        String dependency = spec.getTarget().getDependency();
        String proxy = proxies.apply(dependency).orElseThrow(() -> new UnsupportedFaultException(
                "no data plane proxy configured for dependency '" + dependency + "' (faultline.injector.proxies." + dependency + ")"));
        List<FaultAction> actions = new ArrayList<>();
        for (String stream : streams(spec.getDirection())) {
            actions.add(new FaultAction(prefix + "-" + type + "-" + stream, type, stream, spec.getToxicity(), attributes));
        }
        return new FaultPlan(FaultPlan.Layer.L4, proxy, actions);
    }

    private FaultPlan l7(FaultSpec spec, String dependency, String prefix, String type, Map<String, Object> attributes) {
        String proxy = httpProxies.apply(dependency).orElseThrow(() -> new UnsupportedFaultException(
                spec.getFaultType() + " needs an L7 HTTP fault proxy for dependency '" + dependency
                        + "', and none is configured (faultline.injector.http-proxies." + dependency + ")"));
        return new FaultPlan(FaultPlan.Layer.L7, proxy,
                List.of(new FaultAction(prefix + "-" + type, type, null, spec.getToxicity(), attributes)));
    }

    private static Map<String, Object> errorStatus(Parameters p) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("status", p.millis("status", "statusCode", 503));
        p.optional("retryAfter").ifPresent(v -> attributes.put("headers", Map.of("Retry-After", v)));
        return attributes;
    }

    private static List<String> streams(FaultDirection direction) {
        return switch (direction) {
            case UPSTREAM -> List.of("upstream");
            case DOWNSTREAM -> List.of("downstream");
            case BOTH -> List.of("upstream", "downstream");
            default -> throw new UnsupportedFaultException("fault direction " + direction + " is not one of UPSTREAM, DOWNSTREAM, BOTH");
        };
    }

    /** A FaultSpec's string parameters read as numbers, with the name in the error when one is not. */
    private record Parameters(Map<String, String> values) {

        long millis(String name, String alias, long fallback) {
            String raw = optional(name).or(() -> optional(alias)).orElse(null);
            if (raw == null) {
                return fallback;
            }
            try {
                long value = Long.parseLong(raw.trim());
                if (value < 0) {
                    throw new UnsupportedFaultException("parameter " + name + " must not be negative, was " + raw);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new UnsupportedFaultException("parameter " + name + " must be a whole number, was '" + raw + "'");
            }
        }

        String text(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        Optional<String> optional(String name) {
            return Optional.ofNullable(values == null ? null : values.get(name));
        }
    }
}
