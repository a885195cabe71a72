package dev.faultline.injector.halt;

import dev.faultline.injector.run.RunRequest;
import dev.faultline.schemas.avro.HaltRequested;
import java.util.function.Predicate;

/**
 * Which runs a HaltRequested stops: EXPERIMENT → the run of that experiment (the record key, or the header's
 * experiment id), ENVIRONMENT → every run in that environment, ALL → every run.
 */
public final class HaltMatcher {

    private HaltMatcher() {
    }

    public static Predicate<RunRequest> of(HaltRequested halt, String key) {
        return switch (halt.getScope()) {
            case EXPERIMENT -> run -> run.experimentId().equals(key) || run.experimentId().equals(halt.getHeader().getExperimentId());
            case ENVIRONMENT -> run -> halt.getEnvironment() != null && halt.getEnvironment() == run.environment();
            case ALL -> run -> true;
            default -> run -> false;
        };
    }
}
