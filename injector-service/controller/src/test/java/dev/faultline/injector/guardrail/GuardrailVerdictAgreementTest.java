package dev.faultline.injector.guardrail;

import static dev.faultline.evaluation.testing.EvaluationFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.faultline.evaluation.Observation;
import dev.faultline.evaluation.PredictionJudge;
import dev.faultline.evaluation.Timeline;
import dev.faultline.evaluation.testing.AgreementCases;
import dev.faultline.evaluation.testing.AgreementCases.Case;
import dev.faultline.evaluation.testing.EvaluationFixtures;
import dev.faultline.injector.probe.Sample;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.ProbeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Property: on the same samples, injector-service's {@link GuardrailEvaluator} trips a guardrail exactly when
 * the verdicts' {@link PredictionJudge} holds the prediction with the same statistic, comparator and threshold
 * (a guardrail's condition is "the statistic compares to the threshold", as a prediction's is). The judge also
 * wants minSamples: with fewer samples it is inconclusive, and the guardrail then decides as the judge would with
 * the samples there are. Both run their real window selection: the guardrail over [now − window, now], the
 * prediction over the DURING phase after a skip, for the window's length, with other probes and earlier samples
 * mixed into the evidence.
 */
class GuardrailVerdictAgreementTest {

    private static final long SKIP_MILLIS = 1000;
    private static final int EXAMPLES = 3000;
    private static final Instant WINDOW_START = T0.plusMillis(SKIP_MILLIS);

    @Test
    void shouldTripAGuardrailExactlyWhenTheSamePredictionHolds() {
        AtomicInteger checked = new AtomicInteger();
        Map<PredictionOutcome, Integer> outcomes = new EnumMap<>(PredictionOutcome.class);
        AtomicInteger withinTolerance = new AtomicInteger();
        qt().withExamples(EXAMPLES).forAll(AgreementCases.cases()).checkAssert(c -> {
            Optional<Breach> breach = guardrail(c);
            PredictionResult result = judge(c, c.minSamples());
            if (c.minSamples() <= c.selected()) {
                assertThat(breach.isPresent()).as("breach vs %s", result.getExplanation())
                        .isEqualTo(result.getOutcome() == PredictionOutcome.HELD);
            } else {
                assertThat(result.getOutcome()).isEqualTo(PredictionOutcome.INCONCLUSIVE);
                PredictionResult enough = judge(c, c.selected());
                assertThat(breach.isPresent()).as("breach vs %s", enough.getExplanation())
                        .isEqualTo(enough.getOutcome() == PredictionOutcome.HELD);
            }
            breach.ifPresent(b -> assertThat(b.observed()).isEqualTo(result.getObserved()));
            checked.incrementAndGet();
            outcomes.merge(result.getOutcome(), 1, Integer::sum);
            Double observed = result.getObserved();
            if (observed != null && observed != c.threshold() && Math.abs(observed - c.threshold()) < 1e-9) {
                withinTolerance.incrementAndGet();
            }
        });
        assertThat(checked).as("examples checked").hasValueGreaterThan(EXAMPLES * 9 / 10);
        assertThat(outcomes).as("every outcome is exercised, not only inconclusive ones")
                .allSatisfy((outcome, count) -> assertThat(count).isGreaterThan(EXAMPLES / 20))
                .containsKeys(PredictionOutcome.HELD, PredictionOutcome.NOT_HELD, PredictionOutcome.INCONCLUSIVE);
        assertThat(withinTolerance).as("cases where only the tolerance makes observed equal to the threshold")
                .hasValueGreaterThan(0);
    }

    private static Optional<Breach> guardrail(Case c) {
        Guardrail guardrail = Guardrail.newBuilder().setGuardrailId("g").setDescription("property").setProbeId("p")
                .setStatistic(c.statistic()).setStatus(c.status()).setHeader(c.header()).setComparator(c.comparator())
                .setThreshold(c.threshold()).setUnit(MeasureUnit.RATIO).setEvaluationWindowMillis(c.windowMillis())
                .setSustainMillis(0).build();
        List<Sample> during = c.samples().stream().map(d -> new Sample(d.probeId(), "storefront",
                WINDOW_START.plusMillis(d.offsetMillis()), d.latencyMillis(), d.status(), d.ok(), d.headers(),
                d.ok() ? null : "failed")).toList();
        // the statistic is what is compared: a silence far longer than any window never makes the guardrail blind
        return new GuardrailEvaluator(List.of(GuardrailRule.of(guardrail, Duration.ofHours(1))), WINDOW_START)
                .evaluate(during, WINDOW_START.plusMillis(c.windowMillis()));
    }

    private static PredictionResult judge(Case c, int minSamples) {
        Prediction prediction = EvaluationFixtures.prediction("pr", "p", c.statistic(), c.comparator(), c.threshold(),
                MeasureUnit.RATIO, minSamples);
        prediction.setStatus(c.status());
        prediction.setHeader(c.header());
        prediction.setWindow(EvaluationFixtures.window(ExperimentPhase.DURING, SKIP_MILLIS, c.windowMillis(), minSamples));
        List<ProbeSample> samples = c.samples().stream().map(d -> EvaluationFixtures.sample(d.probeId(),
                WINDOW_START.plusMillis(d.offsetMillis()), d.latencyMillis(), d.status(), d.ok(),
                d.headers().toArray(String[]::new))).toList();
        long removed = WINDOW_START.plusMillis(c.windowMillis() + 10_000).toEpochMilli();
        Timeline timeline = new Timeline(T0.toEpochMilli(), removed, Observation.ordered(
                List.of(EvaluationFixtures.batch("e", UUID.nameUUIDFromBytes(new byte[] {1}), 0, ExperimentPhase.DURING, samples))));
        return PredictionJudge.judge(prediction, timeline);
    }
}
