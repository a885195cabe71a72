package dev.faultline.cli.experiment;

import dev.faultline.cli.CliContext;
import dev.faultline.cli.CommandSpec;
import dev.faultline.cli.args.Args;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code faultline approve}: records a named approver's sign-off (or denial) with safety-service. */
public final class ApproveCommand {

    public static final CommandSpec SPEC = new CommandSpec("approve",
            "approve <experiment-id> --by APPROVER [--deny] [--comment TEXT]",
            Set.of("--by", "--comment"), Set.of("--deny"), ApproveCommand::run);

    private ApproveCommand() {
    }

    static int run(Args args, CliContext context) {
        String id = args.atMostPositionals(1).positional(0, "the experiment id");
        Map<String, Object> body = body(args);
        context.endpoints().safetyService().post("/experiments/" + id + "/approvals", body);
        context.out().printf("%s: %s by %s recorded; the preflight runs again%n", id, body.get("decision"), body.get("approver"));
        return 0;
    }

    public static Map<String, Object> body(Args args) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approver", args.required("--by"));
        body.put("decision", args.has("--deny") ? "DENIED" : "APPROVED");
        args.option("--comment").ifPresent(comment -> body.put("comment", comment));
        return body;
    }
}
