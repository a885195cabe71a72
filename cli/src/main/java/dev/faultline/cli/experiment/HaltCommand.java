package dev.faultline.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.ServiceCommand;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline halt}: asks safety-service to stop one experiment, an environment, or everything. */
@Command(name = "halt", description = {"Halt one experiment, an environment's (--env) or all (--all).",
    "POST /halts to safety-service as the signed-in user (role operator; see faultline login);",
    "give exactly one of an experiment id, --env and --all."})
public final class HaltCommand extends ServiceCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<experiment-id>", description = "halt this experiment")
    String experimentId;

    @Option(names = "--env", paramLabel = "ENVIRONMENT", description = "halt every experiment in this environment")
    String environment;

    @Option(names = "--all", description = "halt every experiment")
    boolean all;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why")
    String reason;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> body = body();
        JsonNode answer = services.endpoints().safetyService().post("/halts", body);
        cli.out().printf("halt %s requested (%s)%n", answer.path("haltId").asText("?"), describe(body));
        return 0;
    }

    /** The {@code POST /halts} body: exactly one of an experiment id, {@code --env} or {@code --all}. */
    public Map<String, Object> body() {
        int scopes = (experimentId != null ? 1 : 0) + (environment != null ? 1 : 0) + (all ? 1 : 0);
        if (scopes != 1) {
            throw new ParameterException(spec.commandLine(),
                    "say what to halt: an experiment id, --env ENVIRONMENT or --all (exactly one)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (experimentId != null) {
            body.put("scope", "EXPERIMENT");
            body.put("experimentId", experimentId);
        } else if (environment != null) {
            body.put("scope", "ENVIRONMENT");
            body.put("environment", environment.toUpperCase(Locale.ROOT));
        } else {
            body.put("scope", "ALL");
        }
        body.put("reason", reason);
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
