package dev.faultline.hypothesis.failuremode;

import dev.faultline.hypothesis.target.Target;
import dev.faultline.schemas.avro.Environment;
import java.util.Map;

/**
 * What a template needs to draft a hypothesis: the target as configured, the proposal's dependency and
 * environment, the duration and the share of traffic (0..1) to affect, and fault parameters asked for.
 */
public record DraftContext(Target target, String dependency, Environment environment, long durationMillis,
                           double trafficShare, Map<String, String> parameters) {

    public DraftContext {
        parameters = Map.copyOf(parameters);
    }

    public String service() {
        return target.name();
    }

    /** A parameter asked for, else the template's default. */
    public String parameter(String name, String fallback) {
        return parameters.getOrDefault(name, fallback);
    }

    public long durationSeconds() {
        return durationMillis / 1000;
    }
}
