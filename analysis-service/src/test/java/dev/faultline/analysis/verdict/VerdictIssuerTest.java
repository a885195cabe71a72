package dev.faultline.analysis.verdict;

import static dev.faultline.analysis.fixtures.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.analysis.AnalysisSettings;
import dev.faultline.analysis.evidence.EvidenceIntake;
import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.analysis.fixtures.InMemoryRecords;
import dev.faultline.analysis.watchdog.IntakeProgress;
import dev.faultline.analysis.watchdog.LostInjectorWatchdog;
import dev.faultline.analysis.watchdog.MissingEvidence;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.clearance.Clearances;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.RefusalReason;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** When a verdict is issued, and that it is issued once: arrival order, redelivery, lost injectors, late stops. */
class VerdictIssuerTest {

    static final String EXP = "exp-issuer";
    static final UUID INJ = UUID.fromString("00000000-0000-0000-0000-0000000000c3");

    final InMemoryRecords records = new InMemoryRecords();
    final List<VerdictIssued> published = new ArrayList<>();
    final AtomicBoolean brokerDown = new AtomicBoolean();
    Instant now = T0.plusSeconds(35);
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final VerdictIssuer issuer = new VerdictIssuer(records, records, verdict -> {
        if (brokerDown.get()) {
            throw new IllegalStateException("broker down");
        }
        published.add(verdict);
    }, clock, new KafkaSettings("127.0.0.1:9092", "http://127.0.0.1:8081", "analysis-service"));
    final EvidenceIntake intake = new EvidenceIntake(records, issuer);
    final List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(EXP, INJ);

    void deliver(SpecificRecord event) {
        intake.handle(new IncomingEvent("t", 0, 0, EXP, event, now));
    }

    void deliverStartAndHypothesis() {
        deliver(Fixtures.drafted(EXP, 2, Fixtures.hypothesis(Fixtures.examplePredictions())));
        deliver(Fixtures.started(EXP, INJ, 2, T0, T0.plusSeconds(30)));
    }

