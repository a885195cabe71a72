package dev.faultline.hypothesis.review;

import dev.faultline.hypothesis.experiment.Experiment;
import dev.faultline.hypothesis.experiment.ExperimentStatus;
import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.hypothesis.experiment.HypothesisEvents;
import dev.faultline.hypothesis.lint.Finding;
import dev.faultline.hypothesis.lint.HypothesisLinter;
import dev.faultline.hypothesis.review.ReviewRefused.Kind;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanReviewed;
import dev.faultline.schemas.avro.ReviewDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * The review rules: comments and change requests on the latest revision; requested changes make a new revision,
 * linted before anything is published; acceptance by someone other than the proposer approves the plan.
 * Rejected and approved experiments take no more reviews.
 */
public final class ReviewService {

    /** What a recorded review led to: the latest revision after it, and the decision recorded. */
    public record Outcome(int revision, ReviewDecision decision) {
    }

    private final Experiments experiments;
    private final HypothesisEvents events;
    private final HypothesisLinter linter;
    private final RevisionEditor editor = new RevisionEditor();

    public ReviewService(Experiments experiments, HypothesisEvents events, HypothesisLinter linter) {
        this.experiments = experiments;
        this.events = events;
        this.linter = linter;
    }

    public synchronized Outcome review(String experimentId, Review review) {
        Experiment experiment = experiments.find(experimentId)
                .orElseThrow(() -> new ReviewRefused(Kind.NOT_FOUND, "no experiment " + experimentId));
        if (experiment.status() == ExperimentStatus.REJECTED) {
            throw new ReviewRefused(Kind.CONFLICT, "experiment " + experimentId
                    + " was rejected and has no hypothesis to review; propose it again with the findings fixed");
        }
        if (experiment.status() == ExperimentStatus.APPROVED) {
            throw new ReviewRefused(Kind.CONFLICT, "experiment " + experimentId + " is already approved at revision "
                    + experiment.revision());
        }
        HypothesisDrafted latest = experiment.latest().orElseThrow();
        return switch (review.decision()) {
            case COMMENT -> comment(experiment, latest, review);
            case REQUEST_CHANGES -> requestChanges(experiment, latest, review);
            case ACCEPT -> accept(experiment, latest, review);
        };
    }

    private Outcome comment(Experiment experiment, HypothesisDrafted latest, Review review) {
        if (review.comment() == null || review.comment().isBlank()) {
            throw new ReviewRefused(Kind.INVALID, "comment: a COMMENT review needs a comment");
        }
        events.reviewed(latest.getHeader(), latest.getRevision(), review.reviewer(), ReviewDecision.COMMENTED, review.comment());
        return new Outcome(experiment.revision(), ReviewDecision.COMMENTED);
    }

    private Outcome requestChanges(Experiment experiment, HypothesisDrafted latest, Review review) {
        if (review.changes() == null || review.changes().isEmpty()) {
            events.reviewed(latest.getHeader(), latest.getRevision(), review.reviewer(), ReviewDecision.CHANGES_REQUESTED,
                    review.comment());
            return new Outcome(experiment.revision(), ReviewDecision.CHANGES_REQUESTED);
        }
        RevisionEditor.Edit edit = editor.apply(latest.getHypothesis(), review.changes());
        List<Finding> findings = new ArrayList<>(edit.findings());
        findings.addAll(linter.lint(edit.hypothesis()));
        if (!findings.isEmpty()) {
            throw new ReviewRefused(Kind.UNPROCESSABLE, "the changed hypothesis fails lint",
                    findings.stream().map(Finding::reason).toList());
        }
        PlanReviewed reviewed = events.reviewed(latest.getHeader(), latest.getRevision(), review.reviewer(),
                ReviewDecision.CHANGES_REQUESTED, review.comment());
        int next = latest.getRevision() + 1;
        HypothesisDrafted drafted = events.drafted(reviewed.getHeader(), next, edit.hypothesis(), edit.summary(), List.of());
        experiments.apply(drafted);
        return new Outcome(next, ReviewDecision.CHANGES_REQUESTED);
    }

    private Outcome accept(Experiment experiment, HypothesisDrafted latest, Review review) {
        if (experiment.proposer() == null) {
            throw new ReviewRefused(Kind.CONFLICT, "who proposed " + experiment.experimentId()
                    + " is not known yet (its proposal is still being read); try again shortly");
        }
        if (review.reviewer().equals(experiment.proposer())) {
            throw new ReviewRefused(Kind.FORBIDDEN, review.reviewer()
                    + " proposed this experiment and must not accept it; another reviewer has to");
        }
        PlanReviewed reviewed = events.reviewed(latest.getHeader(), latest.getRevision(), review.reviewer(),
                ReviewDecision.ACCEPTED, review.comment());
        experiments.apply(events.approved(reviewed.getHeader(), latest.getRevision(), review.reviewer()));
        return new Outcome(latest.getRevision(), ReviewDecision.ACCEPTED);
    }
}
