package dev.faultline.analysis.verdict;

import dev.faultline.kit.http.ApiException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * HTTP: an experiment's latest verdict, and its recomputation from the stored records — both for any signed-in
 * caller, the auditor among them: a recomputation compares, it publishes nothing.
 */
@Controller("/experiments/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class VerdictController {

    private final VerdictRecords verdicts;
    private final Recomputer recomputer;

    public VerdictController(VerdictRecords verdicts, Recomputer recomputer) {
        this.verdicts = verdicts;
        this.recomputer = recomputer;
    }

    @Get("/verdict")
    public VerdictView verdict(@PathVariable String id) {
        return verdicts.latest(id).map(VerdictView::of)
                .orElseThrow(() -> ApiException.notFound("no verdict for experiment " + id));
    }

    @Post("/recompute")
    public RecomputeView recompute(@PathVariable String id) {
        Recomputer.Recomputation result = recomputer.recompute(id);
        return new RecomputeView(VerdictView.of(id, null, null, result.recomputed()), result.identical(),
                result.differences());
    }

    /** The recomputed verdict, whether it equals the issued one, and the fields that differ. */
    @Serdeable
    public record RecomputeView(VerdictView verdict, boolean identical, List<String> differences) {
    }
}
