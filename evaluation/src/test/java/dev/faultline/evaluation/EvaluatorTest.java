package dev.faultline.evaluation;

import static dev.faultline.evaluation.testing.EvaluationFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.evaluation.testing.EvaluationFixtures;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.FollowUp;
import dev.faultline.schemas.avro.FollowUpKind;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The verdict of the example experiment and each overall outcome, follow-up and the determinism of the evaluation. */
class EvaluatorTest {

    static final String EXP = "exp-eval";
    static final UUID INJ = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final InjectionStarted STARTED = EvaluationFixtures.started(EXP, INJ, 2, T0, T0.plusSeconds(30));

    static InjectionStopped stopped(StopReason reason) {
        return EvaluationFixtures.stopped(EXP, INJ, reason, T0, T0.plusSeconds(30), 38L);
    }

    static Verdict example(StopReason reason) {
        return Evaluator.evaluate(EvaluationFixtures.hypothesis(EvaluationFixtures.examplePredictions()), 2,
                EvaluationFixtures.exampleEvidence(EXP, INJ), STARTED, stopped(reason));
    }

    @Test
    void shouldJudgeTheExampleExperimentPartiallyHeldWithTheP99NotHeld() {
        Verdict verdict = example(StopReason.COMPLETED);

        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.PARTIALLY_HELD);
        assertThat(verdict.results()).extracting(PredictionResult::getPredictionId, PredictionResult::getOutcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reads-served", PredictionOutcome.HELD),
                        org.assertj.core.groups.Tuple.tuple("reads-p99", PredictionOutcome.NOT_HELD),
                        org.assertj.core.groups.Tuple.tuple("orders-503", PredictionOutcome.HELD),
                        org.assertj.core.groups.Tuple.tuple("orders-retry-after", PredictionOutcome.HELD));
        PredictionResult p99 = verdict.results().get(1);
        assertThat(p99.getObserved()).isEqualTo(1203.0);
        assertThat(p99.getThreshold()).isEqualTo(800.0);
        // 140 reads were sent in the window; the last one was still waiting on pricing when the fault was removed
        assertThat(p99.getSampleCount()).isEqualTo(139);
        assertThat(p99.getRequiredSamples()).isEqualTo(100);
        assertThat(p99.getExplanation())
                .isEqualTo("p99 of product-reads was 1203 ms (95 % CI ≥ 1203 ms, 139 samples), threshold < 800 ms: not held");
        assertThat(p99.getConfidenceLevel()).isEqualTo(0.95);
        assertThat(p99.getLower()).isEqualTo(1203.0);
        assertThat(p99.getUpper()).as("139 samples cannot bound a p99 from above").isNull();
        assertThat(p99.getIntervalMethod()).isEqualTo("order statistics");
        assertThat(p99.getSamplesNeeded()).isNull();
        // the control: the same probe without the fault, BEFORE and AFTER
        assertThat(p99.getControl().getControlSamples()).isEqualTo(40);
        assertThat(p99.getControl().getControlValue()).isEqualTo(16.0);
        assertThat(p99.getControl().getTest()).isEqualTo("Mann-Whitney U");
        assertThat(p99.getControl().getPValue()).isLessThan(0.01);
        assertThat(p99.getControl().getEffectKind()).isEqualTo("difference of medians");
        PredictionResult served = verdict.results().get(0);
        assertThat(served.getLower()).isCloseTo(139 / (139 + 1.959964 * 1.959964), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(served.getUpper()).isEqualTo(1.0);
        assertThat(served.getControl().getTest()).isEqualTo("two-proportion z");
        assertThat(served.getControl().getEffect()).isZero();
        assertThat(served.getControl().getPValue()).isEqualTo(1.0);
        assertThat(verdict.results().get(2).getControl().getEffect()).as("503 share, DURING minus control").isEqualTo(1.0);
        assertThat(verdict.results().get(2).getSampleCount()).isEqualTo(56);
        assertThat(verdict.sampleCount()).isEqualTo(38 * 7);
        assertThat(verdict.revision()).isEqualTo(2);
        assertThat(verdict.service()).isEqualTo("storefront");
        assertThat(verdict.faultType()).isEqualTo(FaultType.NETWORK_BLACKHOLE);
        assertThat(verdict.environment()).isEqualTo(Environment.STAGING);
        assertThat(verdict.injectionId()).isEqualTo(INJ);
        assertThat(verdict.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(verdict.followUps()).extracting(FollowUp::getKind).containsExactly(FollowUpKind.FIX_SYSTEM);
        assertThat(verdict.followUps().get(0).getDescription()).startsWith("reads-p99").contains("circuit breaker");
        assertThat(verdict.followUps().get(0).getPredictionId()).isEqualTo("reads-p99");
        assertThat(verdict.summary()).contains("3 of 4 predictions held", "1 not held (reads-p99)", "PARTIALLY_HELD");
    }

    @Test
    void shouldGiveTheSameVerdictForShuffledAndRedeliveredBatches() {
        Hypothesis hypothesis = EvaluationFixtures.hypothesis(EvaluationFixtures.examplePredictions());
        List<EvidenceCaptured> evidence = EvaluationFixtures.exampleEvidence(EXP, INJ);
        Verdict reference = Evaluator.evaluate(hypothesis, 2, evidence, STARTED, stopped(StopReason.COMPLETED));
        for (int seed = 0; seed < 5; seed++) {
            List<EvidenceCaptured> shuffled = new ArrayList<>(evidence);
            shuffled.add(evidence.get(seed * 3));
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(Evaluator.evaluate(hypothesis, 2, shuffled, STARTED, stopped(StopReason.COMPLETED)))
                    .isEqualTo(reference);
        }
    }

    @Test
    void shouldTreatDeadlineAsARunToTheEnd() {
        assertThat(example(StopReason.DEADLINE).outcome()).isEqualTo(VerdictOutcome.PARTIALLY_HELD);
    }

    @Test
    void shouldAbortOnGuardrailButStillComputeResults() {
        Verdict verdict = example(StopReason.GUARDRAIL);

        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.ABORTED);
        assertThat(verdict.results()).hasSize(4).extracting(PredictionResult::getOutcome)
                .contains(PredictionOutcome.HELD, PredictionOutcome.NOT_HELD);
        assertThat(verdict.followUps()).extracting(FollowUp::getKind).containsExactly(FollowUpKind.FIX_SYSTEM);
        assertThat(verdict.followUps().get(0).getDescription()).contains("GUARDRAIL");
        assertThat(verdict.followUps().get(0).getPredictionId()).as("about the whole run").isNull();
        assertThat(verdict.summary()).startsWith("Aborted: the injection stopped on GUARDRAIL");
    }

