package dev.faultline.injector.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which injector instances are dead, as one observer sees their heartbeats: an instance is dead once its heartbeat
 * (absent counts as a value) has stood still for {@code deadAfter} of the observer's own time, watched without a
 * break. Only a change is trusted, never a timestamp's age, so clocks that disagree between machines do not matter;
 * and a read that failed restarts the watch, since nobody could beat while the store was down (every instance
 * would look dead the moment it answers again).
 */
final class Liveness {

    private final Duration deadAfter;
    /** Per instance: the heartbeat last read, and since when (observer's time) it has read so. */
    private final Map<String, Seen> seen = new HashMap<>();
    /** Since when the watch has gone unbroken; null until the first read and after a failed one. */
    private Instant watchingSince;

    Liveness(Duration deadAfter) {
        this.deadAfter = deadAfter;
    }

    /** One read of every instance's heartbeat, at {@code now}. */
    void observe(Map<String, Instant> beats, Instant now) {
        if (watchingSince == null) {
            watchingSince = now;
        }
        beats.forEach((instance, beat) -> {
            Seen last = seen.get(instance);
            if (last == null || !Objects.equals(last.beat(), beat)) {
                seen.put(instance, new Seen(beat, now));
            }
        });
        seen.replaceAll((instance, last) -> beats.containsKey(instance) || last.beat() == null ? last : new Seen(null, now));
    }

    /** A read failed: what was seen before it says nothing about the time after. */
    void interrupted() {
        seen.clear();
        watchingSince = null;
    }

    /** Whether {@code instance}'s heartbeat has stood still (or been absent) for {@code deadAfter} up to {@code now}. */
    boolean dead(String instance, Instant now) {
        if (watchingSince == null) {
            return false;
        }
        Seen last = seen.get(instance);
        Instant still = last == null ? watchingSince : last.since();
        return Duration.between(still, now).compareTo(deadAfter) >= 0;
    }

    private record Seen(Instant beat, Instant since) {
    }
}
