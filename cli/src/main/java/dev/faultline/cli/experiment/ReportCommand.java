package dev.faultline.cli.experiment;

import dev.faultline.cli.ServiceCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code faultline report}: prints analysis-service's Markdown report of an experiment. */
@Command(name = "report", description = "An experiment's Markdown report (analysis-service).")
public final class ReportCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "<experiment-id>", description = "the experiment's id (from propose)")
    String experimentId;

    @Override
    public Integer call() {
        cli.out().println(services.endpoints().analysisService().getText("/experiments/" + experimentId + "/report"));
        return 0;
    }
}
