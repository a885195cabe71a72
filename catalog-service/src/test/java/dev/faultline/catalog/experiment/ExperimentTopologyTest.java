package dev.faultline.catalog.experiment;

import static dev.faultline.catalog.streams.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.catalog.streams.CatalogDriver;
import dev.faultline.catalog.streams.TestEvents;
import dev.faultline.catalog.streams.TestVerdicts;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.RefusalReason;
import dev.faultline.schemas.avro.ReviewDecision;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import dev.faultline.schemas.topics.Topics;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExperimentTopologyTest {

    private static final String ID = "exp-42";

    private CatalogDriver driver;
    private ExperimentQueries queries;

    @BeforeEach
    void start() {
        driver = new CatalogDriver();
        queries = new ExperimentQueries(driver);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private ExperimentStatus after(SpecificRecord event) {
        String experimentId = EventPublisher.headerOf(event).getExperimentId();
        if (event instanceof VerdictIssued verdict) {
            driver.verdicts().pipeInput(experimentId, verdict);
        } else {
            driver.events(Topics.forValueType(event.getClass()).name()).pipeInput(experimentId, event);
        }
        return ExperimentStatus.valueOf(queries.experiment(experimentId).orElseThrow().status());
    }

    @Test
    void shouldDeriveEveryStatusFromTheFullEventSequence() {
        UUID injection = UUID.randomUUID();
        assertThat(after(TestEvents.proposed(ID, T0))).isEqualTo(ExperimentStatus.PROPOSED);
        assertThat(after(TestEvents.drafted(ID, 1, T0.plusSeconds(1)))).isEqualTo(ExperimentStatus.DRAFTED);
        assertThat(after(TestEvents.reviewed(ID, 1, ReviewDecision.CHANGES_REQUESTED, T0.plusSeconds(2))))
                .isEqualTo(ExperimentStatus.IN_REVIEW);
        assertThat(after(TestEvents.drafted(ID, 2, T0.plusSeconds(3)))).isEqualTo(ExperimentStatus.DRAFTED);
        assertThat(after(TestEvents.reviewed(ID, 2, ReviewDecision.ACCEPTED, T0.plusSeconds(4))))
                .isEqualTo(ExperimentStatus.IN_REVIEW);
        assertThat(after(TestEvents.approved(ID, 2, T0.plusSeconds(4)))).isEqualTo(ExperimentStatus.APPROVED);
        assertThat(after(TestEvents.blocked(ID, T0.plusSeconds(5)))).isEqualTo(ExperimentStatus.BLOCKED);
        assertThat(after(TestEvents.signedOff(ID, T0.plusSeconds(6)))).isEqualTo(ExperimentStatus.APPROVED);
        assertThat(after(TestEvents.passed(ID, T0.plusSeconds(7)))).isEqualTo(ExperimentStatus.CLEARED);
        assertThat(after(TestEvents.started(ID, injection, T0.plusSeconds(8)))).isEqualTo(ExperimentStatus.INJECTING);
        assertThat(after(TestEvents.evidence(ID, injection, 0, 5, T0.plusSeconds(9)))).isEqualTo(ExperimentStatus.INJECTING);
        assertThat(after(TestEvents.stopped(ID, injection, StopReason.COMPLETED, T0.plusSeconds(40))))
                .isEqualTo(ExperimentStatus.STOPPED);
        assertThat(after(TestVerdicts.verdict(ID, VerdictOutcome.PARTIALLY_HELD, T0.plusSeconds(42),
                TestVerdicts.readsP99(PredictionOutcome.NOT_HELD, 1200)))).isEqualTo(ExperimentStatus.COMPLETED);

        ExperimentResponse view = queries.experiment(ID).orElseThrow();
        assertThat(view.service()).isEqualTo("storefront");
        assertThat(view.faultType()).isEqualTo("NETWORK_BLACKHOLE");
        assertThat(view.environment()).isEqualTo("STAGING");
        assertThat(view.revision()).isEqualTo(2);
        assertThat(view.verdict()).isEqualTo("PARTIALLY_HELD");
        assertThat(view.stopReason()).isEqualTo("COMPLETED");
        assertThat(view.evidence()).isEqualTo(new ExperimentResponse.Evidence(1, 5));
        assertThat(view.timeline()).extracting(ExperimentResponse.Entry::type).containsExactly("ExperimentProposed",
                "HypothesisDrafted", "PlanReviewed", "HypothesisDrafted", "PlanReviewed", "PlanApproved",
                "PreflightBlocked", "ApprovalRecorded", "PreflightPassed", "InjectionStarted", "InjectionStopped",
                "VerdictIssued");
        assertThat(view.timeline().get(0).at()).isEqualTo(T0);
        assertThat(view.timeline().get(0).summary()).contains("storefront", "NETWORK_BLACKHOLE", "demo-user");
        assertThat(view.timeline().get(11).summary()).startsWith("PARTIALLY_HELD");
    }

    @Test
    void shouldMarkAProposalThatCannotBeDraftedAsRejected() {
        after(TestEvents.proposed(ID, T0));

        assertThat(after(TestEvents.rejected(ID, T0.plusSeconds(1)))).isEqualTo(ExperimentStatus.REJECTED);
        assertThat(queries.experiment(ID).orElseThrow().timeline().get(1).summary())
                .contains("no measurable prediction");
    }

    @Test
    void shouldMarkAnExperimentWithAnAbortedVerdictAsAborted() {
        UUID injection = UUID.randomUUID();
        after(TestEvents.started(ID, injection, T0));

        assertThat(after(TestVerdicts.verdict(ID, VerdictOutcome.ABORTED, T0.plusSeconds(45))))
                .isEqualTo(ExperimentStatus.ABORTED);
        assertThat(queries.experiment(ID).orElseThrow().stopReason()).isEqualTo("LOST");
    }

    @Test
    void shouldMarkAClearanceTheInjectorRefusedAsAbortedWithItsReason() {
        after(TestEvents.passed(ID, T0));
        InjectionRefused refused = InjectionRefused.newBuilder().setHeader(TestEvents.header(ID, T0.plusSeconds(1)))
                .setInjectionId(UUID.randomUUID()).setClearanceId(UUID.randomUUID()).setRevision(1)
                .setEnvironment(Environment.STAGING).setService(TestEvents.SERVICE).setFault(null)
                .setReason(RefusalReason.UNSUPPORTED_FAULT).setDetail("no agent is declared on any host of storefront")
                .setEvidenceBatches(0).build();

        assertThat(after(refused)).isEqualTo(ExperimentStatus.ABORTED);
        assertThat(queries.experiment(ID).orElseThrow().stopReason()).isEqualTo("REFUSED");
    }

    @Test
    void shouldIgnoreRedeliveredEvents() {
        UUID injection = UUID.randomUUID();
        EvidenceCaptured batch = TestEvents.evidence(ID, injection, 0, 4, T0.plusSeconds(1));
        after(TestEvents.proposed(ID, T0));
        after(batch);
        after(batch);
        after(TestEvents.evidence(ID, injection, 1, 3, T0.plusSeconds(2)));
        var proposal = TestEvents.proposed(ID, T0);
        after(proposal);
        after(proposal);

        ExperimentResponse view = queries.experiment(ID).orElseThrow();
        assertThat(view.evidence()).isEqualTo(new ExperimentResponse.Evidence(2, 7));
        assertThat(view.timeline()).hasSize(2);
    }

    @Test
    void shouldShowADeferredExperimentAsScheduledForItsStartUntilItsPreflight() {
        after(TestEvents.proposed(ID, T0));
        after(TestEvents.approved(ID, 2, T0.plusSeconds(1)));

        assertThat(after(TestEvents.deferred(ID, T0.plusSeconds(3600), T0.plusSeconds(2))))
                .isEqualTo(ExperimentStatus.SCHEDULED);
        assertThat(queries.experiment(ID).orElseThrow().timeline()).last()
                .satisfies(e -> assertThat(e.summary()).startsWith("scheduled for 2026-11-20T11:00:00Z"));
        assertThat(after(TestEvents.passed(ID, T0.plusSeconds(3600)))).isEqualTo(ExperimentStatus.CLEARED);
    }

    @Test
    void shouldNotMoveBackWhenAnEarlierStageEventArrivesLate() {
        UUID injection = UUID.randomUUID();
        after(TestEvents.proposed(ID, T0));
        after(TestEvents.started(ID, injection, T0.plusSeconds(10)));

        assertThat(after(TestEvents.approved(ID, 1, T0.plusSeconds(5)))).isEqualTo(ExperimentStatus.INJECTING);
        assertThat(queries.experiment(ID).orElseThrow().timeline()).extracting(ExperimentResponse.Entry::type)
                .containsExactly("ExperimentProposed", "PlanApproved", "InjectionStarted");
    }

    @Test
    void shouldAnswerEmptyForAnUnknownExperimentAndListTheKnownOnes() {
        after(TestEvents.proposed("exp-a", T0));
        after(TestEvents.proposed("exp-b", T0.plusSeconds(1)));

        assertThat(queries.experiment("exp-unknown")).isEmpty();
        assertThat(queries.all()).extracting(ExperimentResponse::experimentId).containsExactly("exp-b", "exp-a");
    }
}
