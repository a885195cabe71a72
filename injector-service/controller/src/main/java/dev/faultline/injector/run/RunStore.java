package dev.faultline.injector.run;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the injector remembers across restarts: which clearances already ran (one run per clearance) and which
 * injections are active (so that a restarted injector can clean up after a dead one).
 */
public interface RunStore {

    /** Claims {@code clearanceId} for {@code injectionId}; empty when claimed, else the injection that claimed it before. */
    Optional<UUID> claim(UUID clearanceId, UUID injectionId, String experimentId);

    /** The injection that already claimed {@code clearanceId}, if any. */
    Optional<UUID> claimedBy(UUID clearanceId);

    void recordActive(ActiveRecord record);

    void removeActive(UUID injectionId);

    List<ActiveRecord> active();

    /** An injection whose fault is (or may be) on the data plane. */
    record ActiveRecord(UUID injectionId, String experimentId, String holder, java.time.Instant startedAt,
                        byte[] causeHeader) {
    }
}
