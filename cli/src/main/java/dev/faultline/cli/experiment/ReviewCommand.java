package dev.faultline.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.ServiceCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline review}: comments on, requests changes to, or accepts a drafted hypothesis. */
@Command(name = "review", description = {"Comment on, request changes to, or accept a drafted hypothesis.",
    "POST /experiments/{id}/reviews to hypothesis-service as the signed-in user (role reviewer; see faultline login).",
    "Say exactly what the review is: --comment TEXT alone, "
            + "--request-changes with at least one change, or --accept."})
public final class ReviewCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "<experiment-id>", description = "the experiment's id (from propose)")
    String experimentId;

    @Option(names = "--comment", paramLabel = "TEXT", description = "a comment (alone: the review is a comment)")
    String comment;

    @Option(names = "--accept", description = "accept the plan")
    boolean accept;

    @Option(names = "--request-changes", description = "ask for the changes given below")
    boolean requestChanges;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "change: the fault's duration")
    Integer durationSeconds;

    @Option(names = "--traffic-share", paramLabel = "0..1", description = "change: the share of traffic")
    Double trafficShare;

    @Option(names = "--threshold", paramLabel = "PREDICTION=VALUE", description = "change: a prediction's threshold; repeatable")
    Map<String, Double> thresholds = new LinkedHashMap<>();

    @Option(names = "--min-samples", paramLabel = "PREDICTION=COUNT",
            description = "change: the samples a prediction requires (a shorter run gives fewer); repeatable")
    Map<String, Integer> minSamples = new LinkedHashMap<>();

    @Option(names = "--remove-prediction", paramLabel = "PREDICTION", description = "change: drop a prediction; repeatable")
    List<String> removedPredictions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode answer = services.endpoints().hypothesisService().post("/experiments/" + experimentId + "/reviews", body());
        cli.out().printf("%s: revision %s, %s%n", experimentId, answer.path("revision").asText("?"),
                answer.path("decision").asText("?"));
        return 0;
    }

    /** The {@code POST /experiments/{id}/reviews} body the flags describe. */
    public Map<String, Object> body() {
        if (accept && requestChanges) {
            throw new ParameterException(spec.commandLine(), "choose one of --accept and --request-changes");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (accept) {
            body.put("decision", "ACCEPT");
        } else if (requestChanges) {
            body.put("decision", "REQUEST_CHANGES");
            body.put("changes", changes());
        } else if (comment != null) {
            body.put("decision", "COMMENT");
        } else {
            throw new ParameterException(spec.commandLine(),
                    "say what the review is: --comment TEXT, --request-changes … or --accept");
        }
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    private Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (durationSeconds != null) {
            changes.put("durationSeconds", durationSeconds);
        }
        if (trafficShare != null) {
            changes.put("trafficShare", trafficShare);
        }
        if (!thresholds.isEmpty()) {
            changes.put("thresholds", thresholds);
        }
        if (!minSamples.isEmpty()) {
            changes.put("minSamples", minSamples);
        }
        if (!removedPredictions.isEmpty()) {
            changes.put("removePredictions", removedPredictions);
        }
        if (changes.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--request-changes needs at least one of --duration, "
                    + "--traffic-share, --threshold, --min-samples, --remove-prediction");
        }
        return changes;
    }
}
