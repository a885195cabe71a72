package dev.faultline.safety.calendar;

import dev.faultline.schemas.avro.Environment;
import java.time.Instant;
import java.util.Set;

/**
 * A period during which no experiment may run in an environment (all services, or only the listed ones), from the
 * configuration or from a calendar entry of another tool.
 *
 * @param environment the frozen environment, or null for every environment
 * @param services    the frozen services; empty = every service
 * @param source      where the freeze comes from ({@code config} or the calendar entry's source and id)
 */
public record Freeze(Environment environment, Set<String> services, Instant from, Instant to, String reason, String source) {

    public Freeze {
        services = Set.copyOf(services);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("freeze '" + reason + "' ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Whether this freeze overlaps [start, end) for {@code service} in {@code env}. */
    public boolean blocks(Environment env, String service, Instant start, Instant end) {
        boolean envMatches = environment == null || environment == Environment.UNKNOWN || environment == env;
        boolean serviceMatches = services.isEmpty() || services.contains(service);
        return envMatches && serviceMatches && start.isBefore(to) && end.isAfter(from);
    }

    public String describe() {
        return "freeze '" + reason + "' (" + source + ") from " + from + " to " + to;
    }
}
