package dev.faultline.catalog.document;

import dev.faultline.catalog.behaviour.CatalogQueries;
import dev.faultline.catalog.experiment.ExperimentQueries;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.time.Clock;

/** {@code GET /catalog/document}: the catalog as a Markdown document ({@link CatalogDocument}). */
@Controller("/catalog/document")
public class CatalogDocumentController {

    /** Markdown's media type (RFC 7763). */
    public static final String MARKDOWN = "text/markdown";

    private final CatalogQueries catalog;
    private final ExperimentQueries experiments;
    private final Clock clock = Clock.systemUTC();

    public CatalogDocumentController(CatalogQueries catalog, ExperimentQueries experiments) {
        this.catalog = catalog;
        this.experiments = experiments;
    }

    @Get
    @Produces(MARKDOWN + ";charset=utf-8")
    public String document() {
        return new CatalogDocument(experiments::experiment, clock.instant()).render(catalog.all(), catalog.gaps());
    }
}
