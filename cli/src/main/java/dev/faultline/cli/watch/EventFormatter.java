package dev.faultline.cli.watch;

import dev.faultline.cli.experiment.HypothesisView;
import dev.faultline.cli.experiment.Times;
import dev.faultline.schemas.avro.ApprovalRecorded;
import dev.faultline.schemas.avro.DeadLetter;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.ExperimentScheduled;
import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.LintFinding;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PlanReviewed;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckResult;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.VerdictIssued;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns an experiment's events into progress lines: one line per stage event (with the preflight
 * checks, lint findings and prediction results indented under it) and, during the injection, one
 * line per evidence batch with the running figures of each probe. Keeps the evidence tally, so
 * use one formatter per watched experiment.
 */
public final class EventFormatter {

    private final EvidenceTally tally = new EvidenceTally();

    public List<String> lines(StreamedEvent event) {
        List<String> lines = new ArrayList<>();
        String at = event.header() == null ? "?" : Times.clock(event.header().getOccurredAt());
        Object value = event.value();
        if (value instanceof ExperimentProposed e) {
            lines.add(line(at, "proposed", String.format("%s %s%s in %s by %s: %s", e.getService(), e.getFaultType(),
                    e.getDependency() == null ? "" : " -> " + e.getDependency(), e.getEnvironment(),
                    e.getHeader().getActor().getId(), e.getMotivation())));
        } else if (value instanceof HypothesisDrafted e) {
            Hypothesis h = e.getHypothesis();
            lines.add(line(at, "drafted", String.format("revision %d: %s, %s, risk %s%s", e.getRevision(),
                    count(h.getPredictions().size(), "prediction"), count(h.getGuardrails().size(), "guardrail"), h.getRiskLevel(),
                    h.getTemplateId() == null ? "" : " (template " + h.getTemplateId() + ")")));
            e.getWarnings().forEach(w -> lines.add(detail("warning " + finding(w))));
        } else if (value instanceof HypothesisRejected e) {
            lines.add(line(at, "rejected", e.getFindings().size() + " finding(s)"));
            e.getFindings().forEach(f -> lines.add(detail(finding(f))));
        } else if (value instanceof PlanReviewed e) {
            lines.add(line(at, "reviewed", String.format("revision %d %s by %s%s", e.getRevision(), e.getDecision(),
                    e.getReviewer().getId(), e.getComments().isEmpty() ? "" : ": " + e.getComments().get(0).getText())));
        } else if (value instanceof PlanApproved e) {
            lines.add(line(at, "approved", String.format("plan revision %d approved by %s", e.getRevision(),
                    e.getReviewers().stream().map(r -> r.getId()).collect(Collectors.joining(", ")))));
        } else if (value instanceof ApprovalRecorded e) {
            lines.add(line(at, "sign-off", String.format("%s by %s for %s%s", e.getDecision(), e.getApprover().getId(),
                    e.getEnvironment(), e.getComment().isBlank() ? "" : ": " + e.getComment())));
        } else if (value instanceof ExperimentScheduled e && e.getDeferred()) {
            lines.add(line(at, "scheduled", String.format("scheduled for %s (window until %s), revision %d: %s",
                    e.getWindowStart(), e.getWindowEnd(), e.getRevision(), e.getReason())));
        } else if (value instanceof ExperimentScheduled e) {
            lines.add(line(at, "scheduled", String.format("window %s-%s: %s", Times.clock(e.getWindowStart()),
                    Times.clock(e.getWindowEnd()), e.getReason())));
        } else if (value instanceof PreflightPassed e) {
            lines.add(line(at, "preflight", "PASSED, clearance until " + Times.clock(e.getClearance().getExpiresAt())));
            e.getChecks().forEach(c -> lines.add(detail(check(c))));
        } else if (value instanceof PreflightBlocked e) {
            lines.add(line(at, "preflight", "BLOCKED: " + e.getSummary().replaceFirst("(?i)^blocked:\\s*", "")));
            e.getChecks().forEach(c -> lines.add(detail(check(c))));
        } else if (value instanceof InjectionStarted e) {
            lines.add(line(at, "injecting", String.format("%s on %s -> %s, toxicity %.2f, until %s (lease to %s)",
                    e.getFault().getFaultType(), e.getFault().getTarget().getService(),
                    e.getFault().getTarget().getDependency(), e.getFault().getToxicity(), Times.clock(e.getDeadline()),
                    Times.clock(e.getLeaseExpiresAt()))));
        } else if (value instanceof EvidenceCaptured e) {
            tally.add(e.getPhase(), e.getSamples());
            lines.add(line(at, "evidence", String.format("#%-3d %-6s %s", e.getSequence(), e.getPhase(),
                    tally.of(e.getPhase()).stream().map(EventFormatter::figures).collect(Collectors.joining(" | ")))));
        } else if (value instanceof InjectionStopped e) {
            lines.add(line(at, "stopped", String.format("%s after %.1f s%s; rollback %s, %s evidence batches%s",
                    e.getReason(), Duration.between(e.getStartedAt(), e.getStoppedAt()).toMillis() / 1000.0,
                    e.getGuardrailId() == null ? "" : " (guardrail " + e.getGuardrailId()
                            + (e.getObserved() == null ? "" : String.format(Locale.ROOT, ", observed %.3f", e.getObserved())) + ")",
                    e.getRollbackVerified() ? "verified" : "NOT verified",
                    e.getEvidenceBatches() == null ? "?" : e.getEvidenceBatches(),
                    e.getDetail().isBlank() ? "" : ": " + e.getDetail())));
        } else if (value instanceof InjectionRefused e) {
            lines.add(line(at, "refused", String.format("%s by the injector, nothing injected: %s", e.getReason(),
                    e.getDetail())));
        } else if (value instanceof VerdictIssued e) {
            lines.add(line(at, "verdict", e.getOutcome() + (e.getStopReason() == null ? "" : " (stop " + e.getStopReason() + ")")
                    + ": " + e.getSummary()));
            e.getResults().forEach(r -> lines.add(detail(result(r))));
            e.getFollowUps().forEach(f -> lines.add(detail("follow-up " + f.getKind() + ": " + f.getDescription())));
        } else if (value instanceof KnownBehaviourUpdated e) {
            lines.add(line(at, "catalog", String.format("%s %s (%d dimensions, %d experiments)", e.getBehaviourKey(),
                    e.getChange(), e.getDimensions().size(), e.getExperimentIds().size())));
        } else if (value instanceof HaltRequested e) {
            lines.add(line(at, "halt", String.format("%s requested by %s: %s", e.getScope(), e.getHeader().getActor().getId(),
                    e.getReason())));
        } else if (value instanceof HaltLifted e) {
            lines.add(line(at, "halt", "lifted: " + e.getReason()));
        } else if (value instanceof DeadLetter e) {
            lines.add(line(at, "dead-letter", String.format("from %s: %s", e.getSourceTopic(), e.getReason())));
        } else {
            lines.add(line(at, event.type(), "on " + event.topic()));
        }
        return lines;
    }

