package dev.faultline.hypothesis.failuremode;

import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionWindow;
import dev.faultline.schemas.avro.Statistic;

/** Builds the predictions and guardrails templates use; every prediction looks at the DURING phase after 2 s. */
final class Checks {

    static final long SKIP_FIRST_MILLIS = 2000;

    private Checks() {
    }

    static Prediction prediction(String id, String description, String probeId, Statistic statistic,
                                 ComparisonOperator comparator, double threshold, MeasureUnit unit, int minSamples) {
        return Prediction.newBuilder().setPredictionId(id).setDescription(description).setProbeId(probeId)
                .setStatistic(statistic).setStatus(null).setHeader(null).setComparator(comparator)
                .setThreshold(threshold).setUnit(unit).setWindow(during(minSamples)).build();
    }

    static Prediction statusShare(String id, String description, String probeId, int status,
                                  ComparisonOperator comparator, double threshold, int minSamples) {
        Prediction p = prediction(id, description, probeId, Statistic.STATUS_SHARE, comparator, threshold,
                MeasureUnit.RATIO, minSamples);
        p.setStatus(status);
        return p;
    }

    static Prediction headerShare(String id, String description, String probeId, String header,
                                  ComparisonOperator comparator, double threshold, int minSamples) {
        Prediction p = prediction(id, description, probeId, Statistic.HEADER_PRESENT_SHARE, comparator, threshold,
                MeasureUnit.RATIO, minSamples);
        p.setHeader(header);
        return p;
    }

    /** Breach when over the last 3 s more than half of the probe's requests failed, sustained for 1 s. */
    static Guardrail failing(String id, String probeId, String what) {
        return Guardrail.newBuilder().setGuardrailId(id)
                .setDescription("stop when more than half of the " + what + " fail over 3 s, sustained for 1 s")
                .setProbeId(probeId).setStatistic(Statistic.ERROR_RATE).setStatus(null).setHeader(null)
                .setComparator(ComparisonOperator.GREATER_THAN).setThreshold(0.5).setUnit(MeasureUnit.RATIO)
                .setEvaluationWindowMillis(3000).setSustainMillis(1000).build();
    }

    private static PredictionWindow during(int minSamples) {
        return PredictionWindow.newBuilder().setPhase(ExperimentPhase.DURING).setSkipFirstMillis(SKIP_FIRST_MILLIS)
                .setLengthMillis(null).setMinSamples(minSamples).build();
    }
}
