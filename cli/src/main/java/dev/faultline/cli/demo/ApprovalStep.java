package dev.faultline.cli.demo;

import dev.faultline.cli.http.Endpoints;
import dev.faultline.cli.watch.StreamedEvent;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo's approver: when the preflight blocks only for want of an approval (safety's policy asks for one above a
 * traffic share), the demo signs off once as {@link ExampleExperiment#APPROVER} — signed in with their own token,
 * not the proposer —, as a person on call would; a block for any other reason is left standing.
 */
final class ApprovalStep implements Consumer<StreamedEvent> {

    private final Endpoints services;
    private final String experimentId;
    private final PrintStream out;
    private boolean approved;

    /** @param services called with the approver's token */
    ApprovalStep(Endpoints services, String experimentId, PrintStream out) {
        this.services = services;
        this.experimentId = experimentId;
        this.out = out;
    }

    @Override
    public void accept(StreamedEvent event) {
        if (approved || !event.is(PreflightBlocked.class) || !onlyApprovalMissing(event.as(PreflightBlocked.class))) {
            return;
        }
        approved = true;
        out.println("                          -> the policy asks for an approver: signing off as "
                + ExampleExperiment.APPROVER);
        services.safetyService().post("/experiments/" + experimentId + "/approvals", Map.of(
                "decision", "APPROVED", "comment", "demo: approved by the on-call approver"));
    }

    static boolean onlyApprovalMissing(PreflightBlocked blocked) {
        return blocked.getChecks().stream().filter(check -> check.getOutcome() == CheckOutcome.FAILED)
                .allMatch(check -> check.getKind() == PreflightCheckKind.APPROVAL)
                && blocked.getChecks().stream().anyMatch(check -> check.getOutcome() == CheckOutcome.FAILED);
    }
}
