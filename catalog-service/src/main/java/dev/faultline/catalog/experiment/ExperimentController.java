package dev.faultline.catalog.experiment;

import dev.faultline.catalog.streams.CatalogInstances;
import dev.faultline.kit.http.ApiException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code GET /experiments} and {@code GET /experiments/{id}}: each experiment's status and timeline. With several
 * instances ({@link CatalogInstances}), one experiment is answered by the instance that owns it (the request forwarded
 * there), the listing from every instance's part.
 */
@Controller("/experiments")
public class ExperimentController {

    private final ExperimentQueries queries;
    private final CatalogInstances instances;

    public ExperimentController(ExperimentQueries queries, CatalogInstances instances) {
        this.queries = queries;
        this.instances = instances;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public List<ExperimentResponse> all(HttpRequest<?> request) {
        List<ExperimentResponse> all = new ArrayList<>(instances.gather(ExperimentTopology.STORE, request, "/experiments",
                queries.all(), ExperimentResponse.class));
        all.sort(ExperimentQueries.NEWEST_FIRST);
        return all;
    }

    @Get("/{id}")
    public CompletableFuture<MutableHttpResponse<?>> experiment(String id, HttpRequest<?> request) {
        if (!instances.answersLocally(request)) {
            Optional<HostInfo> owner = instances.ownerOf(ExperimentTopology.STORE, id);
            if (owner.isPresent()) {
                return instances.forward(owner.get(), request).thenApply(response -> (MutableHttpResponse<?>) response);
            }
        }
        return CompletableFuture.<MutableHttpResponse<?>>completedFuture(HttpResponse.ok(queries.experiment(id)
                .orElseThrow(() -> ApiException.notFound("no event of experiment " + id + " was seen"))));
    }
}
