package dev.faultline.injector.guardrail;

import static dev.faultline.evaluation.testing.EvaluationFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.faultline.evaluation.Observation;
import dev.faultline.evaluation.PredictionJudge;
import dev.faultline.evaluation.Timeline;
import dev.faultline.evaluation.Wording;
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
import dev.faultline.schemas.measure.Comparison;
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
 * Property: on the same samples, injector-service's {@link GuardrailEvaluator} trips a guardrail exactly when the
 * verdicts' {@link PredictionJudge} finds the point estimate of the prediction with the same statistic, comparator
 * and threshold comparing to the threshold (a guardrail's condition is "the statistic compares to the threshold", as
 * a prediction's is). The judge decides on a confidence interval that contains its estimate, so a prediction judged
 * HELD always trips the guardrail and one judged NOT_HELD never does; where the judge is INCONCLUSIVE (an interval
 * across the threshold, or fewer samples than minSamples) the guardrail still decides on the estimate — safety
 * first: it does not wait for certainty. The breach reports the same interval the judge computed. Both run their real
 * window selection: the guardrail over the samples answered in [now − window, now], the prediction over the samples
 * sent in the DURING phase after a skip, for the window's length, of a fault removed at the guardrail's now (as when
 * the guardrail trips), which leaves out the answers that came after the removal; with other probes, samples answered
 * before the window and samples still unanswered at its end mixed into the evidence ({@link AgreementCases} on the
 * one sample the two selections would tell apart: one sent before the window and answered in it).
 */
class GuardrailVerdictAgreementTest {

    private static final long SKIP_MILLIS = 1000;
    private static final int EXAMPLES = 3000;
    private static final Instant WINDOW_START = T0.plusMillis(SKIP_MILLIS);

    @Test
    void shouldTripAGuardrailExactlyWhenTheJudgesEstimateCrossesTheThreshold() {
        AtomicInteger checked = new AtomicInteger();
        Map<PredictionOutcome, Integer> outcomes = new EnumMap<>(PredictionOutcome.class);
        AtomicInteger withinTolerance = new AtomicInteger();
        AtomicInteger trippedWhileInconclusive = new AtomicInteger();
        AtomicInteger withLateAnswers = new AtomicInteger();
        qt().withExamples(EXAMPLES).forAll(AgreementCases.cases()).checkAssert(c -> {
            Optional<Breach> breach = guardrail(c);
            PredictionResult result = judge(c, c.minSamples());
            boolean estimateCrosses = result.getObserved() != null
                    && Comparison.holds(c.comparator(), result.getObserved(), c.threshold());
            assertThat(breach.isPresent()).as("breach vs %s", result.getExplanation()).isEqualTo(estimateCrosses);
            if (result.getOutcome() == PredictionOutcome.HELD) {
                assertThat(breach).as("held: %s", result.getExplanation()).isPresent();
            }
            if (result.getOutcome() == PredictionOutcome.NOT_HELD) {
                assertThat(breach).as("not held: %s", result.getExplanation()).isEmpty();
            }
            if (c.minSamples() > c.selected()) {
                assertThat(result.getOutcome()).isEqualTo(PredictionOutcome.INCONCLUSIVE);
            }
            breach.ifPresent(b -> {
                assertThat(b.observed()).isEqualTo(result.getObserved());
                assertThat(b.what()).as("the breach shows the judge's interval").contains(Wording.interval(result));
            });
            if (breach.isPresent() && result.getOutcome() == PredictionOutcome.INCONCLUSIVE) {
                trippedWhileInconclusive.incrementAndGet();
            }
            if (c.answeredAfter() > 0 && c.selected() > 0) {
                withLateAnswers.incrementAndGet();
            }
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
        assertThat(trippedWhileInconclusive).as("guardrails that trip before a verdict could be sure")
                .hasValueGreaterThan(0);
        assertThat(withLateAnswers).as("windows with samples still unanswered at their end beside answered ones")
                .hasValueGreaterThan(EXAMPLES / 10);
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
        // removed when the guardrail evaluates: an answer that came after it is left out, as by the guardrail
        long removed = WINDOW_START.plusMillis(c.windowMillis()).toEpochMilli();
        Timeline timeline = new Timeline(T0.toEpochMilli(), removed, Observation.ordered(
                List.of(EvaluationFixtures.batch("e", UUID.nameUUIDFromBytes(new byte[] {1}), 0, ExperimentPhase.DURING, samples))));
        return PredictionJudge.judge(prediction, timeline);
    }
}
