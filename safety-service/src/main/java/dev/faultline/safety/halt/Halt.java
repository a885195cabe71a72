package dev.faultline.safety.halt;

import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import java.time.Clock;
import java.util.UUID;

/**
 * A halt, an operator's or safety-service's own: one experiment, one environment, or everything, until lifted.
 *
 * @param experimentId the halted experiment (scope EXPERIMENT), else null
 * @param environment  the halted environment (scope ENVIRONMENT), else null
 */
public record Halt(UUID haltId, HaltScope scope, String experimentId, Environment environment, String reason) {

    /** The record key of this halt on the control topic: the experiment id, {@code env:<ENV>} or {@code *}. */
    public String key() {
        return switch (scope) {
            case EXPERIMENT -> experimentId;
            case ENVIRONMENT -> "env:" + environment.name();
            default -> "*";
        };
    }

    /** The HaltRequested that puts this halt in force, asked for by {@code actor}; publish it under {@link #key()}. */
    public HaltRequested requested(Actor actor, Clock clock) {
        return HaltRequested.newBuilder().setHeader(EventHeaders.first(key(), actor, clock)).setHaltId(haltId)
                .setScope(scope).setEnvironment(environment).setReason(reason).build();
    }

    public boolean applies(String experiment, Environment env) {
        return switch (scope) {
            case EXPERIMENT -> experimentId != null && experimentId.equals(experiment);
            case ENVIRONMENT -> environment == env;
            case ALL -> true;
            default -> false;
        };
    }

    public String describe() {
        return "halt " + haltId + " (" + scope + " " + key() + "): " + reason;
    }
}
