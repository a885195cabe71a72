package dev.faultline.hypothesis.failuremode;

import dev.faultline.hypothesis.target.Target;
import dev.faultline.schemas.avro.Environment;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a template needs to draft a hypothesis: the target as declared or configured, the proposal's dependency, the
 * other targets of the environment (the dependency's own, a downstream service's — for probes on them), the
 * environment, the duration and the share of traffic (0..1) to affect, and fault parameters asked for.
 */
public record DraftContext(Target target, String dependency, Function<String, Optional<Target>> others,
                           Environment environment, long durationMillis, double trafficShare,
                           Map<String, String> parameters) {

    public DraftContext {
        parameters = Map.copyOf(parameters);
    }

    /** A context where no other service is a declared target. */
    public DraftContext(Target target, String dependency, Environment environment, long durationMillis,
                        double trafficShare, Map<String, String> parameters) {
        this(target, dependency, name -> Optional.empty(), environment, durationMillis, trafficShare, parameters);
    }

    public String service() {
        return target.name();
    }

    /**
     * The target a probe's {@code on} names: {@code service} (the target), {@code dependency} (the proposal's
     * dependency's own target) or any other service by name; empty when it is not a declared target.
     */
    public Optional<Target> subject(String on) {
        if (on == null || on.equals("service") || on.equals(target.name())) {
            return Optional.of(target);
        }
        String name = on.equals("dependency") ? dependency : on;
        return name == null ? Optional.empty() : others.apply(name);
    }

    /** A parameter asked for, else the template's default. */
    public String parameter(String name, String fallback) {
        return parameters.getOrDefault(name, fallback);
    }

    public long durationSeconds() {
        return durationMillis / 1000;
    }
}
