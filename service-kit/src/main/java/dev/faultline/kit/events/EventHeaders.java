package dev.faultline.kit.events;

import dev.faultline.kit.tracing.TraceContexts;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.EventHeader;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Makes the common header of every event. An event that starts a chain takes the current span's trace context (an
 * HTTP request's, say); outside any span it has none until its publish span starts a trace; a header answering another event keeps that event's
 * {@code traceparent}, so that the answer's publish span is the child of the cause's (see {@code EventTracing}),
 * and names it as the causation: one experiment's events form one trace across services.
 */
public final class EventHeaders {

    private EventHeaders() {
    }

    /** The header of an event that starts a chain (a proposal, an operator's halt). */
    public static EventHeader first(String experimentId, Actor actor, Clock clock) {
        SpanContext current = Span.current().getSpanContext();
        return build(experimentId, actor, clock.instant(), null, current);
    }

    /** The header of an event caused by {@code cause}. */
    public static EventHeader answering(EventHeader cause, Actor actor, Clock clock) {
        return answering(cause, cause.getExperimentId(), actor, clock);
    }

    /** The header of an event caused by {@code cause} but about another experiment id. */
    public static EventHeader answering(EventHeader cause, String experimentId, Actor actor, Clock clock) {
        SpanContext parent = TraceContexts.parse(cause.getTraceparent());
        return build(experimentId, actor, clock.instant(), cause.getEventId(), parent.isValid() ? parent : TraceContexts.newRoot());
    }

    private static EventHeader build(String experimentId, Actor actor, Instant at, UUID causation, SpanContext trace) {
        return EventHeader.newBuilder()
                .setEventId(UUID.randomUUID())
                .setExperimentId(experimentId)
                .setOccurredAt(at)
                .setActor(actor)
                .setCausationId(causation)
                .setTraceparent(trace.isValid() ? TraceContexts.format(trace) : null)
                .setTracestate(null)
                .build();
    }
}
