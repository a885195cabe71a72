package dev.faultline.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.ServiceCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline approve}: records the signed-in approver's sign-off (or denial) with safety-service. */
@Command(name = "approve", description = {"Sign off (or deny) an experiment as the signed-in user.",
    "POST /experiments/{id}/approvals to safety-service (role approver:<environment>; see faultline login);",
    "the preflight then runs again."})
public final class ApproveCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "<experiment-id>", description = "the experiment's id (from propose)")
    String experimentId;

    @Option(names = "--deny", description = "deny instead of approve")
    boolean deny;

    @Option(names = "--comment", paramLabel = "TEXT")
    String comment;

    @Override
    public Integer call() {
        Map<String, Object> body = body();
        JsonNode answer = services.endpoints().safetyService().post("/experiments/" + experimentId + "/approvals", body);
        cli.out().printf("%s: %s by %s recorded; the preflight runs again%n", experimentId, body.get("decision"),
                answer.path("approver").asText("?"));
        return 0;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", deny ? "DENIED" : "APPROVED");
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }
}
