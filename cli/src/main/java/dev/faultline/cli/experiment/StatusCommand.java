package dev.faultline.cli.experiment;

import dev.faultline.cli.CliContext;
import dev.faultline.cli.CommandSpec;
import dev.faultline.cli.args.Args;
import java.util.Set;

/** {@code faultline status}: an experiment's status and timeline, from catalog-service. */
public final class StatusCommand {

    public static final CommandSpec SPEC = new CommandSpec("status", "status <experiment-id>",
            Set.of(), Set.of(), StatusCommand::run);

    private StatusCommand() {
    }

    static int run(Args args, CliContext context) {
        String id = args.atMostPositionals(1).positional(0, "the experiment id");
        context.out().print(StatusView.render(context.endpoints().catalogService().get("/experiments/" + id)));
        return 0;
    }
}
