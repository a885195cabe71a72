package dev.faultline.catalog.behaviour;

import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a known-behaviour entry can no longer be trusted, the one rule of Faultline (catalog-service applies it and
 * publishes the result on the entry; hypothesis-service's re-verifier and rationale read it there): its last test is
 * older than {@code staleAfter}, or the service was deployed since — a deployment window on faultline.calendar for the
 * service (or for every service), not cancelled, that started after the last test and has started by now. The reason
 * is worded to stay the same until something changes (a new test, another deployment), so that an entry is
 * republished only when its staleness changes. Pure.
 */
public record Staleness(Duration staleAfter) {

    public Staleness {
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("the stale-after period must be positive, was " + staleAfter);
        }
    }

    /** Why {@code entry} is stale at {@code now} given the {@code calendar}'s entries; empty while it is fresh. */
    public Optional<String> reason(KnownBehaviourUpdated entry, Collection<CalendarEntryPublished> calendar, Instant now) {
        List<String> reasons = new ArrayList<>();
        Instant lastTested = entry.getLastTestedAt();
        calendar.stream()
                .filter(c -> c.getKind() == CalendarEntryKind.DEPLOYMENT_WINDOW && !c.getCancelled())
                .filter(c -> c.getServices().isEmpty() || c.getServices().contains(entry.getService()))
                .filter(c -> c.getStartsAt().isAfter(lastTested) && !c.getStartsAt().isAfter(now))
                .max(Comparator.comparing(CalendarEntryPublished::getStartsAt).thenComparing(CalendarEntryPublished::getEntryId))
                .ifPresent(d -> reasons.add(entry.getService() + " deployed at " + d.getStartsAt() + " (" + d.getEnvironment()
                        + ", '" + d.getTitle() + "') after the last test (" + lastTested + ")"));
        if (lastTested.plus(staleAfter).isBefore(now)) {
            reasons.add("last tested " + lastTested + ", more than " + describe(staleAfter) + " ago");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** A period in words: whole days, hours, minutes or seconds ("30 days", "1 hour"). */
    public static String describe(Duration period) {
        if (period.toDays() >= 1) {
            return plural(period.toDays(), "day");
        }
        if (period.toHours() >= 1) {
            return plural(period.toHours(), "hour");
        }
        if (period.toMinutes() >= 1) {
            return plural(period.toMinutes(), "minute");
        }
        return plural(period.toSeconds(), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