    @Test
    void shouldIssueOnceWhenTheStopAndEveryBatchAreInWhateverTheOrder() {
        deliverStartAndHypothesis();
        evidence.subList(10, evidence.size()).forEach(this::deliver);
        deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));
        evidence.subList(1, 10).forEach(this::deliver);
        assertThat(published).isEmpty();

        deliver(evidence.get(0));
        deliver(evidence.get(0));
        deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));

        assertThat(published).hasSize(1);
        VerdictIssued verdict = published.get(0);
        assertThat(verdict.getOutcome()).isEqualTo(VerdictOutcome.PARTIALLY_HELD);
        assertThat(verdict.getResults()).extracting(PredictionResult::getOutcome).containsExactly(
                PredictionOutcome.HELD, PredictionOutcome.NOT_HELD, PredictionOutcome.HELD, PredictionOutcome.HELD);
        assertThat(verdict.getHeader().getExperimentId()).isEqualTo(EXP);
        assertThat(verdict.getHeader().getOccurredAt()).isEqualTo(now);
        assertThat(records.find(EXP, INJ)).get().satisfies(v -> {
            assertThat(v.published()).isTrue();
            assertThat(v.report()).contains("## Hypothesis", "## Evidence", "## Predictions vs evidence", "## Stop",
                    "## Follow-ups", "| `reads-p99` | p99 of product-reads | < 800 ms | 1203 ms | 95 % CI ≥ 1203 ms | 139 / 100 | **NOT_HELD** |");
        });
    }

    @Test
    void shouldJudgeAtOnceWhenTheInjectorDoesNotCountBatches() {
        deliverStartAndHypothesis();
        evidence.subList(0, 20).forEach(this::deliver);
        deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), null));

        assertThat(published).hasSize(1);
        assertThat(published.get(0).getSampleCount()).isEqualTo(20 * 7);
    }

    @Test
    void shouldWaitForTheHypothesisRevision() {
        deliver(Fixtures.started(EXP, INJ, 2, T0, T0.plusSeconds(30)));
        evidence.forEach(this::deliver);
        deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));
        assertThat(published).isEmpty();

        deliver(Fixtures.drafted(EXP, 2, Fixtures.hypothesis(Fixtures.examplePredictions())));
        assertThat(published).hasSize(1);
    }

    @Test
    void shouldLeaveAnotherInstancesFreshClaimToItAndPublishItOnlyOnceItIsOlderThanTheGrace() {
        deliverStartAndHypothesis();
        evidence.forEach(this::deliver);
        brokerDown.set(true); // this instance claims the verdict; its publication has not happened (yet, or ever)
        assertThatThrownBy(() -> deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30),
                (long) evidence.size()))).isInstanceOf(IllegalStateException.class);
        brokerDown.set(false);
        VerdictIssuer otherInstance = new VerdictIssuer(records, records, published::add, clock,
                new KafkaSettings("127.0.0.1:9092", "http://127.0.0.1:8081", "analysis-service"));

        assertThat(otherInstance.tryIssue(EXP, INJ)).isEmpty();
        now = now.plus(VerdictIssuer.PUBLISH_GRACE).minusMillis(1);
        assertThat(otherInstance.tryIssue(EXP, INJ)).isEmpty();
        assertThat(published).as("the claimer may be publishing it right now").isEmpty();

        now = now.plusMillis(1);
        otherInstance.tryIssue(EXP, INJ);
        otherInstance.tryIssue(EXP, INJ);
        assertThat(published).as("the claimer failed or died: published once, by the other").hasSize(1);
        assertThat(records.find(EXP, INJ).orElseThrow().published()).isTrue();
    }

    @Test
    void shouldPublishAClaimedVerdictAgainWhenItsPublicationFailed() {
        deliverStartAndHypothesis();
        evidence.forEach(this::deliver);
        brokerDown.set(true);
        assertThatThrownBy(() -> deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30),
                (long) evidence.size()))).isInstanceOf(IllegalStateException.class);
        brokerDown.set(false);

        deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));
        deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));

        assertThat(published).hasSize(1);
        assertThat(records.find(EXP, INJ).orElseThrow().published()).isTrue();
    }

    @Test
    void shouldIssueALostVerdictOnceAndIgnoreALateStop() {
        LostInjectorWatchdog watchdog = new LostInjectorWatchdog(records, issuer, clock,
                new AnalysisSettings("analysis-service", 15_000, 1000, 90_000, 0.95));
        deliverStartAndHypothesis();
        // batches 0..30 were captured up to the deadline (T0 + 30 s); a lost injector sends nothing later
        evidence.subList(0, 31).forEach(this::deliver);

        now = T0.plusSeconds(45);
        assertThat(watchdog.sweep()).isZero();
        now = T0.plusSeconds(46);
        assertThat(watchdog.sweep()).isEqualTo(1);
        assertThat(watchdog.sweep()).isZero();
        evidence.subList(31, evidence.size()).forEach(this::deliver);
        deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));

        assertThat(published).hasSize(1);
        VerdictIssued lost = published.get(0);
        assertThat(lost.getOutcome()).isEqualTo(VerdictOutcome.ABORTED);
        assertThat(lost.getStopReason()).isEqualTo(StopReason.LOST);
        assertThat(lost.getSummary()).contains("injector was lost", "lease");
        assertThat(lost.getSampleCount()).isEqualTo(31 * 7);
        assertThat(records.openInjections()).isEmpty();

        Recomputer.Recomputation recomputed = new Recomputer(records, records).recompute(EXP);
        assertThat(recomputed.identical()).isTrue();
        assertThat(recomputed.recomputed().stopReason()).isEqualTo(StopReason.LOST);
    }

    /**
     * Everything a run's verdict needs is stored, but no poll tried it after the last of it (the hypothesis written
     * last, as after an outage): the watchdog judges it on its own stop at its next sweep, and keeps it open until then
     * instead of forgetting it.
     */
    @Test
    void shouldJudgeAStoppedRunWithNoVerdictOnItsStopAtTheWatchdogsSweep() {
        LostInjectorWatchdog watchdog = new LostInjectorWatchdog(records, issuer, clock,
                new AnalysisSettings("analysis-service", 15_000, 1000, 90_000, 0.95));
        deliver(Fixtures.started(EXP, INJ, 2, T0, T0.plusSeconds(30)));
        evidence.forEach(this::deliver);
        deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));
        now = T0.plusSeconds(46);
        assertThat(watchdog.sweep()).isZero();
        assertThat(published).as("its hypothesis is not stored yet").isEmpty();
        assertThat(records.openInjections()).as("still waiting, not forgotten").hasSize(1);

        records.saveHypothesis(Fixtures.drafted(EXP, 2, Fixtures.hypothesis(Fixtures.examplePredictions())));
        now = T0.plusSeconds(47);
        assertThat(watchdog.sweep()).as("not a lost run").isZero();

        assertThat(published).singleElement().satisfies(verdict -> {
            assertThat(verdict.getStopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(verdict.getOutcome()).isEqualTo(VerdictOutcome.PARTIALLY_HELD);
        });
        assertThat(records.openInjections()).isEmpty();
        assertThat(watchdog.sweep()).isZero();
        assertThat(published).hasSize(1);
    }

    /**
     * The store was down past the deadline: the listener kept the run's last batches and its stop unread (retrying,
     * committing nothing). The run looks lost to the records, but the watchdog waits until the listener has stored
     * what was on the topics then — and the stop is among it: the verdict is the run's own, not LOST.
     */
    @Test
    void shouldNotJudgeARunLostWhileItsStopWaitsUnreadBehindAnOutage() {
        AtomicBoolean storedUpToThen = new AtomicBoolean();
        List<Map<String, Long>> asked = new ArrayList<>();
        LostInjectorWatchdog watchdog = new LostInjectorWatchdog(records, issuer, clock,
                new AnalysisSettings("analysis-service", 15_000, 1000, 90_000, 0.95), new IntakeProgress() {
                    @Override
                    public Map<String, Long> endsNow() {
                        return Map.of("faultline.injections-0", 7L);
                    }

                    @Override
                    public boolean reached(Map<String, Long> ends) {
                        asked.add(ends);
                        return storedUpToThen.get();
                    }
                }, MissingEvidence.NONE);
        deliverStartAndHypothesis();
        evidence.subList(0, 20).forEach(this::deliver);

        now = T0.plusSeconds(46);
        assertThat(watchdog.sweep()).as("past deadline + grace, but the listener is behind").isZero();
        now = T0.plusSeconds(80);
        assertThat(watchdog.sweep()).isZero();
        evidence.subList(20, evidence.size()).forEach(this::deliver);
        deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));
        storedUpToThen.set(true);

        assertThat(watchdog.sweep()).isZero();
        assertThat(asked).as("always against the ends of when it first looked lost")
                .containsOnly(Map.of("faultline.injections-0", 7L));
        assertThat(published).singleElement().satisfies(verdict -> {
            assertThat(verdict.getStopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(verdict.getSampleCount()).isEqualTo(evidence.size() * 7L);
        });
    }

    /**
     * The stop and all but one of the batches it announced are stored, and the listener has stored everything on its
     * topics: the projection lost that batch. The watchdog has it looked for again on the topic, and the run is judged
     * on all its batches; while it is found nowhere, the run stays open, with no verdict.
     */
    @Test
    void shouldJudgeAStoppedRunOnceTheBatchTheStoreLostIsFoundAgainOnTheTopic() {
        EvidenceCaptured lost = evidence.get(9);
        AtomicBoolean onTheTopic = new AtomicBoolean();
        List<UUID> lookedFor = new ArrayList<>();
        LostInjectorWatchdog watchdog = new LostInjectorWatchdog(records, issuer, clock,
                new AnalysisSettings("analysis-service", 15_000, 1000, 90_000, 0.95), IntakeProgress.CAUGHT_UP,
                (experimentId, injectionId) -> {
                    lookedFor.add(injectionId);
                    if (!onTheTopic.get()) {
                        return 0;
                    }
                    records.saveBatches(List.of(lost)).toCompletableFuture().join();
                    return 1;
                });
        deliverStartAndHypothesis();
        evidence.stream().filter(b -> b != lost).forEach(this::deliver);
        deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));
        assertThat(published).as("a batch is missing").isEmpty();

        now = T0.plusSeconds(46);
        assertThat(watchdog.sweep()).isZero();
        assertThat(published).as("found nowhere: no verdict on part of the evidence").isEmpty();
        assertThat(records.openInjections()).hasSize(1);

        onTheTopic.set(true);
        now = T0.plusSeconds(47);
        assertThat(watchdog.sweep()).as("not a lost run").isZero();
        assertThat(lookedFor).containsOnly(INJ);
        assertThat(published).singleElement().satisfies(verdict -> {
            assertThat(verdict.getStopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(verdict.getSampleCount()).isEqualTo(evidence.size() * 7L);
        });
        assertThat(records.openInjections()).isEmpty();
    }

    @Test
    void shouldEndARefusedClearanceAbortedWithTheInjectorsReasonOnce() {
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.examplePredictions());
        deliver(Fixtures.drafted(EXP, 2, hypothesis));
        UUID clearance = UUID.randomUUID();
        deliver(Fixtures.cleared(EXP, clearance, 2, T0));
        InjectionRefused refusal = Fixtures.refused(EXP, clearance, 2, T0.plusSeconds(1), hypothesis,
                RefusalReason.UNSUPPORTED_FAULT, "nothing injected: no data plane proxy is declared for dependency 'pricing'");

        deliver(refusal);
        deliver(refusal);

        assertThat(published).singleElement().satisfies(verdict -> {
            assertThat(verdict.getOutcome()).isEqualTo(VerdictOutcome.ABORTED);
            assertThat(verdict.getStopReason()).isEqualTo(StopReason.REFUSED);
            assertThat(verdict.getInjectionId()).isEqualTo(Clearances.injectionIdOf(clearance));
            assertThat(verdict.getSummary()).startsWith("Refused by the injector (UNSUPPORTED_FAULT): nothing injected: no data"
                    + " plane proxy is declared for dependency 'pricing'. Nothing was injected.");
            assertThat(verdict.getSampleCount()).isZero();
            assertThat(verdict.getFollowUps()).singleElement().satisfies(f -> assertThat(f.getDescription())
                    .contains("refused", "propose the experiment again"));
        });
        assertThat(records.openInjections()).as("the clearance is settled").isEmpty();
        assertThat(records.find(EXP, Clearances.injectionIdOf(clearance)).orElseThrow().report())
                .contains("ABORTED", "Refused by the injector");
    }

    @Test
    void shouldEndAClearanceThatNoInjectorTookAbortedOnceItsStartByTimeAndGracePass() {
        LostInjectorWatchdog watchdog = new LostInjectorWatchdog(records, issuer, clock,
                new AnalysisSettings("analysis-service", 15_000, 1000, 90_000, 0.95));
        deliver(Fixtures.drafted(EXP, 2, Fixtures.hypothesis(Fixtures.examplePredictions())));
        UUID taken = UUID.randomUUID();
        UUID forgotten = UUID.randomUUID();
        deliver(Fixtures.cleared(EXP, taken, 2, T0));
        deliver(Fixtures.started(EXP, Clearances.injectionIdOf(taken), 2, T0.plusSeconds(5), T0.plusSeconds(300)));
        deliver(Fixtures.cleared(EXP, forgotten, 2, T0));

        now = T0.plusSeconds(105);
        assertThat(watchdog.sweep()).isZero();
        now = T0.plusSeconds(106);
        assertThat(watchdog.sweep()).as("only the clearance nothing started").isEqualTo(1);
        assertThat(watchdog.sweep()).isZero();

        assertThat(published).singleElement().satisfies(verdict -> {
            assertThat(verdict.getOutcome()).isEqualTo(VerdictOutcome.ABORTED);
            assertThat(verdict.getStopReason()).isEqualTo(StopReason.LOST);
            assertThat(verdict.getInjectionId()).isEqualTo(Clearances.injectionIdOf(forgotten));
            assertThat(verdict.getSummary()).contains("No injector took the clearance", forgotten.toString(),
                    "nothing was injected");
        });
        assertThat(records.openInjections()).extracting(EvidenceRecords.OpenInjection::injectionId)
                .containsExactly(Clearances.injectionIdOf(taken));
    }

    @Test
    void shouldRecomputeTheIdenticalVerdictAndNameTheFieldsThatDiffer() {
        deliverStartAndHypothesis();
        evidence.forEach(this::deliver);
        deliver(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));
        Recomputer recomputer = new Recomputer(records, records);

        assertThat(recomputer.recompute(EXP).identical()).isTrue();

        deliver(Fixtures.drafted(EXP, 2, Fixtures.hypothesis(Fixtures.examplePredictions().subList(0, 1))));
        Recomputer.Recomputation changed = recomputer.recompute(EXP);
        assertThat(changed.identical()).isFalse();
        assertThat(changed.differences()).contains("outcome", "results", "followUps", "summary")
                .doesNotContain("revision", "service", "injectionId", "sampleCount");
    }
}
