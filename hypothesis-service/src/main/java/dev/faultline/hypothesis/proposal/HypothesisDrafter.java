package dev.faultline.hypothesis.proposal;

import dev.faultline.hypothesis.failuremode.DraftContext;
import dev.faultline.hypothesis.failuremode.FailureModeCatalog;
import dev.faultline.hypothesis.failuremode.FailureModeTemplate;
import dev.faultline.hypothesis.lint.Finding;
import dev.faultline.hypothesis.lint.HypothesisLinter;
import dev.faultline.hypothesis.lint.ProposalRules;
import dev.faultline.hypothesis.target.Target;
import dev.faultline.hypothesis.target.Targets;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.hypothesis.knowledge.Incidents;
import dev.faultline.hypothesis.knowledge.KnownBehaviours;
import dev.faultline.hypothesis.knowledge.Rationale;
import dev.faultline.schemas.avro.ProposalReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a proposal into a hypothesis: checks the proposal, picks the failure-mode template for the fault type and
 * the target's service type, drafts it with the proposal's duration (default when absent), share of traffic
 * (label {@code trafficShare}, default 1.0) and labels as the template's parameters, then lints the draft. A
 * template whose expressions fail with the labels given rejects the proposal, saying which.
 */
public final class HypothesisDrafter {

    /**
     * The time safety-service keeps in a window beyond the run to stop its fault ({@code ScheduleWindow.SLACK}
     * there): a window shorter than the run plus this is blocked at its start, so it is refused here already.
     */
    static final Duration STOP_SLACK = Duration.ofMinutes(1);

    private final Targets targets;
    private final FailureModeCatalog catalog;
    private final ProposalRules proposalRules;
    private final HypothesisLinter linter;
    private final long defaultDurationMillis;
    private final Incidents incidents;
    private final Rationale rationale;
    private final Clock clock;

    public HypothesisDrafter(Targets targets, FailureModeCatalog catalog, HypothesisLinter linter,
                             long defaultDurationMillis, Incidents incidents, KnownBehaviours knownBehaviours,
                             Clock clock) {
        this.targets = targets;
        this.catalog = catalog;
        this.proposalRules = new ProposalRules(targets, catalog);
        this.linter = linter;
        this.defaultDurationMillis = defaultDurationMillis;
        this.incidents = incidents;
        this.rationale = new Rationale(incidents, knownBehaviours);
        this.clock = clock;
    }

    public DraftResult draft(Proposal proposal) {
        List<Finding> problems = new ArrayList<>(proposalRules.check(proposal));
        incident(proposal, problems);
        window(proposal, problems);
        if (!problems.isEmpty()) {
            return new DraftResult.Rejected(null, problems);
        }
        Target target = targets.find(proposal.environment(), proposal.service()).orElseThrow();
        long duration = proposal.requestedDurationMillis() == null ? defaultDurationMillis : proposal.requestedDurationMillis();
        String share = proposal.label(Proposal.TRAFFIC_SHARE_LABEL);
        DraftContext context = new DraftContext(target, proposal.dependency(),
                name -> targets.find(proposal.environment(), name), proposal.environment(),
                duration, share == null ? 1.0 : Double.parseDouble(share.trim()), proposal.labels());
        FailureModeTemplate template = catalog.find(proposal.faultType(), target.type()).orElseThrow();
        Hypothesis hypothesis;
        try {
            hypothesis = template.draft(context);
        } catch (IllegalArgumentException e) {
            return new DraftResult.Rejected(null, List.of(Finding.of(LintRule.INVALID_PARAMETER, "labels",
                    "failure-mode template " + template.id() + " cannot draft with these parameters: " + e.getMessage())));
        }
        hypothesis.setRationale(rationale.of(hypothesis, proposal.faultType(), proposal.incidentId()));
        hypothesis.setRequestedStart(proposal.requestedStart());
        hypothesis.setRequestedEnd(proposal.requestedEnd());
        List<Finding> findings = linter.lint(hypothesis);
        if (!findings.isEmpty()) {
            return new DraftResult.Rejected(1, findings);
        }
        return new DraftResult.Drafted(hypothesis, warnings(hypothesis));
    }

    /** A proposal for an incident names one this service has read; any incident it names must be known. */
    private void incident(Proposal proposal, List<Finding> problems) {
        if (proposal.reason() == ProposalReason.INCIDENT && proposal.incidentId() == null) {
            problems.add(Finding.of(LintRule.OTHER, "incidentId", "a proposal for an INCIDENT names the incident "
                    + "(incidentId); open incidents suggest experiments at GET /suggestions"));
        } else if (proposal.incidentId() != null && incidents.find(proposal.incidentId()).isEmpty()) {
            problems.add(Finding.of(LintRule.OTHER, "incidentId", "unknown incident '" + proposal.incidentId()
                    + "': record it on faultline.incidents first (faultline incident record)"));
        }
    }

    /** A requested window must hold the run and the time to stop it: end at least start + duration + stop slack. */
    private void window(Proposal proposal, List<Finding> problems) {
        if (proposal.requestedEnd() == null) {
            return;
        }
        long duration = proposal.requestedDurationMillis() == null ? defaultDurationMillis
                : proposal.requestedDurationMillis();
        Instant start = proposal.requestedStart() != null ? proposal.requestedStart() : clock.instant();
        Instant earliestEnd = start.plusMillis(duration).plus(STOP_SLACK);
        if (proposal.requestedEnd().isBefore(earliestEnd)) {
            problems.add(Finding.of(LintRule.NO_DURATION, "requestedEnd", "the window " + start + " – "
                    + proposal.requestedEnd() + " is shorter than the run (" + duration / 1000 + " s) plus the "
                    + STOP_SLACK.toSeconds() + " s safety-service keeps to stop its fault: give an end at "
                    + earliestEnd + " or later"));
        }
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
