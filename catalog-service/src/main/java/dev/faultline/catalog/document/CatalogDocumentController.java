package dev.faultline.catalog.document;

import dev.faultline.catalog.behaviour.BehaviourView;
import dev.faultline.catalog.behaviour.CatalogController;
import dev.faultline.catalog.behaviour.CatalogQueries;
import dev.faultline.catalog.experiment.ExperimentQueries;
import dev.faultline.catalog.experiment.ExperimentResponse;
import dev.faultline.catalog.experiment.ExperimentTopology;
import dev.faultline.catalog.streams.CatalogInstances;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /catalog/document}: the catalog as a Markdown document ({@link CatalogDocument}), of every instance's
 * entries and experiments when several share the catalog ({@link CatalogInstances}).
 */
@Controller("/catalog/document")
public class CatalogDocumentController {

    /** Markdown's media type (RFC 7763). */
    public static final String MARKDOWN = "text/markdown";

    private final CatalogQueries catalog;
    private final ExperimentQueries experiments;
    private final CatalogInstances instances;
    private final Clock clock = Clock.systemUTC();

    public CatalogDocumentController(CatalogQueries catalog, ExperimentQueries experiments, CatalogInstances instances) {
        this.catalog = catalog;
        this.experiments = experiments;
        this.instances = instances;
    }

    @Get
    @Produces(MARKDOWN + ";charset=utf-8")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public String document(HttpRequest<?> request) {
        List<BehaviourView> entries = CatalogController.entries(catalog, instances, request);
        return new CatalogDocument(id -> experiment(id, request), clock.instant()).render(entries, catalog.gaps(entries));
    }

    private Optional<ExperimentResponse> experiment(String id, HttpRequest<?> request) {
        return instances.ownerOf(ExperimentTopology.STORE, id)
                .map(owner -> instances.find(owner, request,
                        "/experiments/" + URLEncoder.encode(id, StandardCharsets.UTF_8), Argument.of(ExperimentResponse.class)))
                .orElseGet(() -> experiments.experiment(id));
    }
}
