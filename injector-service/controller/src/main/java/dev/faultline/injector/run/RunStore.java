package dev.faultline.injector.run;

import dev.faultline.schemas.avro.EventHeader;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the injector instances remember across restarts: which clearances already ran (one run per clearance), which
 * injections are active and which instance runs each (so that a restarted or surviving instance can clean up after a
 * dead one), and each instance's last heartbeat.
 */
public interface RunStore {

    /** Claims {@code clearanceId} for {@code injectionId}; empty when claimed, else the injection that claimed it before. */
    Optional<UUID> claim(UUID clearanceId, UUID injectionId, String experimentId);

    /** The injection that already claimed {@code clearanceId}, if any. */
    Optional<UUID> claimedBy(UUID clearanceId);

    /** Records {@code record} as run by this instance ({@link #owner()}). */
    void recordActive(ActiveRecord record);

    /** Records {@code record} with no owner: restored from the topics, whoever ran it is gone. */
    void restoreActive(ActiveRecord record);

    /**
     * Forgets the active row of a run that ended (its InjectionStopped is out). When the store does not answer, this
     * throws, and the row is still forgotten later: at this instance's next heartbeat that reaches the store
     * ({@link #beat}), so that a run stopped while the store was out of reach is never reported LOST afterwards.
     */
    void removeActive(UUID injectionId);

    List<Owned> active();

    /**
     * Makes this instance the owner of {@code injectionId} if {@code from} still is ({@code null}: nobody), atomically
     * across instances; false when another instance took it first or the run ended meanwhile.
     */
    boolean takeOver(UUID injectionId, @Nullable String from);

    /** This instance's name, recorded as the owner of the runs it records. */
    String owner();

    /**
     * Records that this instance was alive at {@code at} (and then forgets the rows {@link #removeActive} could not),
     * and which member of the clearance listener's consumer group
     * it is ({@code null}: not in the group yet, and a member recorded before is kept).
     */
    void beat(Instant at, @Nullable String member);

    /** Every instance's last heartbeat, as each wrote it. */
    Map<String, Instant> beats();

    /** Every instance's consumer-group member id, as it last recorded it (instances that recorded none are absent). */
    Map<String, String> members();

    /** An injection whose fault is (or may be) on the data plane. */
    record ActiveRecord(UUID injectionId, String experimentId, String holder, Instant startedAt, byte[] causeHeader) {

        /** The record of an injection answering {@code cause}, whose header is kept as its Avro bytes. */
        public static ActiveRecord of(UUID injectionId, String experimentId, String holder, Instant startedAt,
                                      EventHeader cause) {
            try {
                ByteBuffer buffer = cause.toByteBuffer();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return new ActiveRecord(injectionId, experimentId, holder, startedAt, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An active injection and the instance running it ({@code null}: restored from the topics, nobody's). */
    record Owned(ActiveRecord record, @Nullable String owner) {
    }
}
