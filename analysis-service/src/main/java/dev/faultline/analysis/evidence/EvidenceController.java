package dev.faultline.analysis.evidence;

import dev.faultline.kit.http.ApiException;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * HTTP: the evidence recorded for an experiment — the approved revision, its injections, its batches, the
 * per-probe, per-phase statistics and the samples over time.
 */
@Controller("/experiments/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EvidenceController {

    private final EvidenceRecords records;

    public EvidenceController(EvidenceRecords records) {
        this.records = records;
    }

    @Get("/evidence")
    public EvidenceView evidence(@PathVariable String id) {
        EvidenceView view = EvidenceView.of(id, records, records.evidence(id));
        if (view.batches().isEmpty() && view.injections().isEmpty()) {
            throw ApiException.notFound("no evidence for experiment " + id);
        }
        return view;
    }

    /**
     * The evidence of one experiment: its statistics per probe and phase, and over time ({@code series}, with each
     * injection's {@code faultWindows}) for the charts.
     */
    @Serdeable
    public record EvidenceView(String experimentId, Integer approvedRevision, List<String> injections, long sampleCount,
                               List<Batch> batches, List<EvidenceSummary.ProbePhase> probes,
                               List<EvidenceTimeline.FaultWindow> faultWindows, List<EvidenceTimeline.Series> series) {

        /** The view of {@code evidence} (all of the experiment's batches, or one injection's) with the records' injections. */
        public static EvidenceView of(String id, EvidenceRecords records, List<EvidenceCaptured> evidence) {
            List<EvidenceCaptured> unique = EvidenceSummary.unique(evidence);
            List<Batch> batches = unique.stream().map(b -> new Batch(
                    b.getInjectionId() == null ? null : b.getInjectionId().toString(), b.getSequence(),
                    b.getPhase().name(), b.getSamples().size())).toList();
            long samples = batches.stream().mapToLong(Batch::samples).sum();
            List<UUID> injections = records.injections(id);
            List<EvidenceTimeline.FaultWindow> windows = new ArrayList<>();
            for (UUID injection : injections) {
                InjectionStopped stopped = records.stopped(id, injection).orElse(null);
                InjectionStarted started = records.started(id, injection).orElse(null);
                if (stopped != null || started != null) {
                    windows.add(EvidenceTimeline.FaultWindow.of(started, stopped));
                }
            }
            return new EvidenceView(id, records.approvedRevision(id).orElse(null),
                    injections.stream().map(Object::toString).toList(), samples, batches, EvidenceSummary.of(unique),
                    windows, EvidenceTimeline.series(unique));
        }
    }

    /** One recorded batch. */
    @Serdeable
    public record Batch(String injectionId, long sequence, String phase, int samples) {
    }
}
