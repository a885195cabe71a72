package dev.faultline.hypothesis.proposal;

import dev.faultline.hypothesis.failuremode.DraftContext;
import dev.faultline.hypothesis.failuremode.FailureModeCatalog;
import dev.faultline.hypothesis.lint.Finding;
import dev.faultline.hypothesis.lint.HypothesisLinter;
import dev.faultline.hypothesis.lint.ProposalRules;
import dev.faultline.hypothesis.target.Target;
import dev.faultline.hypothesis.target.Targets;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a proposal into a hypothesis: checks the proposal, picks the failure-mode template for the fault type and
 * the target's service type, drafts it with the proposal's duration (default when absent) and share of traffic
 * (label {@code trafficShare}, default 1.0), then lints the draft.
 */
public final class HypothesisDrafter {

    private final Targets targets;
    private final FailureModeCatalog catalog;
    private final ProposalRules proposalRules;
    private final HypothesisLinter linter;
    private final long defaultDurationMillis;

    public HypothesisDrafter(Targets targets, FailureModeCatalog catalog, HypothesisLinter linter, long defaultDurationMillis) {
        this.targets = targets;
        this.catalog = catalog;
        this.proposalRules = new ProposalRules(targets, catalog);
        this.linter = linter;
        this.defaultDurationMillis = defaultDurationMillis;
    }

    public DraftResult draft(Proposal proposal) {
        List<Finding> problems = proposalRules.check(proposal);
        if (!problems.isEmpty()) {
            return new DraftResult.Rejected(null, problems);
        }
        Target target = targets.find(proposal.environment(), proposal.service()).orElseThrow();
        long duration = proposal.requestedDurationMillis() == null ? defaultDurationMillis : proposal.requestedDurationMillis();
        String share = proposal.label(Proposal.TRAFFIC_SHARE_LABEL);
        DraftContext context = new DraftContext(target, proposal.dependency(), proposal.environment(), duration,
                share == null ? 1.0 : Double.parseDouble(share.trim()), proposal.labels());
        Hypothesis hypothesis = catalog.find(proposal.faultType(), target.type()).orElseThrow().draft(context);
        List<Finding> findings = linter.lint(hypothesis);
        if (!findings.isEmpty()) {
            return new DraftResult.Rejected(1, findings);
        }
        return new DraftResult.Drafted(hypothesis, warnings(hypothesis));
    }

    private static List<Finding> warnings(Hypothesis h) {
        List<Finding> warnings = new ArrayList<>();
        if (h.getBlastRadius().getEnvironment() == dev.faultline.schemas.avro.Environment.PRODUCTION) {
            warnings.add(Finding.of(LintRule.OTHER, "blastRadius.environment",
                    "production experiments need a named approver in safety-service before they run"));
        }
        return warnings;
    }
}
