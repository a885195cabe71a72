package dev.faultline.analysis.watchdog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records that were already on the input topics when the service started, and whether the event loop has
 * handled them all. Until it has, a started injection may look open only because its stop is further down the
 * backlog (a restart after downtime, a rebuild from offset zero), so the watchdog waits.
 */
public final class StartupBacklog {

    private final Map<String, Long> remaining = new ConcurrentHashMap<>();

    /** @param endOffsets per "topic-partition", the offset the next record written will get (as at start-up) */
    public StartupBacklog(Map<String, Long> endOffsets) {
        endOffsets.forEach((partition, end) -> {
            if (end > 0) {
                remaining.put(partition, end - 1);
            }
        });
    }

    /** Notes that the record at {@code offset} of a partition was handled. */
    public void handled(String topic, int partition, long offset) {
        String key = topic + "-" + partition;
        remaining.computeIfPresent(key, (k, last) -> offset >= last ? null : last);
    }

    public boolean caughtUp() {
        return remaining.isEmpty();
    }
}
