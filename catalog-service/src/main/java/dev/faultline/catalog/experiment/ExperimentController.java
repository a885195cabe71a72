package dev.faultline.catalog.experiment;

import dev.faultline.kit.http.ApiException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;

/** {@code GET /experiments} and {@code GET /experiments/{id}}: each experiment's status and timeline. */
@Controller("/experiments")
public class ExperimentController {

    private final ExperimentQueries queries;

    public ExperimentController(ExperimentQueries queries) {
        this.queries = queries;
    }

    @Get
    public List<ExperimentResponse> all() {
        return queries.all();
    }

    @Get("/{id}")
    public ExperimentResponse experiment(String id) {
        return queries.experiment(id).orElseThrow(() -> ApiException.notFound("no event of experiment " + id + " was seen"));
    }
}
