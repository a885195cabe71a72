package dev.faultline.injector.recovery;

import dev.faultline.injector.evidence.KafkaInjectionEvents;
import dev.faultline.injector.fault.LeftoverSweeper;
import dev.faultline.injector.run.RunOutcome;
import dev.faultline.injector.run.RunStore;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.StopReason;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, cleans up after an injector process that died during an injection: for every injection still
 * recorded as active, removes its lease holder's faults from every place that holds faults ({@link LeftoverSweeper}s:
 * the data plane, the hosts' agents; usually its leases already did) and publishes InjectionStopped(LOST,
 * evidenceBatches unknown = null) saying whether they all confirm that nothing is left.
 */
@Singleton
public class LeftoverRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverRecovery.class);

    private final RunStore store;
    private final List<LeftoverSweeper> sweepers;
    private final EventPublisher publisher;
    private final KafkaSettings kafka;
    private final Clock clock = Clock.systemUTC();

    public LeftoverRecovery(RunStore store, List<LeftoverSweeper> sweepers, EventPublisher publisher, KafkaSettings kafka) {
        this.store = store;
        this.sweepers = List.copyOf(sweepers);
        this.publisher = publisher;
        this.kafka = kafka;
    }

    /** Returns how many left-over injections were closed. */
    public int recover() {
        int closed = 0;
        for (RunStore.ActiveRecord record : store.active()) {
            boolean verified = true;
            List<String> removed = new ArrayList<>();
            List<String> unanswered = new ArrayList<>();
            for (LeftoverSweeper sweeper : sweepers) {
                try {
                    removed.addAll(sweeper.sweep(record.holder()));
                    verified &= sweeper.gone(record.holder());
                } catch (RuntimeException e) {
                    verified = false;
                    unanswered.add(sweeper.where() + " (" + e.getMessage() + ")");
                }
            }
            String detail = "the injector process running this injection died; on restart the lease holder " + record.holder()
                    + (removed.isEmpty() ? " had no faults left (its leases had expired them)" : " still had " + removed + ", now removed")
                    + (unanswered.isEmpty() ? "" : "; could not ask " + String.join(", ", unanswered) + ": their leases expire the fault");
            try {
                EventHeader cause = EventHeader.fromByteBuffer(ByteBuffer.wrap(record.causeHeader()));
                Instant now = clock.instant();
                RunOutcome outcome = new RunOutcome(StopReason.LOST, null, null, detail, record.startedAt(), now, verified,
                        0, null, null, now);
                publisher.publish(KafkaInjectionEvents.stoppedEvent(
                        EventHeaders.answering(cause, Actors.service(kafka.serviceName()), clock), record.injectionId(),
                        outcome, null));
                store.removeActive(record.injectionId());
                closed++;
                LOG.warn("left-over injection {} of {} closed as LOST (rollback verified: {})", record.injectionId(),
                        record.experimentId(), verified);
            } catch (java.io.IOException | RuntimeException e) {
                LOG.error("cannot close left-over injection {}: {}", record.injectionId(), e.toString());
            }
        }
        return closed;
    }
}
