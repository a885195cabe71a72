package dev.faultline.kit.tracing;

import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.EventHeader;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Spans for the events a service publishes and handles, so that one experiment is one trace across services and
 * Kafka hops. A publish span continues the experiment's trace — the current span when it belongs to that trace,
 * else the span the event header names (the cause's publish span) — and becomes the event's {@code traceparent},
 * in the Avro header and in the Kafka record headers (with the experiment id as baggage) alike. A handle span is
 * the child of the publish span the record's headers carry. Propagation uses the configured OpenTelemetry
 * propagators (W3C trace context and baggage).
 */
@Singleton
public class EventTracing {

    public static final AttributeKey<String> EXPERIMENT_ID = AttributeKey.stringKey("faultline.experiment.id");
    public static final String EXPERIMENT_BAGGAGE = "faultline.experiment.id";
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("faultline.event.type");
    private static final TextMapGetter<Headers> KAFKA_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.faultline.kit.events");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** No spans; events keep the trace context their headers already have. */
    public static EventTracing disabled() {
        return new EventTracing(OpenTelemetry.noop());
    }

    /**
     * Starts the span of publishing {@code event} to {@code topic}, writes its context into the event header and
     * {@code kafkaHeaders}, and makes it current until the returned {@link Traced} is closed.
     */
    public Traced publish(String topic, SpecificRecord event, Headers kafkaHeaders) {
        EventHeader header = EventPublisher.headerOf(event);
        SpanContext named = TraceContexts.parse(header.getTraceparent());
        SpanContext current = Span.current().getSpanContext();
        boolean sameTrace = current.isValid() && named.isValid() && current.getTraceId().equals(named.getTraceId());
        Context parent = sameTrace || !named.isValid() ? Context.current() : Context.root().with(Span.wrap(named));
        SpanBuilder builder = tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER).setParent(parent)
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, topic).setAttribute(OPERATION, "send")
                .setAttribute(EVENT_TYPE, event.getClass().getSimpleName())
                .setAttribute(EXPERIMENT_ID, header.getExperimentId());
        if (current.isValid() && !sameTrace) {
            builder.addLink(current);
        }
        Span span = builder.startSpan();
        Context context = withExperiment(parent.with(span), header.getExperimentId());
        if (span.getSpanContext().isValid()) {
            header.setTraceparent(TraceContexts.format(span.getSpanContext()));
        } else if (header.getTraceparent() == null) {
            header.setTraceparent(TraceContexts.format(TraceContexts.newRoot()));
        }
        propagator.inject(context, kafkaHeaders, (headers, key, value) -> {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
        if (kafkaHeaders.lastHeader(TraceContexts.TRACEPARENT) == null && header.getTraceparent() != null) {
            kafkaHeaders.add(TraceContexts.TRACEPARENT, header.getTraceparent().getBytes(StandardCharsets.UTF_8));
        }
        return new Traced(span, context.makeCurrent());
    }

    /**
     * Starts the span of handling an event read from {@code topic}, the child of the context its Kafka headers
     * carry (else of its event header's {@code traceparent}), and makes it current with the experiment id as baggage.
     */
    public Traced handle(String topic, int partition, long offset, Headers kafkaHeaders, SpecificRecord event) {
        EventHeader header = EventPublisher.headerOf(event);
        Context parent = propagator.extract(Context.root(), kafkaHeaders, KAFKA_GETTER);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            SpanContext named = TraceContexts.parse(header.getTraceparent());
            parent = named.isValid() ? parent.with(Span.wrap(named)) : parent;
        }
        Span span = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER).setParent(parent)
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, topic).setAttribute(OPERATION, "process")
                .setAttribute(PARTITION, (long) partition).setAttribute(OFFSET, offset)
                .setAttribute(EVENT_TYPE, event.getClass().getSimpleName())
                .setAttribute(EXPERIMENT_ID, header.getExperimentId())
                .startSpan();
        Context context = withExperiment(parent.with(span), header.getExperimentId());
        return new Traced(span, context.makeCurrent());
    }

    private static Context withExperiment(Context context, String experimentId) {
        if (experimentId == null || experimentId.isBlank()) {
            return context;
        }
        return Baggage.fromContext(context).toBuilder().put(EXPERIMENT_BAGGAGE, experimentId).build().storeInContext(context);
    }
}
