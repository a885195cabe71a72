package dev.faultline.catalog.experiment;

import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.EvidenceCaptured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * One experiment's status and timeline, folded from its events on every experiment topic (the value of the
 * {@value ExperimentTopology#STORE} store). Redelivered events (same event id) change nothing; evidence batches are
 * only counted. {@code countedEvidence} holds the event ids of the counted batches.
 */
@Serdeable
public record ExperimentView(@Nullable String experimentId, @Nullable ExperimentStatus status,
                             @Nullable String service, @Nullable String faultType, @Nullable String environment,
                             @Nullable Integer revision, @Nullable String stopReason, @Nullable String verdict,
                             long evidenceBatches, long evidenceSamples, @Nullable List<String> countedEvidence,
                             @Nullable List<TimelineEntry> timeline, @Nullable Instant updatedAt) {

    public ExperimentView {
        countedEvidence = countedEvidence == null ? List.of() : countedEvidence;
        timeline = timeline == null ? List.of() : timeline;
    }

    /** Before the first event. */
    public static final ExperimentView NONE = new ExperimentView(null, null, null, null, null, null, null, null, 0, 0,
            List.of(), List.of(), null);

    /** The view after {@code event} of experiment {@code experimentId}. */
    public ExperimentView apply(String experimentId, SpecificRecord event) {
        EventHeader header = headerOf(event);
        String eventId = header.getEventId().toString();
        if (countedEvidence.contains(eventId) || timeline.stream().anyMatch(e -> eventId.equals(e.eventId()))) {
            return this;
        }
        Instant at = header.getOccurredAt();
        if (event instanceof EvidenceCaptured evidence) {
            List<String> counted = new ArrayList<>(countedEvidence);
            counted.add(eventId);
            return new ExperimentView(experimentId, status, service, faultType, environment, revision, stopReason,
                    verdict, evidenceBatches + 1, evidenceSamples + evidence.getSamples().size(), counted, timeline,
                    latest(at));
        }
        Optional<ExperimentFact> fact = ExperimentFacts.of(event);
        if (fact.isEmpty()) {
            return this;
        }
        ExperimentFact f = fact.get();
        ExperimentStatus next = status == null ? (f.status() == null ? ExperimentStatus.PROPOSED : f.status())
                : status.then(f.status());
        return new ExperimentView(experimentId, next, first(f.service(), service), first(f.faultType(), faultType),
                first(f.environment(), environment), maxRevision(f.revision()), first(f.stopReason(), stopReason),
                first(f.verdict(), verdict), evidenceBatches, evidenceSamples, countedEvidence,
                inserted(new TimelineEntry(at, event.getSchema().getName(), f.summary(), eventId)), latest(at));
    }

    /** The timeline with {@code entry} placed by time, after entries of the same instant (arrival order). */
    private List<TimelineEntry> inserted(TimelineEntry entry) {
        List<TimelineEntry> copy = new ArrayList<>(timeline);
        int index = copy.size();
        while (index > 0 && copy.get(index - 1).at().isAfter(entry.at())) {
            index--;
        }
        copy.add(index, entry);
        return copy;
    }

    private Integer maxRevision(Integer fresh) {
        return fresh == null || (revision != null && revision > fresh) ? revision : fresh;
    }

    private Instant latest(Instant at) {
        return updatedAt == null || at.isAfter(updatedAt) ? at : updatedAt;
    }

    private static <T> T first(T fresh, T known) {
        return fresh != null ? fresh : known;
    }

    private static EventHeader headerOf(SpecificRecord event) {
        return (EventHeader) event.get(event.getSchema().getField("header").pos());
    }
}
