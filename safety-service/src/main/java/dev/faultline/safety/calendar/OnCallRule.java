package dev.faultline.safety.calendar;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ON_CALL: where the environment requires it, on-call shifts (one or several back to back) cover the service for the
 * whole window [start, end). A shift covers the service when its services name the service or the service's on-call
 * rotation (as its target declares it), or name nothing. The person on call at the start is reported (detail
 * {@code onCall}) and named in the clearance; where no one is required the check is NOT_REQUIRED but still names
 * that person when there is one.
 */
public final class OnCallRule {

    private static final PreflightCheckKind KIND = PreflightCheckKind.ON_CALL;
    public static final String ON_CALL = "onCall";

    private OnCallRule() {
    }

    /** @param names the service and its on-call rotation, if declared */
    public static CheckResult check(Environment env, Set<String> names, Instant start, Instant end, boolean required,
                                    List<CalendarEntry> entries) {
        List<CalendarEntry> shifts = shifts(env, names, entries);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("covering", String.join(",", names.stream().sorted().toList()));
        Optional<CalendarEntry> first = onCallAt(shifts, start);
        first.ifPresent(shift -> details.put(ON_CALL, shift.person()));
        String who = String.join(" or ", names.stream().sorted().toList());
        if (!required) {
            return CheckResult.notRequired(KIND, env + " does not require anyone on call"
                    + first.map(s -> "; " + s.person() + " is").orElse(""), details);
        }
        Optional<Instant> gap = firstGap(shifts, start, end);
        if (gap.isEmpty()) {
            return CheckResult.passed(KIND, first.get().person() + " is on call for " + who + " from "
                    + first.get().from() + "; shifts cover the window until " + end, details);
        }
        details.put("uncoveredFrom", gap.get().toString());
        return CheckResult.failed(KIND, env + " requires someone on call for " + who + " for the whole window "
                + start + " – " + end + ", but no ON_CALL_SHIFT covers " + gap.get(), details);
    }

    /** When nobody is on call in [start, end), or empty when shifts cover all of it. */
    public static Optional<Instant> firstGap(Environment env, Set<String> names, Instant start, Instant end,
                                             List<CalendarEntry> entries) {
        return firstGap(shifts(env, names, entries), start, end);
    }

    private static Optional<Instant> firstGap(List<CalendarEntry> shifts, Instant start, Instant end) {
        Instant covered = start;
        while (covered.isBefore(end)) {
            Optional<CalendarEntry> shift = onCallAt(shifts, covered);
            if (shift.isEmpty()) {
                return Optional.of(covered);
            }
            covered = shift.get().to();
        }
        return Optional.empty();
    }

    /** The shift in force at {@code at} that lasts longest (then by person, for a stable answer). */
    private static Optional<CalendarEntry> onCallAt(List<CalendarEntry> shifts, Instant at) {
        return shifts.stream().filter(s -> s.inForceAt(at)).max(Comparator.comparing(CalendarEntry::to)
                .thenComparing(CalendarEntry::person, Comparator.reverseOrder()));
    }

    private static List<CalendarEntry> shifts(Environment env, Set<String> names, List<CalendarEntry> entries) {
        return entries.stream().filter(e -> e.kind() == CalendarEntryKind.ON_CALL_SHIFT && e.person() != null)
                .filter(e -> e.appliesTo(env, names)).toList();
    }
}
