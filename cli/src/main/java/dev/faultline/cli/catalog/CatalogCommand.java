package dev.faultline.cli.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.CommandGroup;
import dev.faultline.cli.ServiceOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline catalog [--markdown]}: the known-behaviour catalog from catalog-service — one line per entry and
 * per gap, or with {@code --markdown} the document catalog-service writes ({@code GET /catalog/document}: how each
 * service behaves under each failure, with the evidence). {@code faultline catalog propose-gap} proposes a gap's test.
 */
@Command(name = "catalog", description = {"The known-behaviour catalog (catalog-service): entries and gaps, or with"
        + " --markdown how each service behaves under each failure, with the evidence.",
    "'faultline catalog propose-gap SERVICE FAILURE_MODE' proposes a gap's missing test."},
        subcommands = ProposeGapCommand.class)
public final class CatalogCommand extends CommandGroup {

    @ArgGroup(exclusive = false, heading = ServiceOptions.HEADING)
    ServiceOptions services = new ServiceOptions();

    @Option(names = "--markdown", description = "print the catalog as a Markdown document")
    boolean markdown;

    @Override
    public Integer call() {
        if (markdown) {
            cli().out().print(services.endpoints().catalogService().getText("/catalog/document"));
            return 0;
        }
        JsonNode entries = services.endpoints().catalogService().get("/catalog");
        for (JsonNode e : entries) {
            cli().out().printf("%-40s %-12s last tested %s by %d experiment(s)%s%n", e.path("behaviourKey").asText(),
                    e.path("change").asText(), e.path("lastTestedAt").asText(), e.path("experimentIds").size(),
                    e.path("stale").asBoolean() ? "; STALE: " + e.path("staleReason").asText() : "");
        }
        for (JsonNode gap : services.endpoints().catalogService().get("/catalog/gaps")) {
            if (!gap.path("tested").asBoolean()) {
                cli().out().printf("gap: %s%n", gap.path("reason").asText());
            }
        }
        return 0;
    }
}