    @Test
    void shouldAbortOnHaltWithARerun() {
        Verdict verdict = example(StopReason.HALTED);

        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.ABORTED);
        assertThat(verdict.followUps()).extracting(FollowUp::getKind).containsExactly(FollowUpKind.RERUN);
        assertThat(verdict.followUps().get(0).getDescription()).contains("HALTED");
    }

    @Test
    void shouldJudgeALostInjectorAbortedLost() {
        Verdict verdict = Evaluator.lost(EvaluationFixtures.hypothesis(EvaluationFixtures.examplePredictions()), 2,
                EvaluationFixtures.exampleEvidence(EXP, INJ).subList(0, 20), STARTED);

        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.ABORTED);
        assertThat(verdict.stopReason()).isEqualTo(StopReason.LOST);
        assertThat(verdict.summary()).contains("injector was lost", "lease", "removes the fault");
        assertThat(verdict.followUps()).extracting(FollowUp::getKind).containsExactly(FollowUpKind.RERUN);
        assertThat(verdict.results()).hasSize(4);
    }

    @Test
    void shouldJudgeAllHeldAndSuggestExtendingTheCatalog() {
        Verdict verdict = judge(List.of(reads("a", Statistic.SUCCESS_RATE, ComparisonOperator.GREATER_OR_EQUAL, 0.9),
                reads("b", Statistic.P50_LATENCY, ComparisonOperator.LESS_THAN, 800)));

        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.ALL_HELD);
        assertThat(verdict.followUps()).extracting(FollowUp::getKind).containsExactly(FollowUpKind.EXTEND_CATALOG);
    }

    @Test
    void shouldJudgeNoneHeld() {
        Verdict verdict = judge(List.of(reads("a", Statistic.ERROR_RATE, ComparisonOperator.GREATER_THAN, 0.5),
                reads("b", Statistic.P99_LATENCY, ComparisonOperator.LESS_THAN, 100)));

        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.NONE_HELD);
        assertThat(verdict.followUps()).extracting(FollowUp::getKind)
                .containsExactly(FollowUpKind.FIX_SYSTEM, FollowUpKind.FIX_SYSTEM);
    }

    @Test
    void shouldJudgeInconclusiveWhenEveryPredictionLacksSamples() {
        Prediction thin = reads("a", Statistic.P99_LATENCY, ComparisonOperator.LESS_THAN, 800);
        thin.getWindow().setMinSamples(1000);
        Verdict verdict = judge(List.of(thin));

        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.INCONCLUSIVE);
        PredictionResult result = verdict.results().get(0);
        assertThat(result.getOutcome()).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(result.getObserved()).isEqualTo(1203.0);
        assertThat(result.getExplanation()).endsWith("inconclusive, 139 of the 1000 samples required");
        assertThat(result.getSamplesNeeded()).isEqualTo(1000);
        assertThat(verdict.followUps()).extracting(FollowUp::getKind).containsExactly(FollowUpKind.RERUN);
        assertThat(verdict.followUps().get(0).getDescription()).contains("longer window");
    }

    @Test
    void shouldJudgePartiallyHeldWhenSomeHeldAndSomeInconclusive() {
        Prediction thin = reads("b", Statistic.P99_LATENCY, ComparisonOperator.LESS_THAN, 800);
        thin.getWindow().setMinSamples(1000);
        Verdict verdict = judge(List.of(reads("a", Statistic.SUCCESS_RATE, ComparisonOperator.GREATER_OR_EQUAL, 0.9),
                thin));

        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.PARTIALLY_HELD);
    }

    @Test
    void shouldSuggestUpdatingTheHypothesisWhenTheMissIsNarrow() {
        Verdict verdict = judge(List.of(reads("a", Statistic.P99_LATENCY, ComparisonOperator.LESS_THAN, 1100)));

        assertThat(verdict.followUps()).extracting(FollowUp::getKind)
                .containsExactly(FollowUpKind.FIX_SYSTEM, FollowUpKind.UPDATE_HYPOTHESIS);
    }

    @Test
    void shouldJudgeAShareWhoseIntervalStraddlesTheThresholdInconclusiveWithTheSamplesNeeded() {
        // 139 reads, all served: the Wilson lower bound 0.973 is below 0.99, so 0.99 cannot be claimed yet
        Verdict verdict = judge(List.of(reads("a", Statistic.SUCCESS_RATE, ComparisonOperator.GREATER_OR_EQUAL, 0.99)));

        PredictionResult result = verdict.results().get(0);
        assertThat(result.getOutcome()).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(result.getObserved()).isEqualTo(1.0);
        assertThat(result.getSamplesNeeded()).isEqualTo(381);
        assertThat(result.getExplanation()).isEqualTo("success rate of product-reads was 1 (95 % CI 0.973–1, 139 samples),"
                + " threshold ≥ 0.99: inconclusive, the interval straddles the threshold; about 381 samples would decide it");
        assertThat(verdict.followUps()).extracting(FollowUp::getKind).containsExactly(FollowUpKind.RERUN);
        assertThat(verdict.followUps().get(0).getDescription()).contains("about 381 would decide it", "longer window");
    }

    @Test
    void shouldJudgeAtTheGivenLevelAndRecordIt() {
        Hypothesis hypothesis = EvaluationFixtures.hypothesis(EvaluationFixtures.examplePredictions());
        Verdict strict = Evaluator.evaluate(hypothesis, 2, EvaluationFixtures.exampleEvidence(EXP, INJ), STARTED,
                stopped(StopReason.COMPLETED), 0.999);

        assertThat(strict.confidenceLevel()).isEqualTo(0.999);
        assertThat(strict.results()).allSatisfy(r -> assertThat(r.getConfidenceLevel()).isEqualTo(0.999));
        // 56 perfect orders: 56 / (56 + 3.29²) = 0.838 at 99.9 %, below 0.9
        assertThat(strict.results().get(2).getOutcome()).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(strict.results().get(2).getExplanation()).contains("99.9 % CI 0.838–1");
        assertThat(example(StopReason.COMPLETED).confidenceLevel()).isEqualTo(0.95);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Evaluator.evaluate(hypothesis, 2, List.of(),
                STARTED, stopped(StopReason.COMPLETED), 0.3))).hasMessage("the confidence level must be in [0.5, 0.999], was 0.3");
    }

    @Test
    void shouldJudgeAHypothesisWithoutPredictionsInconclusive() {
        assertThat(judge(List.of()).outcome()).isEqualTo(VerdictOutcome.INCONCLUSIVE);
    }

    private static Prediction reads(String id, Statistic statistic, ComparisonOperator comparator, double threshold) {
        MeasureUnit unit = statistic.name().endsWith("LATENCY") ? MeasureUnit.MILLISECONDS : MeasureUnit.RATIO;
        return EvaluationFixtures.prediction(id, "product-reads", statistic, comparator, threshold, unit, 10);
    }

    private static Verdict judge(List<Prediction> predictions) {
        return Evaluator.evaluate(EvaluationFixtures.hypothesis(predictions), 1, EvaluationFixtures.exampleEvidence(EXP, INJ), STARTED,
                stopped(StopReason.COMPLETED));
    }

    static List<EvidenceCaptured> only(ExperimentPhase phase) {
        return EvaluationFixtures.exampleEvidence(EXP, INJ).stream().filter(b -> b.getPhase() == phase).toList();
    }
}
