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

/** {@code faultline report}: prints analysis-service's Markdown report of an experiment. */
@Command(name = "report", description = "An experiment's Markdown report (analysis-service).")
public final class ReportCommand implements Callable<Integer> {

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
        cli.out().println(services.endpoints().analysisService().getText("/experiments/" + experimentId + "/report"));
        return 0;
    }
}
