package dev.faultline.cli.declared;

import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.EventHeader;
import java.time.Clock;
import java.util.UUID;

/**
 * The header of an event the CLI publishes itself, as another tool would (calendar entries, incidents): a new event
 * id, no experiment, the signed-in user ({@link dev.faultline.cli.ServiceOptions#signedInUser()}) as the actor.
 */
public final class CliEventHeader {

    private CliEventHeader() {
    }

    public static EventHeader of(String person, Clock clock) {
        return EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId("").setOccurredAt(clock.instant())
                .setActor(Actor.newBuilder().setKind(ActorKind.PERSON).setId(person).build())
                .setCausationId(null).setTraceparent(null).setTracestate(null).build();
    }
}
