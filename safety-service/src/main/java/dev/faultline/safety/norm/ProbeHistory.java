package dev.faultline.safety.norm;

import java.time.Instant;
import java.util.List;

/** Port: the background samples of HTTP probes, kept per probe and hour of the week for a bounded time. */
public interface ProbeHistory {

    /** One request sent in the background: when, how long it took, and whether it succeeded. */
    record Sample(Instant at, double latencyMillis, boolean ok) {
    }

    void record(ProbeKey key, Sample sample);

    /** The samples of {@code key} taken in {@code hour} of any week at or after {@code since}, newest first. */
    List<Sample> samples(ProbeKey key, HourOfWeek hour, Instant since);
}
