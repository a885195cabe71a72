package dev.faultline.catalog.behaviour;

import dev.faultline.catalog.streams.DeclaredStores;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.kit.tracing.TraceContexts;
import dev.faultline.kit.tracing.Traced;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.CatalogChange;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.topics.Topics;
import io.opentelemetry.api.trace.SpanContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds verdicts (keyed by behaviour key) into the {@value KnownBehaviourTopology#STORE} store and forwards each
 * changed entry. An aggregation that forwards only on change: a redelivered verdict updates and emits nothing.
 * Each verdict is handled in a span, the child of the context in the record's headers; a forwarded entry carries
 * that span as its {@code traceparent}, so that whoever reads it continues from the catalog.
 *
 * <p>Staleness: every entry it writes is judged by {@link Staleness} against the calendar's deployment windows
 * ({@link DeclaredStores#CALENDAR}), and every {@code checkEvery} (wall-clock punctuation) it judges its entries
 * again: one whose staleness changed (it aged past the period, a deployment started, a deployment was cancelled) is
 * written and forwarded with change {@code STALE} (or its last change when it becomes fresh again).
 */
final class KnownBehaviourProcessor implements Processor<String, VerdictIssued, String, KnownBehaviourUpdated> {

    static final String ACTOR = "catalog-service";
    static final String TRACEPARENT = "traceparent";
    private static final Logger LOG = LoggerFactory.getLogger(KnownBehaviourProcessor.class);

    private final Clock clock;
    private final EventTracing tracing;
    private final Staleness staleness;
    private final Duration checkEvery;
    private ProcessorContext<String, KnownBehaviourUpdated> context;
    private KeyValueStore<String, KnownBehaviourUpdated> store;
    private KeyValueStore<String, CalendarEntryPublished> calendar;

    KnownBehaviourProcessor(Clock clock, EventTracing tracing, Staleness staleness, Duration checkEvery) {
        this.clock = clock;
        this.tracing = tracing;
        this.staleness = staleness;
        this.checkEvery = checkEvery;
    }

    @Override
    public void init(ProcessorContext<String, KnownBehaviourUpdated> context) {
        this.context = context;
        this.store = context.getStateStore(KnownBehaviourTopology.STORE);
        this.calendar = context.getStateStore(DeclaredStores.CALENDAR);
        context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, timestamp -> recheck());
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
        KnownBehaviourUpdated entry = judged(updated.get(), calendarEntries(), clock.instant());
        store.put(record.key(), entry);
        LOG.info("{} {} by {} ({} experiments)", record.key(), entry.getChange(),
                verdict.getHeader().getExperimentId(), entry.getExperimentIds().size());
        context.forward(record.withValue(entry).withHeaders(headers));
    }

    /** Judges every entry again; writes and forwards those whose staleness changed. */
    private void recheck() {
        Instant now = clock.instant();
        List<CalendarEntryPublished> published = calendarEntries();
        List<KeyValue<String, KnownBehaviourUpdated>> changed = new ArrayList<>();
        try (KeyValueIterator<String, KnownBehaviourUpdated> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, KnownBehaviourUpdated> entry = entries.next();
                KnownBehaviourUpdated judged = judged(entry.value, published, now);
                if (judged.getStale() != entry.value.getStale()
                        || !Objects.equals(judged.getStaleReason(), entry.value.getStaleReason())) {
                    changed.add(KeyValue.pair(entry.key, judged));
                }
            }
        }
        for (KeyValue<String, KnownBehaviourUpdated> entry : changed) {
            List<String> experiments = entry.value.getExperimentIds();
            KnownBehaviourUpdated update = KnownBehaviourUpdated.newBuilder(entry.value)
                    .setHeader(EventHeaders.first(experiments.isEmpty() ? "" : experiments.get(experiments.size() - 1),
                            Actors.service(ACTOR), clock))
                    .setChange(entry.value.getStale() ? CatalogChange.STALE : entry.value.getChange())
                    .build();
            store.put(entry.key, update);
            LOG.info("{} {}", entry.key, update.getStale() ? "stale: " + update.getStaleReason() : "fresh again");
            context.forward(new Record<>(entry.key, update, now.toEpochMilli()));
        }
    }

    /** {@code entry} with its staleness at {@code now}. */
    private KnownBehaviourUpdated judged(KnownBehaviourUpdated entry, List<CalendarEntryPublished> calendar,
                                         Instant now) {
        Optional<String> reason = staleness.reason(entry, calendar, now);
        return KnownBehaviourUpdated.newBuilder(entry).setStale(reason.isPresent()).setStaleReason(reason.orElse(null))
                .build();
    }

    /** The calendar's entries (the rule picks the deployment windows). */
    private List<CalendarEntryPublished> calendarEntries() {
        List<CalendarEntryPublished> entries = new ArrayList<>();
        try (KeyValueIterator<String, CalendarEntryPublished> all = calendar.all()) {
            all.forEachRemaining(entry -> entries.add(entry.value));
        }
        return entries;
    }
}
