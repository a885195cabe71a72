package dev.faultline.cli.experiment;

import dev.faultline.cli.CliContext;
import dev.faultline.cli.CommandSpec;
import dev.faultline.cli.args.Args;
import java.util.Set;

/** {@code faultline report}: prints analysis-service's Markdown report of an experiment. */
public final class ReportCommand {

    public static final CommandSpec SPEC = new CommandSpec("report", "report <experiment-id>",
            Set.of(), Set.of(), ReportCommand::run);

    private ReportCommand() {
    }

    static int run(Args args, CliContext context) {
        String id = args.atMostPositionals(1).positional(0, "the experiment id");
        context.out().println(context.endpoints().analysisService().getText("/experiments/" + id + "/report"));
        return 0;
    }
}
