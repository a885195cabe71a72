package dev.faultline.injector.recovery;

import dev.faultline.injector.evidence.KafkaInjectionEvents;
import dev.faultline.injector.fault.DataPlanePort;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, cleans up after an injector process that died during an injection: for every injection still
 * recorded as active, removes its lease holder's faults on the data plane (usually its lease already did) and
 * publishes InjectionStopped(LOST, evidenceBatches unknown = null) saying whether the data plane confirms that nothing is left.
 */
@Singleton
public class LeftoverRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverRecovery.class);

    private final RunStore store;
    private final DataPlanePort dataPlane;
    private final EventPublisher publisher;
    private final KafkaSettings kafka;
    private final Clock clock = Clock.systemUTC();

    public LeftoverRecovery(RunStore store, DataPlanePort dataPlane, EventPublisher publisher, KafkaSettings kafka) {
        this.store = store;
        this.dataPlane = dataPlane;
        this.publisher = publisher;
        this.kafka = kafka;
    }

    /** Returns how many left-over injections were closed. */
    public int recover() {
        int closed = 0;
        for (RunStore.ActiveRecord record : store.active()) {
            boolean verified;
            String detail;
            try {
                List<String> removed = dataPlane.release(record.holder());
                verified = dataPlane.leasesOf(record.holder()).isEmpty();
                detail = "the injector process running this injection died; on restart the lease holder " + record.holder()
                        + (removed.isEmpty() ? " had no faults left (its lease had expired them)" : " still had " + removed + ", now removed");
            } catch (RuntimeException e) {
                verified = false;
                detail = "the injector process running this injection died; the data plane could not be asked on restart ("
                        + e.getMessage() + "); its lease expires the fault";
            }
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
