package dev.faultline.cli.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.faultline.cli.CommandGroup;
import dev.faultline.cli.GroupSubcommand;
import dev.faultline.cli.http.Endpoints;
import dev.faultline.cli.http.ServiceCallException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline follow-ups list|accept|done|wont-fix|rerun}: the follow-up queue of analysis-service. Listing is
 * open to any signed-in user; triaging needs the role reviewer or operator; {@code rerun} turns a RERUN follow-up into
 * a proposal ({@code POST /proposals} to hypothesis-service, role proposer) and then accepts the follow-up.
 */
@Command(name = "follow-ups", description = "The follow-up queue: list follow-ups, triage them, rerun one.",
        subcommands = {FollowUpsCommand.ListFollowUps.class, FollowUpsCommand.Accept.class, FollowUpsCommand.Done.class,
            FollowUpsCommand.WontFix.class, FollowUpsCommand.Rerun.class})
public final class FollowUpsCommand extends CommandGroup {

    /** {@code faultline follow-ups list [--state S] [--service S] [--assignee A] [--experiment ID]}: GET /follow-ups. */
    @Command(name = "list", description = {"List follow-ups, oldest first.", "GET /follow-ups on analysis-service."})
    public static final class ListFollowUps extends GroupSubcommand {

        @Option(names = "--state", paramLabel = "STATE", description = "OPEN, ACCEPTED, DONE or WONT_FIX")
        String state;

        @Option(names = "--service", paramLabel = "S", description = "only this service's")
        String service;

        @Option(names = "--assignee", paramLabel = "A", description = "only those assigned to A")
        String assignee;

        @Option(names = "--experiment", paramLabel = "ID", description = "only this experiment's")
        String experiment;

        @Override
        public Integer call() {
            out().print(FollowUpsView.render(services.endpoints().analysisService().get("/follow-ups" + query())));
            return 0;
        }

        /** The query string the filters make, empty without any. */
        String query() {
            StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("state", state == null ? null : state.toUpperCase(Locale.ROOT).replace('-', '_'));
            filters.put("service", service);
            filters.put("assignee", assignee);
            filters.put("experiment", experiment);
            filters.forEach((name, value) -> {
                if (value != null) {
                    query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            });
            return query.toString();
        }
    }

    /** What accept, done and wont-fix share: the follow-up, an optional note, the state to move to. */
    abstract static class Transition extends GroupSubcommand {

        @Parameters(index = "0", paramLabel = "<follow-up-id>", description = "the follow-up (see follow-ups list)")
        String id;

        @Option(names = "--assignee", paramLabel = "A", description = "assign it to A as well")
        String assignee;

        abstract String state();

        abstract String note();

        @Override
        public Integer call() {
            JsonNode changed = transition(services.endpoints(), id, state(), assignee, note());
            out().println(FollowUpsView.line(changed));
            return 0;
        }
    }

    /** {@code faultline follow-ups accept ID [--note TEXT] [--assignee A]}. */
    @Command(name = "accept", description = {"Take a follow-up on (OPEN → ACCEPTED).",
        "POST /follow-ups/{id}/transitions on analysis-service (role reviewer or operator)."})
    public static final class Accept extends Transition {

        @Option(names = "--note", paramLabel = "TEXT", description = "a note")
        String note;

        @Override
        String state() {
            return "ACCEPTED";
        }

        @Override
        String note() {
            return note;
        }
    }

    /** {@code faultline follow-ups done ID [--note TEXT]}. */
    @Command(name = "done", description = {"Close a follow-up as done; a FIX_SYSTEM one schedules a re-verification.",
        "POST /follow-ups/{id}/transitions on analysis-service (role reviewer or operator)."})
    public static final class Done extends Transition {

        @Option(names = "--note", paramLabel = "TEXT", description = "what was done")
        String note;

        @Override
        String state() {
            return "DONE";
        }

        @Override
        String note() {
            return note;
        }
    }

    /** {@code faultline follow-ups wont-fix ID --note TEXT}. */
    @Command(name = "wont-fix", description = {"Close a follow-up as not to be done, saying why.",
        "POST /follow-ups/{id}/transitions on analysis-service (role reviewer or operator)."})
    public static final class WontFix extends Transition {

        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "why it will not be done")
        String note;

        @Override
        String state() {
            return "WONT_FIX";
        }

        @Override
        String note() {
            return note;
        }
    }

    /** {@code faultline follow-ups rerun ID [--note TEXT]}: a RERUN follow-up as a proposal, in one command. */
    @Command(name = "rerun", description = {"Propose a RERUN follow-up's experiment again; prints the new experiment id.",
        "GET /follow-ups/{id} on analysis-service, POST /proposals to hypothesis-service (role proposer), then",
        "accepts the follow-up (role reviewer or operator; left OPEN with a warning otherwise)."})
    public static final class Rerun extends GroupSubcommand {

        @Parameters(index = "0", paramLabel = "<follow-up-id>", description = "a RERUN follow-up")
        String id;

        @Option(names = "--note", paramLabel = "TEXT", description = "added to the proposal's motivation")
        String note;

        @Override
        public Integer call() {
            Endpoints endpoints = services.endpoints();
            JsonNode followUp = endpoints.analysisService().get("/follow-ups/" + id);
            JsonNode hypothesis = hypothesisOf(endpoints, followUp.path("experimentId").asText());
            String experimentId = endpoints.hypothesisService().post("/proposals",
                    RerunProposal.body(followUp, hypothesis, note)).path("experimentId").asText();
            out().println(experimentId);
            if ("OPEN".equals(followUp.path("state").asText())) {
                try {
                    transition(endpoints, id, "ACCEPTED", null, "rerun proposed as " + experimentId);
                } catch (ServiceCallException e) {
                    err().println("follow-ups rerun: proposed, but the follow-up stays OPEN: " + e.describe());
                }
            }
            return 0;
        }

        /** The experiment's latest hypothesis (its dependency, duration and traffic share), or a missing node. */
        private static JsonNode hypothesisOf(Endpoints endpoints, String experimentId) {
            try {
                return endpoints.hypothesisService().get("/experiments/" + experimentId + "/hypothesis").path("hypothesis");
            } catch (ServiceCallException e) {
                if (e.status() == 404) {
                    return MissingNode.getInstance();
                }
                throw e;
            }
        }
    }

    private static JsonNode transition(Endpoints endpoints, String id, String state, String assignee, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        if (assignee != null) {
            body.put("assignee", assignee);
        }
        if (note != null) {
            body.put("note", note);
        }
        return endpoints.analysisService().post("/follow-ups/" + id + "/transitions", body);
    }
}
