package dev.faultline.safety.preflight;

import dev.faultline.kit.http.ApiException;
import dev.faultline.kit.security.Roles;
import dev.faultline.safety.plan.PlanBook;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /experiments/{id}/preflight} (last result, every check; any signed-in caller) and {@code POST} (rerun now;
 * role {@code operator}: a passing rerun clears the injection; 409 for a deferred experiment outside its window).
 */
@Controller("/experiments/{experimentId}/preflight")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PreflightController {

    private final PreflightResults results;
    private final PreflightCoordinator coordinator;
    private final PlanBook plans;

    public PreflightController(PreflightResults results, PreflightCoordinator coordinator, PlanBook plans) {
        this.results = results;
        this.coordinator = coordinator;
        this.plans = plans;
    }

    @Get
    public PreflightView last(@PathVariable String experimentId) {
        return results.latest(experimentId).map(PreflightView::of)
                .orElseThrow(() -> ApiException.notFound("no preflight has run for " + experimentId));
    }

    @Post
    public PreflightView rerun(@PathVariable String experimentId, Authentication caller) throws InterruptedException {
        Roles.require(caller, Roles.OPERATOR, "rerunning a preflight");
        if (plans.latest(experimentId).isEmpty()) {
            throw ApiException.notFound("unknown experiment " + experimentId);
        }
        try {
            return PreflightView.of(coordinator.run(experimentId, null));
        } catch (PreflightCoordinator.NotApprovedException | PreflightCoordinator.NotDueException
                 | PreflightCoordinator.ClearedElsewhereException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }
}
