package dev.faultline.hypothesis.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.hypothesis.experiment.ExperimentStatus;
import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.hypothesis.experiment.InMemoryExperimentStore;
import dev.faultline.hypothesis.experiment.RecordingEvents;
import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.proposal.ProposalIntake;
import dev.faultline.hypothesis.review.Review.Decision;
import dev.faultline.hypothesis.review.ReviewRefused.Kind;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PlanReviewed;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.ReviewDecision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewServiceTest {

    private final Experiments experiments = new Experiments(new InMemoryExperimentStore());
    private final RecordingEvents events = new RecordingEvents();
    private final ReviewService reviews = new ReviewService(experiments, events,
            Fixtures.linter());

    @BeforeEach
    void proposeTheExample() {
        ProposalIntake intake = new ProposalIntake(Fixtures.drafter(), experiments, events);
        intake.onProposed(Fixtures.example("exp-1"), RecordingEvents.proposalHeader("exp-1", "demo-user"));
        Proposal vague = Fixtures.withLabels(Fixtures.example("exp-rejected"), Map.of("trafficShare", "lots"));
        intake.onProposed(vague, RecordingEvents.proposalHeader("exp-rejected", "demo-user"));
        events.published.clear();
    }

    private static Review review(String reviewer, Decision decision, Changes changes) {
        return new Review(reviewer, decision, "looks reasonable", changes);
    }

    @Test
    void shouldRecordACommentOnTheLatestRevision() {
        ReviewService.Outcome outcome = reviews.review("exp-1", review("alice", Decision.COMMENT, null));

        assertThat(outcome).isEqualTo(new ReviewService.Outcome(1, ReviewDecision.COMMENTED));
        assertThat(events.of(PlanReviewed.class)).singleElement()
                .satisfies(r -> assertThat(r.getDecision()).isEqualTo(ReviewDecision.COMMENTED));
    }

    @Test
    void shouldDraftANewRevisionWithTheRequestedChanges() {
        Changes changes = new Changes(60L, 0.5, Map.of("reads-p99", 1000.0), List.of("orders-retry-after"),
                Map.of("reads-served", 40));
        ReviewService.Outcome outcome = reviews.review("exp-1", review("alice", Decision.REQUEST_CHANGES, changes));

        assertThat(outcome.revision()).isEqualTo(2);
        HypothesisDrafted second = events.of(HypothesisDrafted.class).get(0);
        assertThat(second.getRevision()).isEqualTo(2);
        assertThat(second.getHypothesis().getScenario().getDurationMillis()).isEqualTo(60_000);
        assertThat(second.getHypothesis().getScenario().getToxicity()).isEqualTo(0.5);
        assertThat(second.getHypothesis().getBlastRadius().getTrafficShare()).isEqualTo(0.5);
        assertThat(second.getHypothesis().getTitle()).contains("for 60 seconds");
        assertThat(second.getHypothesis().getPredictions()).extracting(Prediction::getPredictionId)
                .containsExactly("reads-served", "reads-p99", "orders-503");
        assertThat(second.getHypothesis().getPredictions().get(1).getThreshold()).isEqualTo(1000.0);
        assertThat(second.getHypothesis().getPredictions().get(0).getWindow().getMinSamples()).isEqualTo(40);
        assertThat(second.getChangeSummary()).contains("duration 30 s → 60 s", "removed prediction orders-retry-after",
                "reads-served minSamples 50 → 40");
        PlanReviewed round = events.of(PlanReviewed.class).get(0);
        assertThat(second.getHeader().getCausationId()).isEqualTo(round.getHeader().getEventId());
        assertThat(experiments.find("exp-1").orElseThrow().revision()).isEqualTo(2);
        assertThat(experiments.find("exp-1").orElseThrow().revisions().get(0).getHypothesis().getScenario()
                .getDurationMillis()).as("revision 1 unchanged").isEqualTo(30_000);
    }

    @Test
    void shouldRefuseChangesThatFailLintAndPublishNothing() {
        Changes changes = new Changes(3600L, null, Map.of("nonsense", 1.0), List.of(), Map.of());

        assertThatThrownBy(() -> reviews.review("exp-1", review("alice", Decision.REQUEST_CHANGES, changes)))
                .isInstanceOfSatisfying(ReviewRefused.class, r -> {
                    assertThat(r.kind()).isEqualTo(Kind.UNPROCESSABLE);
                    assertThat(r.reasons()).anySatisfy(s -> assertThat(s).startsWith("NO_DURATION"))
                            .anySatisfy(s -> assertThat(s).contains("no prediction 'nonsense'"));
                });
        assertThat(events.published).isEmpty();
        assertThat(experiments.find("exp-1").orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void shouldForbidTheProposerToAcceptTheirOwnPlan() {
        assertThatThrownBy(() -> reviews.review("exp-1", review("demo-user", Decision.ACCEPT, null)))
                .isInstanceOfSatisfying(ReviewRefused.class, r -> assertThat(r.kind()).isEqualTo(Kind.FORBIDDEN));
        assertThat(events.published).isEmpty();
    }

    @Test
    void shouldApproveThePlanWhenAnotherReviewerAccepts() {
        ReviewService.Outcome outcome = reviews.review("exp-1", review("alice", Decision.ACCEPT, null));

        assertThat(outcome).isEqualTo(new ReviewService.Outcome(1, ReviewDecision.ACCEPTED));
        assertThat(events.of(PlanReviewed.class)).singleElement()
                .satisfies(r -> assertThat(r.getDecision()).isEqualTo(ReviewDecision.ACCEPTED));
        assertThat(events.of(PlanApproved.class)).singleElement().satisfies(a -> {
            assertThat(a.getRevision()).isEqualTo(1);
            assertThat(a.getReviewers()).extracting(r -> r.getId()).containsExactly("alice");
        });
        assertThat(experiments.find("exp-1").orElseThrow().status()).isEqualTo(ExperimentStatus.APPROVED);
        assertThatThrownBy(() -> reviews.review("exp-1", review("bob", Decision.COMMENT, null)))
                .isInstanceOfSatisfying(ReviewRefused.class, r -> assertThat(r.kind()).isEqualTo(Kind.CONFLICT));
    }

    @Test
    void shouldRefuseReviewsOfRejectedOrUnknownExperiments() {
        assertThatThrownBy(() -> reviews.review("exp-rejected", review("alice", Decision.ACCEPT, null)))
                .isInstanceOfSatisfying(ReviewRefused.class, r -> assertThat(r.kind()).isEqualTo(Kind.CONFLICT));
        assertThatThrownBy(() -> reviews.review("exp-none", review("alice", Decision.ACCEPT, null)))
                .isInstanceOfSatisfying(ReviewRefused.class, r -> assertThat(r.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void shouldRequireATextForAComment() {
        assertThatThrownBy(() -> reviews.review("exp-1", new Review("alice", Decision.COMMENT, " ", null)))
                .isInstanceOfSatisfying(ReviewRefused.class, r -> assertThat(r.kind()).isEqualTo(Kind.INVALID));
    }
}
