package dev.faultline.cli.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.GroupSubcommand;
import dev.faultline.cli.declared.CliEventHeader;
import dev.faultline.cli.declared.CliTopic;
import dev.faultline.declarations.yaml.EnumNames;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProposalReason;
import dev.faultline.schemas.topics.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline catalog propose-gap SERVICE FAILURE_MODE [--environment E] [--dependency D]}: proposes the test a
 * gap of the catalog asks for — publishes ExperimentProposed (reason CATALOG_GAP, the gap's reason as motivation) on
 * faultline.proposals as an outside tool would, authored by the signed-in user; hypothesis-service drafts it for
 * review like any proposal. The gap must be one catalog-service lists ({@code GET /catalog/gaps}: never tested, or
 * stale); the environment defaults to STAGING when the target is declared there, the dependency to the target's
 * only one. Prints the experiment id. A failure mode that is no gap, or a missing choice, is refused (exit 2).
 */
@Command(name = "propose-gap", description = {"Propose the test a catalog gap asks for (reason CATALOG_GAP); prints"
        + " the experiment id.", "Publishes ExperimentProposed on faultline.proposals as the signed-in user."})
public final class ProposeGapCommand extends GroupSubcommand {

    private static final String CLIENT_ID = "faultline-cli-propose-gap";

    @Parameters(index = "0", paramLabel = "SERVICE", description = "the service, e.g. storefront")
    String service;

    @Parameters(index = "1", paramLabel = "FAILURE_MODE", description = "its fault type, e.g. NETWORK_LATENCY or network-latency")
    String failureMode;

    @Option(names = {"--environment", "--env"}, paramLabel = "ENVIRONMENT",
            description = "where to run it (default STAGING if the target is declared there, else its only environment)")
    String environment;

    @Option(names = "--dependency", paramLabel = "D", description = "the dependency the fault hits (default: the"
            + " target's only dependency)")
    String dependency;

    @Override
    public Integer call() {
        ExperimentProposed proposal;
        try {
            proposal = proposal(services.endpoints().catalogService().get("/catalog/gaps"), services::signedInUser,
                    Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            err().println("catalog propose-gap: " + e.getMessage() + "; nothing proposed");
            return 2;
        }
        String id = proposal.getHeader().getExperimentId();
        CliTopic.of(Topics.PROPOSALS, ExperimentProposed.class, services).publish(Map.of(id, proposal), CLIENT_ID);
        out().println(id);
        return 0;
    }

    /** The proposal for the gap the arguments name among {@code gaps}, by {@code author}. */
    ExperimentProposed proposal(JsonNode gaps, Supplier<String> author, Clock clock) {
        FaultType type = EnumNames.parse(failureMode, FaultType.class).filter(t -> t != FaultType.UNKNOWN)
                .orElseThrow(() -> new IllegalArgumentException("FAILURE_MODE '" + failureMode + "' is not one of "
                        + EnumNames.names(FaultType.class)));
        JsonNode gap = find(gaps, type);
        Environment env = environment(gap);
        String experimentId = "gap-" + UUID.randomUUID().toString().substring(0, 8);
        EventHeader header = CliEventHeader.of(author.get(), clock);
        header.setExperimentId(experimentId);
        return ExperimentProposed.newBuilder().setHeader(header).setService(service).setFaultType(type)
                .setDependency(dependency(gap)).setEnvironment(env).setReason(ProposalReason.CATALOG_GAP)
                .setMotivation("catalog gap: " + gap.path("reason").asText()).setIncidentId(null)
                .setRequestedDurationMillis(null).setLabels(Map.of()).setRequestedStart(null).setRequestedEnd(null)
                .build();
    }

    private JsonNode find(JsonNode gaps, FaultType type) {
        for (JsonNode gap : gaps) {
            if (gap.path("service").asText().equals(service) && gap.path("faultType").asText().equals(type.name())) {
                return gap;
            }
        }
        List<String> ofService = new ArrayList<>();
        gaps.forEach(g -> {
            if (g.path("service").asText().equals(service)) {
                ofService.add(g.path("faultType").asText());
            }
        });
        throw new IllegalArgumentException(service + " under " + type + " is no gap of the catalog (tested and fresh, or"
                + " not a failure mode of a target's templates); " + (ofService.isEmpty() ? service + " has no gap"
                : "its gaps: " + ofService) + " (faultline catalog lists them)");
    }

    private Environment environment(JsonNode gap) {
        List<String> declared = new ArrayList<>();
        gap.path("environments").forEach(e -> declared.add(e.asText()));
        String chosen = environment != null ? environment : declared.contains(Environment.STAGING.name())
                ? Environment.STAGING.name() : declared.size() == 1 ? declared.get(0) : null;
        if (chosen == null) {
            throw new IllegalArgumentException("give --environment: " + service + " is declared in " + declared);
        }
        return EnumNames.parse(chosen, Environment.class).filter(e -> e != Environment.UNKNOWN)
                .orElseThrow(() -> new IllegalArgumentException("--environment '" + chosen + "' is not one of "
                        + EnumNames.names(Environment.class)));
    }

    private String dependency(JsonNode gap) {
        if (dependency != null) {
            return dependency;
        }
        List<String> declared = new ArrayList<>();
        gap.path("dependencies").forEach(d -> declared.add(d.asText()));
        if (declared.size() > 1) {
            throw new IllegalArgumentException("give --dependency: " + service + " calls " + declared);
        }
        return declared.isEmpty() ? null : declared.get(0);
    }
}
