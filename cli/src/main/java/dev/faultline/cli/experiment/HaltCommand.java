package dev.faultline.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.CliContext;
import dev.faultline.cli.CommandSpec;
import dev.faultline.cli.args.Args;
import dev.faultline.cli.args.UsageException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code faultline halt}: asks safety-service to stop one experiment, an environment, or everything. */
public final class HaltCommand {

    public static final CommandSpec SPEC = new CommandSpec("halt",
            "halt [<experiment-id>] --by PERSON --reason TEXT [--env ENVIRONMENT | --all]",
            Set.of("--by", "--reason", "--env"), Set.of("--all"), HaltCommand::run);

    private HaltCommand() {
    }

    static int run(Args args, CliContext context) {
        Map<String, Object> body = body(args);
        JsonNode answer = context.endpoints().safetyService().post("/halts", body);
        context.out().printf("halt %s requested (%s)%n", answer.path("haltId").asText("?"), describe(body));
        return 0;
    }

    /** The {@code POST /halts} body: exactly one of an experiment id, {@code --env} or {@code --all}. */
    public static Map<String, Object> body(Args args) {
        args.atMostPositionals(1);
        boolean experiment = !args.positionals().isEmpty();
        boolean environment = args.option("--env").isPresent();
        boolean all = args.has("--all");
        if ((experiment ? 1 : 0) + (environment ? 1 : 0) + (all ? 1 : 0) != 1) {
            throw new UsageException("say what to halt: an experiment id, --env ENVIRONMENT or --all (exactly one)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (experiment) {
            body.put("scope", "EXPERIMENT");
            body.put("experimentId", args.positionals().get(0));
        } else if (environment) {
            body.put("scope", "ENVIRONMENT");
            body.put("environment", args.required("--env").toUpperCase(Locale.ROOT));
        } else {
            body.put("scope", "ALL");
        }
        body.put("by", args.required("--by"));
        body.put("reason", args.required("--reason"));
        return body;
    }

    private static String describe(Map<String, Object> body) {
        return switch ((String) body.get("scope")) {
            case "EXPERIMENT" -> "experiment " + body.get("experimentId");
            case "ENVIRONMENT" -> "every experiment in " + body.get("environment");
            default -> "every experiment";
        };
    }
}
