package dev.faultline.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.CliContext;
import dev.faultline.cli.CommandSpec;
import dev.faultline.cli.args.Args;
import dev.faultline.cli.args.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code faultline review}: comments on, requests changes to, or accepts a drafted hypothesis. */
public final class ReviewCommand {

    public static final CommandSpec SPEC = new CommandSpec("review",
            "review <experiment-id> --by REVIEWER (--comment TEXT | --request-changes [--duration S] "
                    + "[--traffic-share X] [--threshold prediction=value]... [--remove-prediction id]... | --accept)",
            Set.of("--by", "--comment", "--duration", "--traffic-share", "--threshold", "--remove-prediction"),
            Set.of("--accept", "--request-changes"), ReviewCommand::run);

    private ReviewCommand() {
    }

    static int run(Args args, CliContext context) {
        String id = args.atMostPositionals(1).positional(0, "the experiment id");
        JsonNode answer = context.endpoints().hypothesisService().post("/experiments/" + id + "/reviews", body(args));
        context.out().printf("%s: revision %s, %s%n", id, answer.path("revision").asText("?"),
                answer.path("decision").asText("?"));
        return 0;
    }

    /** The {@code POST /experiments/{id}/reviews} body the flags describe. */
    public static Map<String, Object> body(Args args) {
        boolean accept = args.has("--accept");
        boolean changes = args.has("--request-changes");
        if (accept && changes) {
            throw new UsageException("choose one of --accept and --request-changes");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewer", args.required("--by"));
        if (accept) {
            body.put("decision", "ACCEPT");
        } else if (changes) {
            body.put("decision", "REQUEST_CHANGES");
            body.put("changes", changes(args));
        } else if (args.option("--comment").isPresent()) {
            body.put("decision", "COMMENT");
        } else {
            throw new UsageException("say what the review is: --comment TEXT, --request-changes … or --accept");
        }
        args.option("--comment").ifPresent(comment -> body.put("comment", comment));
        return body;
    }

    private static Map<String, Object> changes(Args args) {
        Map<String, Object> changes = new LinkedHashMap<>();
        args.integer("--duration").ifPresent(seconds -> changes.put("durationSeconds", seconds));
        args.decimal("--traffic-share").ifPresent(share -> changes.put("trafficShare", share));
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (String threshold : args.all("--threshold")) {
            int equals = threshold.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--threshold needs prediction-id=value, not '" + threshold + "'");
            }
            try {
                thresholds.put(threshold.substring(0, equals), Double.parseDouble(threshold.substring(equals + 1)));
            } catch (NumberFormatException e) {
                throw new UsageException("--threshold " + threshold + ": the value must be a number");
            }
        }
        if (!thresholds.isEmpty()) {
            changes.put("thresholds", thresholds);
        }
        List<String> removed = args.all("--remove-prediction");
        if (!removed.isEmpty()) {
            changes.put("removePredictions", removed);
        }
        if (changes.isEmpty()) {
            throw new UsageException("--request-changes needs at least one of --duration, --traffic-share, "
                    + "--threshold, --remove-prediction");
        }
        return changes;
    }
}
