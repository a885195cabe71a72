package dev.faultline.analysis.evidence;

import dev.faultline.kit.http.ApiException;
import dev.faultline.schemas.avro.EvidenceCaptured;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * HTTP: the evidence recorded for an experiment — the approved revision, its injections, its batches and the
 * per-probe, per-phase statistics.
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
        List<EvidenceCaptured> evidence = EvidenceSummary.unique(records.evidence(id));
        if (evidence.isEmpty() && records.injections(id).isEmpty()) {
            throw ApiException.notFound("no evidence for experiment " + id);
        }
        List<Batch> batches = evidence.stream().map(b -> new Batch(
                b.getInjectionId() == null ? null : b.getInjectionId().toString(), b.getSequence(),
                b.getPhase().name(), b.getSamples().size())).toList();
        long samples = batches.stream().mapToLong(Batch::samples).sum();
        return new EvidenceView(id, records.approvedRevision(id).orElse(null),
                records.injections(id).stream().map(Object::toString).toList(), samples, batches,
                EvidenceSummary.of(evidence));
    }

    /** The evidence of one experiment. */
    @Serdeable
    public record EvidenceView(String experimentId, Integer approvedRevision, List<String> injections, long sampleCount, List<Batch> batches,
                               List<EvidenceSummary.ProbePhase> probes) {
    }

    /** One recorded batch. */
    @Serdeable
    public record Batch(String injectionId, long sequence, String phase, int samples) {
    }
}
