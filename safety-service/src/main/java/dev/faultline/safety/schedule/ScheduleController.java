package dev.faultline.safety.schedule;

import dev.faultline.kit.http.ApiException;
import dev.faultline.kit.http.RequestedWindow;
import dev.faultline.kit.security.Roles;
import dev.faultline.safety.plan.ApprovedPlan;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.preflight.PreflightCoordinator;
import dev.faultline.safety.preflight.PreflightResults;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * Deferred starts: {@code GET /schedules} (the experiments waiting for or inside their window; any signed-in caller),
 * {@code GET /experiments/{id}/schedule}, and {@code POST /experiments/{id}/schedule} — moves the window of an
 * approved experiment not yet cleared (or defers one), as an operator or as the experiment's proposer: 400 for a
 * window that cannot hold the run, 409 when it is not approved yet or already cleared (halt it instead).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ScheduleController {

    private final ScheduleBook schedules;
    private final PreflightCoordinator coordinator;
    private final PlanBook plans;
    private final PreflightResults results;
    private final Clock clock;

    public ScheduleController(ScheduleBook schedules, PreflightCoordinator coordinator, PlanBook plans,
                              PreflightResults results, Clock clock) {
        this.schedules = schedules;
        this.coordinator = coordinator;
        this.plans = plans;
        this.results = results;
        this.clock = clock;
    }

    @Get("/schedules")
    public List<ScheduleView> open() {
        return schedules.open().stream().map(this::view)
                .sorted(Comparator.comparing(ScheduleView::windowStart)).toList();
    }

    @Get("/experiments/{experimentId}/schedule")
    public ScheduleView one(@PathVariable String experimentId) {
        return schedules.find(experimentId).map(this::view)
                .orElseThrow(() -> ApiException.notFound(experimentId + " has no scheduled window"));
    }

    @Post("/experiments/{experimentId}/schedule")
    public ScheduleView move(@PathVariable String experimentId, @Body ScheduleRequest request, Authentication caller)
            throws InterruptedException {
        if (plans.latest(experimentId).isEmpty()) {
            throw ApiException.notFound("unknown experiment " + experimentId);
        }
        if (!caller.getRoles().contains(Roles.OPERATOR) && !caller.getName().equals(plans.proposer(experimentId))) {
            throw ApiException.forbidden("moving the window of " + experimentId + " needs the role " + Roles.OPERATOR
                    + " or being its proposer");
        }
        try {
            RequestedWindow window = RequestedWindow.parse(request.at(), request.windowStart(), request.windowEnd());
            if (request.at() == null && request.windowStart() == null && request.windowEnd() == null) {
                throw ApiException.badRequest(
                        "give at, or windowStart and/or windowEnd (ISO-8601, e.g. 2026-12-07T10:00Z)");
            }
            return view(coordinator.move(experimentId, window.start(), window.end(), caller.getName(),
                    request.reason()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (PreflightCoordinator.NotApprovedException | PreflightCoordinator.AlreadyClearedException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private ScheduleView view(ScheduledStart s) {
        Long duration = plans.approvedPlan(s.experimentId()).map(ApprovedPlan::plan).map(p -> p.durationMillis())
                .orElse(null);
        return ScheduleView.of(s, duration, results.latest(s.experimentId()).orElse(null), clock.instant());
    }
}
