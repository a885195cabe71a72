package dev.faultline.analysis.report;

import dev.faultline.evaluation.Verdict;
import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.analysis.verdict.IssuedVerdict;
import dev.faultline.analysis.verdict.VerdictRecords;
import dev.faultline.analysis.watchdog.CatchUp;
import dev.faultline.kit.http.ApiException;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.StopReason;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * HTTP: the Markdown report of an experiment's latest verdict. A verdict learnt from the topic (a rebuilt store) has
 * no stored report; it is rendered from the stored records then, and kept — but only once the listener has caught up
 * with its topics (before that the records are incomplete: 503, try again).
 */
@Controller("/experiments/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

    static final String MARKDOWN = "text/markdown";

    private final VerdictRecords verdicts;
    private final EvidenceRecords records;
    private final CatchUp catchUp;

    public ReportController(VerdictRecords verdicts, EvidenceRecords records, CatchUp catchUp) {
        this.verdicts = verdicts;
        this.records = records;
        this.catchUp = catchUp;
    }

    @Get("/report")
    @Produces(MARKDOWN)
    public String report(@PathVariable String id) {
        IssuedVerdict latest = verdicts.latest(id)
                .orElseThrow(() -> ApiException.notFound("no verdict for experiment " + id));
        if (latest.report() != null) {
            return latest.report();
        }
        if (!catchUp.done()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the report of " + id + " is rendered once the "
                    + "service has caught up with its topics (a store rebuilt from offset zero); try again shortly");
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
