package dev.faultline.cli.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.CommandGroup;
import dev.faultline.cli.GroupSubcommand;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline schedule list|move}: what is scheduled (safety-service's deferred experiments) and what is due
 * (hypothesis-service's stale catalog entries and their re-runs), and moving an experiment's window — as an operator
 * or its proposer; the preflight then runs at the new start.
 */
@Command(name = "schedule", description = "Deferred experiments and catalog re-verifications: list them, move a window.",
        subcommands = {ScheduleCommand.ListSchedules.class, ScheduleCommand.Move.class})
public final class ScheduleCommand extends CommandGroup {

    /** {@code faultline schedule list}: GET /schedules (safety-service) and GET /reverifications?due=true. */
    @Command(name = "list", description = "Deferred experiments and their windows; stale catalog entries and their re-runs.")
    public static final class ListSchedules extends GroupSubcommand {

        @Override
        public Integer call() {
            out().print(ScheduleView.render(services.endpoints().safetyService().get("/schedules"),
                    services.endpoints().hypothesisService().get("/reverifications?due=true")));
            return 0;
        }
    }

    /** {@code faultline schedule move ID --at T | --window S/E [--reason TEXT]}: POST /experiments/{id}/schedule. */
    @Command(name = "move", description = {"Move the window of an approved experiment not yet cleared (or defer one).",
        "POST /experiments/{id}/schedule to safety-service (role operator, or the experiment's proposer)."})
    public static final class Move extends GroupSubcommand {

        @Parameters(index = "0", paramLabel = "<experiment-id>", description = "the experiment to move")
        String experimentId;

        @Option(names = "--at", paramLabel = "INSTANT", description = "the new start (ISO-8601, e.g. 2026-12-07T10:00Z)")
        String at;

        @Option(names = "--window", paramLabel = "START/END", description = "the new window, e.g."
                + " 2026-12-07T10:00Z/2026-12-07T12:00Z")
        String window;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why it moves")
        String reason;

        @Override
        public Integer call() {
            JsonNode moved = services.endpoints().safetyService().post("/experiments/" + experimentId + "/schedule",
                    body());
            out().printf("%s scheduled for %s (window until %s, starts by %s)%n", experimentId,
                    moved.path("windowStart").asText("?"), moved.path("windowEnd").asText("?"),
                    moved.path("latestStart").asText("?"));
            return 0;
        }

        /** The {@code POST /experiments/{id}/schedule} body: exactly one of {@code --at} and {@code --window}. */
        public Map<String, Object> body() {
            if ((at == null) == (window == null)) {
                throw new ParameterException(spec.commandLine(), "give the new time: --at INSTANT or --window START/END"
                        + " (exactly one)");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            WhenOptions.putInto(body, at, window, spec.commandLine());
            if (reason != null) {
                body.put("reason", reason);
            }
            return body;
        }
    }
}
