package dev.faultline.safety.calendar;

import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.Environment;
import java.time.Instant;
import java.util.Set;

/**
 * One entry of the deployment calendar — a freeze, a maintenance, a deployment window or an on-call shift — from the
 * configuration (freezes only) or from a {@code CalendarEntryPublished} of another tool.
 *
 * @param environment the environment it applies to, or null for every environment
 * @param services    the services it applies to (for an on-call shift: the services or rotations it covers); empty =
 *                    every service
 * @param person      for an ON_CALL_SHIFT, who is on call; else null
 * @param source      where it comes from: {@code config}, or the publishing tool and the entry id
 */
public record CalendarEntry(String id, CalendarEntryKind kind, Environment environment, Set<String> services,
                            Instant from, Instant to, String title, String person, String source) {

    public CalendarEntry {
        services = Set.copyOf(services);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException(kind + " '" + title + "' ends (" + to + ") before it starts (" + from
                    + ")");
        }
    }

    /** Whether it applies in {@code env} to at least one of {@code names} (services, or a rotation for shifts). */
    public boolean appliesTo(Environment env, Set<String> names) {
        boolean envMatches = environment == null || environment == Environment.UNKNOWN || environment == env;
        return envMatches && (services.isEmpty() || names.stream().anyMatch(services::contains));
    }

    /** Whether it overlaps [start, end). */
    public boolean overlaps(Instant start, Instant end) {
        return start.isBefore(to) && end.isAfter(from);
    }

    public boolean inForceAt(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    public String describe() {
        String what = switch (kind) {
            case FREEZE -> "freeze";
            case MAINTENANCE -> "maintenance";
            case DEPLOYMENT_WINDOW -> "deployment";
            case ON_CALL_SHIFT -> "on-call shift of " + person;
            default -> kind.name();
        };
        return what + " '" + title + "' (" + source + ") from " + from + " to " + to
                + (services.isEmpty() ? "" : " on " + String.join(", ", services.stream().sorted().toList()));
    }
}
