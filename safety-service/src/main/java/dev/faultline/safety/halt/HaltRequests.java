package dev.faultline.safety.halt;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.HaltScope;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Validates an operator's halt request and turns it into a {@link Halt}: every problem is reported at once. */
public final class HaltRequests {

    private HaltRequests() {
    }

    /** The problems of {@code request}; empty when it is valid. */
    public static List<String> problems(HaltRequest request) {
        List<String> problems = new ArrayList<>();
        HaltScope scope = parse(HaltScope.class, request.scope());
        if (scope == null || scope == HaltScope.UNKNOWN) {
            problems.add("scope must be EXPERIMENT, ENVIRONMENT or ALL");
        } else if (scope == HaltScope.EXPERIMENT && blank(request.experimentId())) {
            problems.add("experimentId is required for an EXPERIMENT halt");
        } else if (scope == HaltScope.ENVIRONMENT) {
            Environment env = parse(Environment.class, request.environment());
            if (env == null || env == Environment.UNKNOWN) {
                problems.add("environment (DEVELOPMENT, TEST, STAGING or PRODUCTION) is required for an ENVIRONMENT halt");
            }
        }
        if (request.by() != null) {
            problems.add("by is taken from your token; leave it out of the body");
        }
        if (blank(request.reason())) {
            problems.add("reason is required");
        }
        return problems;
    }

    /** The halt of a valid request, with a new id. */
    public static Halt toHalt(HaltRequest request) {
        HaltScope scope = HaltScope.valueOf(request.scope());
        return new Halt(UUID.randomUUID(), scope, scope == HaltScope.EXPERIMENT ? request.experimentId() : null,
                scope == HaltScope.ENVIRONMENT ? Environment.valueOf(request.environment()) : null, request.reason());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
