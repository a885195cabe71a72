package dev.faultline.hypothesis.failuremode;

import dev.faultline.hypothesis.target.Target;
import dev.faultline.schemas.avro.Environment;
import java.util.Map;
import java.util.Optional;

/**
 * What a template needs to draft a hypothesis: the target as declared or configured, the proposal's dependency (and
 * that dependency's own target when it is declared too, for probes on it), the environment, the duration and the
 * share of traffic (0..1) to affect, and fault parameters asked for.
 */
public record DraftContext(Target target, String dependency, Target dependencyTarget, Environment environment,
                           long durationMillis, double trafficShare, Map<String, String> parameters) {

    public DraftContext {
        parameters = Map.copyOf(parameters);
    }

    /** A context whose dependency is not a declared target. */
    public DraftContext(Target target, String dependency, Environment environment, long durationMillis,
                        double trafficShare, Map<String, String> parameters) {
        this(target, dependency, null, environment, durationMillis, trafficShare, parameters);
    }

    public String service() {
        return target.name();
    }

    public Optional<Target> dependencyOwnTarget() {
        return Optional.ofNullable(dependencyTarget);
    }

    /** A parameter asked for, else the template's default. */
    public String parameter(String name, String fallback) {
        return parameters.getOrDefault(name, fallback);
    }

    public long durationSeconds() {
        return durationMillis / 1000;
    }
}
