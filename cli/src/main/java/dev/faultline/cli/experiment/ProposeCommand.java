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

/** {@code faultline propose}: sends a proposal to hypothesis-service and prints the experiment id. */
public final class ProposeCommand {

    public static final CommandSpec SPEC = new CommandSpec("propose",
            "propose --service S --fault FAULT_TYPE [--dependency D] [--env STAGING] --by PERSON --why TEXT "
                    + "[--reason ROUTINE] [--duration SECONDS] [--traffic-share 0..1] [--label k=v]...",
            Set.of("--service", "--fault", "--dependency", "--env", "--by", "--why", "--reason", "--duration",
                    "--traffic-share", "--label"),
            Set.of(), ProposeCommand::run);

    private ProposeCommand() {
    }

    static int run(Args args, CliContext context) {
        args.atMostPositionals(0);
        JsonNode answer = context.endpoints().hypothesisService().post("/proposals", body(args));
        context.out().println(answer.path("experimentId").asText());
        return 0;
    }

    /** The {@code POST /proposals} body the flags describe. */
    public static Map<String, Object> body(Args args) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", args.required("--service"));
        body.put("faultType", args.required("--fault").toUpperCase(Locale.ROOT).replace('-', '_'));
        args.option("--dependency").ifPresent(dependency -> body.put("dependency", dependency));
        body.put("environment", args.option("--env").orElse("STAGING").toUpperCase(Locale.ROOT));
        body.put("proposer", args.required("--by"));
        args.option("--reason").ifPresent(reason -> body.put("reason", reason.toUpperCase(Locale.ROOT)));
        body.put("motivation", args.required("--why"));
        args.integer("--duration").ifPresent(seconds -> body.put("durationSeconds", seconds));
        args.decimal("--traffic-share").ifPresent(share -> body.put("trafficShare", share));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String label : args.all("--label")) {
            int equals = label.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--label needs key=value, not '" + label + "'");
            }
            labels.put(label.substring(0, equals), label.substring(equals + 1));
        }
        if (!labels.isEmpty()) {
            body.put("labels", labels);
        }
        return body;
    }
}
