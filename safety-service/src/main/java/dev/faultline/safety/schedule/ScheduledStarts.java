package dev.faultline.safety.schedule;

import dev.faultline.safety.preflight.PreflightCoordinator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts deferred experiments on time: each tick reads the open schedules (a table, so they survive a restart) and
 * runs the preflight of every one whose window has started — once at the start, then again every {@code retryEvery}
 * while it is blocked, and at once when the window can no longer hold the run, which blocks it for good. Each attempt
 * (the retry period it falls in, or the window's end) is claimed in the store first, so that of several instances
 * only one runs it. A moved window is a new window.
 */
public final class ScheduledStarts {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledStarts.class);

    /** Runs the preflight of a deferred experiment ({@link PreflightCoordinator#runScheduled}). */
    @FunctionalInterface
    public interface Preflights {
        void runScheduled(String experimentId) throws InterruptedException;
    }

    /** The attempt that ends a window (its last, blocking one), claimed apart from the retry periods. */
    static final long WINDOW_ENDED = Long.MAX_VALUE;

    private final ScheduleBook schedules;
    private final Preflights coordinator;
    private final Function<String, Optional<Long>> durationOf;
    private final Clock clock;
    private final Duration retryEvery;
    private final Map<String, Instant> lastAttempt = new ConcurrentHashMap<>();

    /** @param durationOf the duration of an experiment's approved plan, in milliseconds */
    public ScheduledStarts(ScheduleBook schedules, Preflights coordinator,
                           Function<String, Optional<Long>> durationOf, Clock clock, Duration retryEvery) {
        this.schedules = schedules;
        this.coordinator = coordinator;
        this.durationOf = durationOf;
        this.clock = clock;
        this.retryEvery = retryEvery;
    }

    /** Runs the preflights that are due; returns how many ran. */
    public int tick() throws InterruptedException {
        Instant now = clock.instant();
        int ran = 0;
        Set<String> open = new HashSet<>();
        for (ScheduledStart s : schedules.open()) {
            String key = s.experimentId() + "@" + s.window().start();
            open.add(key);
            if (!due(s, key, now)) {
                continue;
            }
            lastAttempt.put(key, now);
            if (!schedules.claim(s.experimentId(), s.window().start(), attempt(s, now))) {
                continue;
            }
            try {
                coordinator.runScheduled(s.experimentId());
                ran++;
            } catch (RuntimeException e) {
                LOG.warn("the scheduled preflight of {} failed; it runs again in {}", s.experimentId(), retryEvery, e);
            }
        }
        lastAttempt.keySet().retainAll(open);
        return ran;
    }

    private long attempt(ScheduledStart s, Instant now) {
        return ended(s, now) ? WINDOW_ENDED : now.toEpochMilli() / retryEvery.toMillis();
    }

    private boolean ended(ScheduledStart s, Instant now) {
        return durationOf.apply(s.experimentId()).filter(d -> s.window().ended(now, d)).isPresent();
    }

    private boolean due(ScheduledStart s, String key, Instant now) {
        if (!s.window().started(now)) {
            return false;
        }
        Instant last = lastAttempt.get(key);
        if (last == null || !now.isBefore(last.plus(retryEvery))) {
            return true;
        }
        return ended(s, now);
    }
}
