package dev.faultline.catalog.streams;

import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Instant;
import java.util.List;

/** Verdicts for catalog tests: the example's predictions with chosen outcomes and observed values. */
public final class TestVerdicts {

    private TestVerdicts() {
    }

    public static VerdictIssued verdict(String experimentId, VerdictOutcome outcome, Instant at, PredictionResult... results) {
        return VerdictIssued.newBuilder().setHeader(TestEvents.header(experimentId, at)).setRevision(1)
                .setService(TestEvents.SERVICE).setFaultType(FaultType.NETWORK_BLACKHOLE).setEnvironment(Environment.STAGING)
                .setOutcome(outcome).setStopReason(outcome == VerdictOutcome.ABORTED ? StopReason.LOST : StopReason.COMPLETED)
                .setResults(List.of(results)).setSampleCount(500).setFollowUps(List.of()).setSummary(outcome + " summary")
                .build();
    }

    public static PredictionResult readsP99(PredictionOutcome outcome, double observedMillis) {
        return result("reads-p99", Statistic.P99_LATENCY, MeasureUnit.MILLISECONDS, ComparisonOperator.LESS_THAN, 800,
                outcome, observedMillis);
    }

    public static PredictionResult readsServed(PredictionOutcome outcome, double ratio) {
        return result("reads-served", Statistic.SUCCESS_RATE, MeasureUnit.RATIO, ComparisonOperator.GREATER_OR_EQUAL, 0.99,
                outcome, ratio);
    }

    public static PredictionResult orders503(PredictionOutcome outcome, double ratio) {
        return result("orders-503", Statistic.STATUS_SHARE, MeasureUnit.RATIO, ComparisonOperator.GREATER_OR_EQUAL, 0.99,
                outcome, ratio);
    }

    private static PredictionResult result(String id, Statistic statistic, MeasureUnit unit, ComparisonOperator comparator,
                                           double threshold, PredictionOutcome outcome, double observed) {
        return PredictionResult.newBuilder().setPredictionId(id).setStatistic(statistic).setComparator(comparator)
                .setThreshold(threshold).setUnit(unit).setObserved(observed).setSampleCount(150).setRequiredSamples(50)
                .setOutcome(outcome).setExplanation(id + " " + outcome).build();
    }
}
