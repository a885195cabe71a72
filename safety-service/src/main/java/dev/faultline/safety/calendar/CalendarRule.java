package dev.faultline.safety.calendar;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DEPLOYMENT_CALENDAR: no freeze or maintenance overlaps the experiment's window, and no deployment of the service or
 * of any of its dependencies falls within the deploy margin around it ([start - margin, end + margin)): a deploy
 * during an experiment makes its evidence say nothing, and an experiment during a deploy can hide the deploy's
 * breakage. Entries apply to the service and to its dependencies alike; on-call shifts are ON_CALL's.
 */
public final class CalendarRule {

    private static final PreflightCheckKind KIND = PreflightCheckKind.DEPLOYMENT_CALENDAR;

    private CalendarRule() {
    }

    /** @param names the service and its dependencies */
    public static CheckResult check(Environment env, Set<String> names, Instant start, Instant end,
                                    List<CalendarEntry> entries, Duration deployMargin) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("windowStart", start.toString());
        details.put("windowEnd", end.toString());
        details.put("deployMargin", deployMargin.toString());
        details.put("services", String.join(",", names.stream().sorted().toList()));
        List<CalendarEntry> blocking = entries.stream().filter(e -> e.appliesTo(env, names))
                .filter(e -> switch (e.kind()) {
                    case FREEZE, MAINTENANCE -> e.overlaps(start, end);
                    case DEPLOYMENT_WINDOW -> e.overlaps(start.minus(deployMargin), end.plus(deployMargin));
                    default -> false;
                }).toList();
        if (blocking.isEmpty()) {
            return CheckResult.passed(KIND, "no freeze, maintenance or deployment (± " + deployMargin.toMinutes()
                    + " min) on " + details.get("services") + " in " + env + " during the window", details);
        }
        details.put("entries", String.join(",", blocking.stream().map(CalendarEntry::id).toList()));
        return CheckResult.failed(KIND, "the window " + start + " – " + end + " meets " + String.join("; ",
                blocking.stream().map(CalendarEntry::describe).toList()), details);
    }

    /** The freezes and maintenances in force at {@code now} on one of {@code names}: a run there must stop. */
    public static List<CalendarEntry> stopping(Environment env, Set<String> names, Instant now,
                                               List<CalendarEntry> entries) {
        return entries.stream().filter(e -> e.kind() == CalendarEntryKind.FREEZE
                || e.kind() == CalendarEntryKind.MAINTENANCE).filter(e -> e.appliesTo(env, names))
                .filter(e -> e.inForceAt(now)).toList();
    }
}
