package dev.faultline.kit.events;

import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.EventHeader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Makes the common header of every event. A header answering another event keeps that event's trace id
 * (W3C {@code traceparent}, new span id) and names it as the causation, so that one experiment's events
 * form one trace across services.
 */
public final class EventHeaders {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private EventHeaders() {
    }

    /** The header of an event that starts a chain (a proposal, an operator's halt). */
    public static EventHeader first(String experimentId, Actor actor, Clock clock) {
        return build(experimentId, actor, clock.instant(), null, randomHex(16));
    }

    /** The header of an event caused by {@code cause}. */
    public static EventHeader answering(EventHeader cause, Actor actor, Clock clock) {
        return answering(cause, cause.getExperimentId(), actor, clock);
    }

    /** The header of an event caused by {@code cause} but about another experiment id. */
    public static EventHeader answering(EventHeader cause, String experimentId, Actor actor, Clock clock) {
        return build(experimentId, actor, clock.instant(), cause.getEventId(), traceIdOf(cause.getTraceparent()));
    }

    /** The trace id in a {@code traceparent}, or a new one when it is absent or malformed. */
    static String traceIdOf(String traceparent) {
        if (traceparent != null) {
            String[] parts = traceparent.split("-");
            if (parts.length == 4 && parts[1].length() == 32) {
                return parts[1];
            }
        }
        return randomHex(16);
    }

    private static EventHeader build(String experimentId, Actor actor, Instant at, UUID causation, String traceId) {
        return EventHeader.newBuilder()
                .setEventId(UUID.randomUUID())
                .setExperimentId(experimentId)
                .setOccurredAt(at)
                .setActor(actor)
                .setCausationId(causation)
                .setTraceparent("00-" + traceId + "-" + randomHex(8) + "-01")
                .setTracestate(null)
                .build();
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }
}
