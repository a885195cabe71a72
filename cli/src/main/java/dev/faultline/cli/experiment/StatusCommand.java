package dev.faultline.cli.experiment;

import dev.faultline.cli.ServiceCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code faultline status}: an experiment's status and timeline, from catalog-service. */
@Command(name = "status", description = "An experiment's status and timeline (catalog-service).")
public final class StatusCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "<experiment-id>", description = "the experiment's id (from propose)")
    String experimentId;

    @Override
    public Integer call() {
        cli.out().print(StatusView.render(services.endpoints().catalogService().get("/experiments/" + experimentId)));
        return 0;
    }
}