    private static String line(String at, String stage, String text) {
        return String.format("%s  %-11s %s", at, stage, text);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String detail(String text) {
        return "                          " + text;
    }

    private static String finding(LintFinding finding) {
        return finding.getRule() + ": " + finding.getMessage() + (finding.getPath() == null ? "" : " (" + finding.getPath() + ")");
    }

    private static String check(PreflightCheckResult check) {
        return String.format("%-24s %-12s %s", check.getKind(), check.getOutcome(), check.getReason());
    }

    static String result(PredictionResult result) {
        String observed = result.getObserved() == null ? "no value"
                : String.format(Locale.ROOT, "%.3f", result.getObserved()).replaceAll("\\.?0+$", "");
        return String.format(Locale.ROOT, "%-20s %-12s observed %s%s vs %s %s%s (%d samples, %d needed)",
                result.getPredictionId(), result.getOutcome(), observed, HypothesisView.unit(result.getUnit().name()),
                HypothesisView.symbol(result.getComparator().name()),
                String.format(Locale.ROOT, "%.3f", result.getThreshold()).replaceAll("\\.?0+$", ""),
                HypothesisView.unit(result.getUnit().name()), result.getSampleCount(), result.getRequiredSamples());
    }

    private static String figures(EvidenceTally.ProbeFigures probe) {
        return String.format(Locale.ROOT, "%s n=%d p99 %.0f ms failed %.0f%% 503 %.0f%%", probe.probeId(), probe.samples(),
                probe.p99Millis(), probe.failedShare() * 100, probe.unavailableShare() * 100);
    }
}
