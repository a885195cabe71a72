package dev.faultline.evaluation;

import static dev.faultline.evaluation.testing.EvaluationFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.evaluation.testing.EvaluationFixtures;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.avro.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which samples a prediction's window selects: phase, probe, skip after the phase start, length. */
class PredictionJudgeTest {

    static final UUID INJ = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    /** One read sample every 100 ms for 10 s of DURING, latency = its offset in seconds; BEFORE and AFTER 1 s each. */
    static List<EvidenceCaptured> evidence() {
        List<ProbeSample> before = new ArrayList<>();
        List<ProbeSample> during = new ArrayList<>();
        List<ProbeSample> after = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            before.add(EvaluationFixtures.sample("reads", T0.minusMillis(2000 - i * 100L), 1, 200, true));
            after.add(EvaluationFixtures.sample("reads", T0.plusMillis(11_000 + i * 100L), 5000, 200, true));
        }
        for (int i = 0; i < 100; i++) {
            during.add(EvaluationFixtures.sample("reads", T0.plusMillis(300 + i * 100L), (300 + i * 100) / 1000, 200, true));
            during.add(EvaluationFixtures.sample("other", T0.plusMillis(300 + i * 100L), 9999, 500, false));
        }
        return List.of(EvaluationFixtures.batch("e", INJ, 0, ExperimentPhase.BEFORE, before),
                EvaluationFixtures.batch("e", INJ, 1, ExperimentPhase.DURING, during),
                EvaluationFixtures.batch("e", INJ, 2, ExperimentPhase.AFTER, after));
    }

    static Timeline timeline() {
        return new Timeline(T0.toEpochMilli(), T0.plusMillis(10_300).toEpochMilli(), Observation.ordered(evidence()));
    }

    static PredictionResult judge(ExperimentPhase phase, long skip, Long length, Statistic statistic, int minSamples) {
        Prediction prediction = EvaluationFixtures.prediction("p", "reads", statistic, ComparisonOperator.LESS_THAN, 3,
                MeasureUnit.MILLISECONDS, minSamples);
        prediction.setWindow(EvaluationFixtures.window(phase, skip, length, minSamples));
        return PredictionJudge.judge(prediction, timeline());
    }

    @Test
    void shouldSelectTheProbesSamplesOfTheWholePhase() {
        assertThat(judge(ExperimentPhase.DURING, 0, null, Statistic.SAMPLE_COUNT, 1).getObserved()).isEqualTo(100.0);
    }

    @Test
    void shouldSkipTheFirstMillisAfterTheFaultWasApplied() {
        // DURING starts at the InjectionStarted time T0, not at the first sample (T0 + 300 ms)
        PredictionResult result = judge(ExperimentPhase.DURING, 2000, null, Statistic.SAMPLE_COUNT, 1);
        assertThat(result.getObserved()).isEqualTo(83.0);
        assertThat(judge(ExperimentPhase.DURING, 2000, null, Statistic.MAX_LATENCY, 1).getObserved()).isEqualTo(10.0);
        assertThat(judge(ExperimentPhase.DURING, 2000, null, Statistic.P50_LATENCY, 1).getObserved()).isEqualTo(6.0);
    }

    @Test
    void shouldLimitTheWindowToItsLength() {
        PredictionResult result = judge(ExperimentPhase.DURING, 2000, 3000L, Statistic.SAMPLE_COUNT, 1);
        assertThat(result.getObserved()).isEqualTo(30.0);
        assertThat(judge(ExperimentPhase.DURING, 2000, 3000L, Statistic.MAX_LATENCY, 1).getObserved()).isEqualTo(4.0);
        assertThat(judge(ExperimentPhase.DURING, 2000, 3000L, Statistic.THROUGHPUT, 1).getObserved()).isEqualTo(10.0);
    }

    @Test
    void shouldMeasureThroughputToTheFaultsRemovalWithoutALength() {
        // 100 samples from T0 + 0 to the removal at T0 + 10.3 s
        assertThat(judge(ExperimentPhase.DURING, 0, null, Statistic.THROUGHPUT, 1).getObserved())
                .isCloseTo(100 / 10.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldStartBeforeAndAfterAtTheirFirstSample() {
        assertThat(judge(ExperimentPhase.BEFORE, 500, null, Statistic.SAMPLE_COUNT, 1).getObserved()).isEqualTo(5.0);
        assertThat(judge(ExperimentPhase.AFTER, 0, null, Statistic.MAX_LATENCY, 1).getObserved()).isEqualTo(5000.0);
    }

    @Test
    void shouldBeInconclusiveWithTooFewSamplesButShowTheObservedValue() {
        PredictionResult result = judge(ExperimentPhase.DURING, 2000, 3000L, Statistic.P99_LATENCY, 31);
        assertThat(result.getOutcome()).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(result.getObserved()).isEqualTo(4.0);
        assertThat(result.getSampleCount()).isEqualTo(30);
        assertThat(result.getRequiredSamples()).isEqualTo(31);
        assertThat(judge(ExperimentPhase.DURING, 2000, 3000L, Statistic.P99_LATENCY, 30).getOutcome())
                .isEqualTo(PredictionOutcome.NOT_HELD);
        // ten samples of 2 ms: a p99 over ten samples has no upper bound, a median has one (the 9th of 10)
        PredictionResult p99 = judge(ExperimentPhase.DURING, 2000, 1000L, Statistic.P99_LATENCY, 10);
        assertThat(p99.getOutcome()).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(p99.getExplanation()).isEqualTo("p99 of reads was 2 ms (95 % CI ≥ 2 ms, 10 samples), threshold < 3 ms:"
                + " inconclusive, the interval straddles the threshold; about 368 samples would decide it");
        assertThat(p99.getSamplesNeeded()).isEqualTo(368);
        assertThat(judge(ExperimentPhase.DURING, 2000, 1000L, Statistic.P50_LATENCY, 10).getOutcome())
                .isEqualTo(PredictionOutcome.HELD);
    }

    @Test
    void shouldBeInconclusiveWithoutSamplesAndSaySo() {
        PredictionResult result = judge(ExperimentPhase.DURING, 60_000, null, Statistic.P99_LATENCY, 1);
        assertThat(result.getOutcome()).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(result.getObserved()).isNull();
        assertThat(result.getExplanation()).startsWith("no p99 of reads could be computed from 0 samples");
    }

    @Test
    void shouldExplainARatioWithoutAUnit() {
        Prediction prediction = EvaluationFixtures.prediction("s", "reads", Statistic.SUCCESS_RATE,
                ComparisonOperator.GREATER_OR_EQUAL, 0.9, MeasureUnit.RATIO, 10);
        assertThat(PredictionJudge.judge(prediction, timeline()).getExplanation())
                .isEqualTo("success rate of reads was 1 (95 % CI 0.956–1, 83 samples), threshold ≥ 0.9: held");
    }

    @Test
    void shouldLeaveOutDuringSamplesAnsweredAfterTheFaultWasRemoved() {
        List<ProbeSample> during = List.of(
                EvaluationFixtures.sample("reads", T0.plusMillis(5_000), 1200, 503, false),
                EvaluationFixtures.sample("reads", T0.plusMillis(9_500), 700, 503, false),
                EvaluationFixtures.sample("reads", T0.plusMillis(9_800), 900, 201, true));
        Timeline timeline = new Timeline(T0.toEpochMilli(), T0.plusMillis(10_300).toEpochMilli(),
                Observation.ordered(List.of(EvaluationFixtures.batch("e", INJ, 0, ExperimentPhase.DURING, during))));
        Prediction prediction = EvaluationFixtures.prediction("p", "reads", Statistic.ERROR_RATE, ComparisonOperator.GREATER_OR_EQUAL,
                0.99, MeasureUnit.RATIO, 1);
        prediction.setWindow(EvaluationFixtures.window(ExperimentPhase.DURING, 0, null, 1));

        PredictionResult result = PredictionJudge.judge(prediction, timeline);

        // the read sent at 9.8 s came back (201) 400 ms after the fault was removed at 10.3 s: recovery, not the fault
        assertThat(result.getSampleCount()).isEqualTo(2);
        assertThat(result.getObserved()).isEqualTo(1.0);
    }

    @Test
    void shouldJudgeMeasuredValuesAndSayWhyNothingCouldBeMeasured() {
        List<ProbeSample> fallbacks = new ArrayList<>();
        List<ProbeSample> absent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ProbeSample scrape = EvaluationFixtures.sample("fallbacks", T0.plusMillis(1000 + i * 1000L), 4, 200, true);
            scrape.setValue(i == 0 ? null : (double) i);
            fallbacks.add(scrape);
            ProbeSample missing = EvaluationFixtures.sample("errors", T0.plusMillis(1000 + i * 1000L), 1, 200, false);
            missing.setError("fallbacks_total{reason=\"overload\"} is absent (http://storefront/metrics)");
            absent.add(missing);
        }
        Timeline timeline = new Timeline(T0.toEpochMilli(), T0.plusMillis(10_300).toEpochMilli(), Observation.ordered(
                List.of(EvaluationFixtures.batch("e", INJ, 0, ExperimentPhase.DURING, fallbacks),
                        EvaluationFixtures.batch("e", INJ, 1, ExperimentPhase.DURING, absent))));
        Prediction used = EvaluationFixtures.prediction("used", "fallbacks", Statistic.VALUE_MAX, ComparisonOperator.GREATER_THAN, 0,
                MeasureUnit.PER_SECOND, 5);
        Prediction quiet = EvaluationFixtures.prediction("quiet", "errors", Statistic.VALUE_SUM, ComparisonOperator.LESS_OR_EQUAL, 0,
                MeasureUnit.COUNT, 5);

        PredictionResult held = PredictionJudge.judge(used, timeline);
        PredictionResult unknown = PredictionJudge.judge(quiet, timeline);

        assertThat(held.getOutcome()).isEqualTo(PredictionOutcome.HELD);
        assertThat(held.getObserved()).isEqualTo(7.0);
        assertThat(unknown.getOutcome()).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(unknown.getExplanation()).contains("no total of errors could be computed",
                "the probe reported: fallbacks_total{reason=\"overload\"} is absent (http://storefront/metrics)");
    }
}
