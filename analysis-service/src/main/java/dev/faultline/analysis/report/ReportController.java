package dev.faultline.analysis.report;

import dev.faultline.analysis.evidence.EvidenceController;
import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.analysis.verdict.IssuedVerdict;
import dev.faultline.analysis.verdict.VerdictRecords;
import dev.faultline.analysis.verdict.VerdictView;
import dev.faultline.analysis.watchdog.CatchUp;
import dev.faultline.evaluation.Verdict;
import dev.faultline.kit.http.ApiException;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.StopReason;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * HTTP: the report of an experiment's latest verdict — Markdown by default, the HTML page with charts
 * ({@link HtmlReport}) for {@code Accept: text/html} or at {@code /report.html}. A verdict learnt from the topic (a
 * rebuilt store) has no stored Markdown report; it is rendered from the stored records then, and kept — but only once
 * the listener has caught up with its topics (before that the records are incomplete: 503, try again). The HTML page
 * is always rendered from the records (its evidence over time is not kept), so it waits for the catch-up too.
 */
@Controller("/experiments/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

    static final String MARKDOWN = "text/markdown";

    private final VerdictRecords verdicts;
    private final EvidenceRecords records;
    private final CatchUp catchUp;
    private final JsonMapper json;

    public ReportController(VerdictRecords verdicts, EvidenceRecords records, CatchUp catchUp, JsonMapper json) {
        this.verdicts = verdicts;
        this.records = records;
        this.catchUp = catchUp;
        this.json = json;
    }

    /** Markdown unless the caller asks for HTML (an {@code Accept} naming text/html and not text/markdown). */
    @Get("/report")
    @Produces({MARKDOWN, MediaType.TEXT_HTML})
    public HttpResponse<String> report(@PathVariable String id, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        boolean html = accept != null && accept.contains(MediaType.TEXT_HTML) && !accept.contains(MARKDOWN);
        return html ? html(id) : HttpResponse.ok(markdown(id)).contentType(MARKDOWN);
    }

    @Get("/report.html")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> html(@PathVariable String id) {
        IssuedVerdict latest = latest(id);
        awaitCatchUp(id);
        Verdict verdict = Verdict.of(latest.event());
        String title = records.hypothesis(id, verdict.revision()).map(Hypothesis::getTitle)
                .orElse(verdict.service() + " under " + verdict.faultType());
        List<EvidenceCaptured> evidence = verdict.injectionId() == null ? records.evidence(id)
                : records.evidence(id, verdict.injectionId());
        try {
            String page = HtmlReport.write(id, title, verdict, json.writeValueAsString(VerdictView.of(latest)),
                    json.writeValueAsString(EvidenceController.EvidenceView.of(id, records, evidence)));
            return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the report data of " + id, e);
        }
    }

    private String markdown(String id) {
        IssuedVerdict latest = latest(id);
        if (latest.report() != null) {
            return latest.report();
        }
        awaitCatchUp(id);
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

    private IssuedVerdict latest(String id) {
        return verdicts.latest(id).orElseThrow(() -> ApiException.notFound("no verdict for experiment " + id));
    }

    private void awaitCatchUp(String id) {
        if (!catchUp.done()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the report of " + id + " is rendered once the "
                    + "service has caught up with its topics (a store rebuilt from offset zero); try again shortly");
        }
    }
}
