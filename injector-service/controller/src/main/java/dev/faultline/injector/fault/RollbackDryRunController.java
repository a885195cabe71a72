package dev.faultline.injector.fault;

import dev.faultline.kit.http.ApiException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code POST /rollback-dry-run {dependency}}: proves, for safety-service's ROLLBACK_READY check, that a fault on the
 * dependency's proxy can be created and removed. 200 {verified, detail}; 409 unknown dependency; 503 data plane problem.
 */
@Controller("/rollback-dry-run")
public class RollbackDryRunController {

    private final ProxyRoutes routes;
    private final StopAction stopAction;

    public RollbackDryRunController(ProxyRoutes routes, DataPlanePort dataPlane) {
        this.routes = routes;
        this.stopAction = new StopAction(dataPlane);
    }

    @Post
    public DryRunResult dryRun(@Body DryRunRequest request) {
        if (request.dependency() == null || request.dependency().isBlank()) {
            throw ApiException.badRequest("dependency is required");
        }
        String proxy = routes.l4Anywhere(request.dependency()).orElseThrow(() -> ApiException.conflict(
                "no data plane proxy is declared for dependency '" + request.dependency() + "' (a targets file's"
                        + " dependencies.<name>.proxy, or faultline.injector.proxies." + request.dependency() + ")"));
        try {
            return new DryRunResult(true, stopAction.verify(proxy));
        } catch (DataPlaneException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "rollback dry run failed: " + e.getMessage());
        }
    }

    /** The dependency whose stop action to try. */
    @Serdeable
    public record DryRunRequest(String dependency) {
    }

    /** The dry run's result. */
    @Serdeable
    public record DryRunResult(boolean verified, String detail) {
    }
}
