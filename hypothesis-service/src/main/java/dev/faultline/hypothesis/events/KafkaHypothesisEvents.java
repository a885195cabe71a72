package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.experiment.HypothesisEvents;
import dev.faultline.hypothesis.lint.Finding;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.LintFinding;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PlanReviewed;
import dev.faultline.schemas.avro.ReviewComment;
import dev.faultline.schemas.avro.ReviewDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * Publishes hypothesis-service's events on faultline.hypotheses through the kit's {@link EventPublisher}:
 * the service is the actor of drafts, rejections and approvals, the reviewer of review rounds. Counts drafts and
 * rejections ({@code faultline_hypotheses_drafted_total}, {@code faultline_hypotheses_rejected_total}).
 */
public final class KafkaHypothesisEvents implements HypothesisEvents {

    public static final String DRAFTED = "faultline.hypotheses.drafted";
    public static final String REJECTED = "faultline.hypotheses.rejected";

    private final EventPublisher publisher;
    private final Actor service;
    private final Clock clock;
    private final Counter drafts;
    private final Counter rejections;

    public KafkaHypothesisEvents(EventPublisher publisher, String serviceName, Clock clock, MeterRegistry meters) {
        this.publisher = publisher;
        this.service = Actors.service(serviceName);
        this.clock = clock;
        this.drafts = Counter.builder(DRAFTED).description("Hypothesis revisions drafted (first drafts and edits)")
                .register(meters);
        this.rejections = Counter.builder(REJECTED).description("Proposals rejected by the hypothesis lint")
                .register(meters);
    }

    @Override
    public HypothesisDrafted drafted(EventHeader cause, int revision, Hypothesis hypothesis, String changeSummary,
                                     List<Finding> warnings) {
        HypothesisDrafted event = HypothesisDrafted.newBuilder().setHeader(EventHeaders.answering(cause, service, clock))
                .setRevision(revision).setHypothesis(hypothesis).setChangeSummary(changeSummary)
                .setWarnings(findings(warnings)).build();
        publisher.publish(event);
        drafts.increment();
        return event;
    }

    @Override
    public HypothesisRejected rejected(EventHeader cause, Integer revision, List<Finding> findings) {
        HypothesisRejected event = HypothesisRejected.newBuilder().setHeader(EventHeaders.answering(cause, service, clock))
                .setRevision(revision).setFindings(findings(findings)).build();
        publisher.publish(event);
        rejections.increment();
        return event;
    }

    @Override
    public PlanReviewed reviewed(EventHeader cause, int revision, String reviewer, ReviewDecision decision, String comment) {
        Actor person = Actors.person(reviewer);
        List<ReviewComment> comments = comment == null || comment.isBlank() ? List.of()
                : List.of(ReviewComment.newBuilder().setText(comment).setPath(null).build());
        PlanReviewed event = PlanReviewed.newBuilder().setHeader(EventHeaders.answering(cause, person, clock))
                .setRevision(revision).setReviewer(person).setDecision(decision).setComments(comments).build();
        publisher.publish(event);
        return event;
    }

    @Override
    public PlanApproved approved(EventHeader cause, int revision, String reviewer) {
        PlanApproved event = PlanApproved.newBuilder().setHeader(EventHeaders.answering(cause, service, clock))
                .setRevision(revision).setReviewers(List.of(Actors.person(reviewer))).build();
        publisher.publish(event);
        return event;
    }

    private static List<LintFinding> findings(List<Finding> findings) {
        return findings.stream().map(f -> LintFinding.newBuilder().setRule(f.rule()).setMessage(f.message())
                .setPath(f.path()).build()).toList();
    }
}
