package dev.faultline.safety.preflight;

import dev.faultline.safety.approval.Approval;
import java.util.List;

/** Port: the approvals recorded for an experiment, every revision (what the APPROVAL check reads). */
@FunctionalInterface
public interface ApprovalBook {

    List<Approval> forExperiment(String experimentId);
}
