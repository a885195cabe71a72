package dev.faultline.cli.replay;

import static dev.faultline.evaluation.testing.EvaluationFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.evaluation.testing.EvaluationFixtures;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "Would this guardrail have stopped that run, and when?" over the design's example evidence. */
class GuardrailWalkTest {

    private final List<EvidenceCaptured> evidence = EvaluationFixtures.exampleEvidence("e", UUID.randomUUID());

    private static Guardrail guardrail(Statistic statistic, double threshold, long windowMillis, long sustainMillis) {
        return Guardrail.newBuilder().setGuardrailId("g").setDescription("g").setProbeId("product-reads")
                .setStatistic(statistic).setStatus(null).setHeader(null).setComparator(ComparisonOperator.GREATER_THAN)
                .setThreshold(threshold).setUnit(MeasureUnit.MILLISECONDS).setEvaluationWindowMillis(windowMillis)
                .setSustainMillis(sustainMillis).build();
    }

    @Test
    void shouldTripAtTheFirstArrivalAfterTheConditionHeldForTheSustain() {
        GuardrailWalk.Trip trip = GuardrailWalk.firstTrip(guardrail(Statistic.P99_LATENCY, 1000, 3000, 2000), evidence)
                .orElseThrow();

        assertThat(trip.holdingSince()).as("the first slow answer").isEqualTo(T0.plusMillis(1203));
        assertThat(trip.at()).isEqualTo(T0.plusMillis(3203));
        assertThat(trip.observed()).isEqualTo(1203);
    }

    @Test
    void shouldTripOnTheFirstBreachWithoutSustain() {
        assertThat(GuardrailWalk.firstTrip(guardrail(Statistic.P99_LATENCY, 1000, 3000, 0), evidence))
                .map(GuardrailWalk.Trip::at).contains(Instant.parse("2026-11-26T12:00:01.203Z"));
    }

    @Test
    void shouldNotTripWhenAnEmptyOrHealthyWindowInterruptsTheCondition() {
        // a 100 ms window holds a slow answer (every second, at x.203 s) only until the next answer, 10 ms later: the
        // window at x.414 s holds one fast answer, and the condition never lasts 500 ms
        assertThat(GuardrailWalk.firstTrip(guardrail(Statistic.P99_LATENCY, 1000, 100, 500), evidence)).isEmpty();
        assertThat(GuardrailWalk.firstTrip(guardrail(Statistic.P99_LATENCY, 5000, 3000, 0), evidence)).isEmpty();
    }

    @Test
    void shouldTripOnRequestsThatHangForLongerThanTheWindow() {
        // every request times out after 5 s, against a 2 s window: each timeout counts in the window it fired in
        List<ProbeSample> timeouts = new ArrayList<>();
        for (long t = 0; t < 20_000; t += 200) {
            timeouts.add(EvaluationFixtures.sample("product-reads", T0.plusMillis(t), 5000, null, false));
        }
        List<EvidenceCaptured> hanging = List.of(EvaluationFixtures.batch("e", UUID.randomUUID(), 0,
                ExperimentPhase.DURING, timeouts));
        Guardrail failing = guardrail(Statistic.ERROR_RATE, 0.5, 2000, 1000);

        GuardrailWalk.Trip trip = GuardrailWalk.firstTrip(failing, hanging).orElseThrow();

        assertThat(trip.holdingSince()).as("the first timeout").isEqualTo(T0.plusMillis(5000));
        assertThat(trip.at()).isEqualTo(T0.plusMillis(6000));
        assertThat(trip.observed()).isEqualTo(1.0);
    }
}
