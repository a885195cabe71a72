package dev.faultline.cli.experiment;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.HelpOption;
import dev.faultline.cli.ServiceOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code faultline status}: an experiment's status and timeline, from catalog-service. */
@Command(name = "status", description = "An experiment's status and timeline (catalog-service).")
public final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<experiment-id>", description = "the experiment's id (from propose)")
    String experimentId;

    @ArgGroup(exclusive = false, heading = ServiceOptions.HEADING)
    ServiceOptions services = new ServiceOptions();

    @Mixin
    HelpOption help;

    @ParentCommand
    FaultlineCli cli;

    @Override
    public Integer call() {
        cli.out().print(StatusView.render(services.endpoints().catalogService().get("/experiments/" + experimentId)));
        return 0;
    }
}
