package dev.faultline.injector.guardrail;

import dev.faultline.schemas.measure.Measure;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Statistic;
import java.time.Duration;

/**
 * A rollback condition: the fault is removed at once when {@code statistic} of probe {@code probeId} over the last
 * {@code windowMillis} of the fault compares to {@code threshold} and has done so for {@code sustainMillis}, or
 * when its probe has yielded no sample for {@code maxSilenceMillis} (running blind counts as a breach).
 */
public record GuardrailRule(String id, String probeId, Statistic statistic, Integer status, String header,
                            ComparisonOperator comparator, double threshold, MeasureUnit unit, long windowMillis,
                            long sustainMillis, long maxSilenceMillis) {

    /** The guardrail as the hypothesis states it, blind after {@code maxSilence} without a sample from its probe. */
    public static GuardrailRule of(Guardrail g, Duration maxSilence) {
        return new GuardrailRule(g.getGuardrailId(), g.getProbeId(), g.getStatistic(), g.getStatus(), g.getHeader(),
                g.getComparator(), g.getThreshold(), g.getUnit(), g.getEvaluationWindowMillis(), g.getSustainMillis(),
                maxSilence.toMillis());
    }

    /** The statistic this guardrail watches, as service-kit computes it. */
    public Measure measure() {
        return new Measure(statistic, status, header);
    }

    public String describe() {
        return probeId + " " + statistic + " " + comparator + " " + threshold + " over " + windowMillis + " ms for "
                + sustainMillis + " ms";
    }
}
