package dev.faultline.catalog.behaviour;

import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.kit.tracing.TraceContexts;
import dev.faultline.kit.tracing.Traced;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.topics.Topics;
import io.opentelemetry.api.trace.SpanContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds verdicts (keyed by behaviour key) into the {@value KnownBehaviourTopology#STORE} store and forwards each
 * changed entry. An aggregation that forwards only on change: a redelivered verdict updates and emits nothing.
 * Each verdict is handled in a span, the child of the context in the record's headers; a forwarded entry carries
 * that span as its {@code traceparent}, so that whoever reads it continues from the catalog.
 */
final class KnownBehaviourProcessor implements Processor<String, VerdictIssued, String, KnownBehaviourUpdated> {

    static final String ACTOR = "catalog-service";
    static final String TRACEPARENT = "traceparent";
    private static final Logger LOG = LoggerFactory.getLogger(KnownBehaviourProcessor.class);

    private final Clock clock;
    private final EventTracing tracing;
    private ProcessorContext<String, KnownBehaviourUpdated> context;
    private KeyValueStore<String, KnownBehaviourUpdated> store;

    KnownBehaviourProcessor(Clock clock, EventTracing tracing) {
        this.clock = clock;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, KnownBehaviourUpdated> context) {
        this.context = context;
        this.store = context.getStateStore(KnownBehaviourTopology.STORE);
    }

    @Override
    public void process(Record<String, VerdictIssued> record) {
        Optional<RecordMetadata> source = context.recordMetadata();
        try (Traced traced = tracing.handle(source.map(RecordMetadata::topic).orElse(Topics.VERDICTS.name()),
                source.map(RecordMetadata::partition).orElse(-1), source.map(RecordMetadata::offset).orElse(-1L),
                record.headers(), record.value())) {
            try {
                fold(record, traced.span().getSpanContext());
            } catch (RuntimeException e) {
                traced.fail(e);
                throw e;
            }
        }
    }

    private void fold(Record<String, VerdictIssued> record, SpanContext span) {
        VerdictIssued verdict = record.value();
        EventHeader header = EventHeaders.answering(verdict.getHeader(), Actors.service(ACTOR), clock);
        Headers headers = record.headers();
        if (span.isValid()) {
            String traceparent = TraceContexts.format(span);
            header.setTraceparent(traceparent);
            headers = new RecordHeaders(record.headers().toArray());
            headers.remove(TRACEPARENT).add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        KnownBehaviourUpdated previous = store.get(record.key());
        Optional<KnownBehaviourUpdated> updated = KnownBehaviourRules.apply(previous, verdict, header);
        if (updated.isEmpty()) {
            LOG.info("verdict of {} already counted in {}; ignored", verdict.getHeader().getExperimentId(), record.key());
            return;
        }
        KnownBehaviourUpdated entry = updated.get();
        store.put(record.key(), entry);
        LOG.info("{} {} by {} ({} experiments)", record.key(), entry.getChange(),
                verdict.getHeader().getExperimentId(), entry.getExperimentIds().size());
        context.forward(record.withValue(entry).withHeaders(headers));
    }
}
