package dev.faultline.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.trace.IdGenerator;
import java.util.HashMap;
import java.util.Map;

/**
 * W3C {@code traceparent} values as the event header carries them, read and written with OpenTelemetry's W3C
 * propagator: the span context in a header, the header of a span context, and a fresh sampled root context.
 */
public final class TraceContexts {

    static final String TRACEPARENT = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** The span context a {@code traceparent} names; invalid when it is absent or malformed. */
    public static SpanContext parse(String traceparent) {
        if (traceparent == null) {
            return SpanContext.getInvalid();
        }
        Context context = W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
        return Span.fromContext(context).getSpanContext();
    }

    /** The {@code traceparent} of a valid span context. */
    public static String format(SpanContext spanContext) {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.root().with(Span.wrap(spanContext)), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** A new sampled trace with a new span id: the context of an event that starts a chain outside any span. */
    public static SpanContext newRoot() {
        IdGenerator ids = IdGenerator.random();
        return SpanContext.create(ids.generateTraceId(), ids.generateSpanId(), TraceFlags.getSampled(), TraceState.getDefault());
    }
}
