package dev.faultline.cli.watch;

import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeSample;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test fixtures: headers and probe samples for building events. */
final class Events {

    static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    private Events() {
    }

    static EventHeader header(String experimentId, String actor) {
        return EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId(experimentId).setOccurredAt(AT)
                .setActor(Actor.newBuilder().setKind(ActorKind.SERVICE).setId(actor).setDisplayName(null).build())
                .setCausationId(null).setTraceparent(null).setTracestate(null).build();
    }

    static ProbeSample sample(String probe, double latency, int status) {
        return ProbeSample.newBuilder().setProbeId(probe).setComponent("storefront").setAt(AT).setLatencyMillis(latency)
                .setStatus(status).setOk(status < 500).setHeaders(List.of()).setError(null).build();
    }

    static ExperimentPhase during() {
        return ExperimentPhase.DURING;
    }
}
