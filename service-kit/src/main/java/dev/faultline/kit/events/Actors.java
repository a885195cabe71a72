package dev.faultline.kit.events;

import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;

/** Builds the {@link Actor} of an event: a person (proposer, reviewer, approver), a service, or an outside tool. */
public final class Actors {

    private Actors() {
    }

    public static Actor person(String id) {
        return Actor.newBuilder().setKind(ActorKind.PERSON).setId(id).setDisplayName(null).build();
    }

    public static Actor service(String name) {
        return Actor.newBuilder().setKind(ActorKind.SERVICE).setId(name).setDisplayName(null).build();
    }

    public static Actor tool(String name) {
        return Actor.newBuilder().setKind(ActorKind.TOOL).setId(name).setDisplayName(null).build();
    }
}
