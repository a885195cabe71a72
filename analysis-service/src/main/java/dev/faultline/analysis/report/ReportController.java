package dev.faultline.analysis.report;

import dev.faultline.analysis.evaluation.Verdict;
import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.analysis.verdict.IssuedVerdict;
import dev.faultline.analysis.verdict.VerdictRecords;
import dev.faultline.kit.http.ApiException;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.StopReason;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * HTTP: the Markdown report of an experiment's latest verdict. A verdict learnt from the topic (a rebuilt store) has
 * no stored report; it is rendered from the stored records then, and kept.
 */
@Controller("/experiments/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

    static final String MARKDOWN = "text/markdown";

    private final VerdictRecords verdicts;
    private final EvidenceRecords records;

    public ReportController(VerdictRecords verdicts, EvidenceRecords records) {
        this.verdicts = verdicts;
        this.records = records;
    }

    @Get("/report")
    @Produces(MARKDOWN)
    public String report(@PathVariable String id) {
        IssuedVerdict latest = verdicts.latest(id)
                .orElseThrow(() -> ApiException.notFound("no verdict for experiment " + id));
        if (latest.report() != null) {
            return latest.report();
        }
        Verdict verdict = Verdict.of(latest.event());
        Hypothesis hypothesis = records.hypothesis(id, verdict.revision()).orElseThrow(() ->
                ApiException.conflict("revision " + verdict.revision() + " of " + id + " is not recorded yet"));
        // a LOST verdict was judged with no stop: a stop that arrived later (and may be in a rebuilt store) is not its
        InjectionStopped stopped = verdict.stopReason() == StopReason.LOST ? null
                : records.stopped(id, verdict.injectionId()).orElse(null);
        String report = ReportWriter.write(id, hypothesis, verdict, records.evidence(id, verdict.injectionId()), stopped);
        verdicts.saveReport(id, verdict.injectionId(), report);
        return report;
    }
}
