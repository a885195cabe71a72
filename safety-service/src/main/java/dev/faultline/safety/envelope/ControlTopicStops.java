package dev.faultline.safety.envelope;

import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.safety.halt.Halt;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.HaltScope;
import java.time.Clock;
import java.util.UUID;

/** Adapter: a {@link MidRunWatch} halt is a HaltRequested of one experiment on the control topic, by safety-service. */
public final class ControlTopicStops implements MidRunWatch.Stops {

    private final EventPublisher publisher;
    private final Actor service;
    private final Clock clock;

    public ControlTopicStops(EventPublisher publisher, String serviceName, Clock clock) {
        this.publisher = publisher;
        this.service = Actors.service(serviceName);
        this.clock = clock;
    }

    @Override
    public void halt(String experimentId, String reason) {
        Halt halt = new Halt(UUID.randomUUID(), HaltScope.EXPERIMENT, experimentId, null, reason);
        publisher.publish(halt.key(), halt.requested(service, clock));
    }
}
