package dev.faultline.catalog.streams;

import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.kit.tracing.Traced;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A pass-through step that handles each record inside a span of {@link EventTracing}, the child of the publish span
 * its headers carry: what the steps after it do with the record (a fold into a store, on the same thread) happens in
 * that span, so that the experiment's trace shows catalog-service reading every one of its events.
 */
public final class TracedHandling implements FixedKeyProcessor<String, SpecificRecord, SpecificRecord> {

    private final EventTracing tracing;
    private FixedKeyProcessorContext<String, SpecificRecord> context;

    public TracedHandling(EventTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, SpecificRecord> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, SpecificRecord> record) {
        Optional<RecordMetadata> source = context.recordMetadata();
        try (Traced traced = tracing.handle(source.map(RecordMetadata::topic).orElse("unknown"),
                source.map(RecordMetadata::partition).orElse(-1), source.map(RecordMetadata::offset).orElse(-1L),
                record.headers(), record.value())) {
            try {
                context.forward(record);
            } catch (RuntimeException e) {
                traced.fail(e);
                throw e;
            }
        }
    }
}
