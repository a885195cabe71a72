package dev.faultline.evaluation;

import dev.faultline.evaluation.stats.Estimates;
import dev.faultline.evaluation.stats.Significance;
import dev.faultline.schemas.avro.ControlComparison;
import dev.faultline.schemas.measure.Measure;
import dev.faultline.schemas.measure.SampleView;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A DURING window against its control: the same probe's BEFORE and AFTER samples, the system without the fault.
 * The evidence does not say which requests during the run a fault on a share of them (toxicity below 1) affected,
 * so those unaffected requests cannot be told apart and are not used. Rates and shares are compared by the
 * two-proportion z test with the difference of proportions as effect; latencies and values by Mann–Whitney U with
 * the difference of medians (a shift in the typical request; the statistic itself, e.g. a p99, is shown for both).
 * THROUGHPUT and SAMPLE_COUNT have no control: the phases differ in length.
 */
final class Control {

    static final String DIFFERENCE_OF_PROPORTIONS = "difference of proportions";
    static final String DIFFERENCE_OF_MEDIANS = "difference of medians";

    private Control() {
    }

    /** The comparison, or null when there is no control sample or the statistic has none. */
    static ControlComparison compare(Measure measure, List<SampleView> control, List<SampleView> experiment) {
        if (control.isEmpty() || experiment.isEmpty()) {
            return null;
        }
        OptionalDouble controlValue = measure.over(control, null);
        ControlComparison.Builder comparison = ControlComparison.newBuilder()
                .setControlValue(controlValue.isPresent() ? controlValue.getAsDouble() : null)
                .setControlSamples(control.size()).setEffect(null).setEffectKind(null).setTest(null).setPValue(null);
        switch (measure.statistic()) {
            case ERROR_RATE, SUCCESS_RATE, STATUS_SHARE, HEADER_PRESENT_SHARE -> {
                OptionalDouble experimentValue = measure.over(experiment, null);
                if (controlValue.isEmpty() || experimentValue.isEmpty()) {
                    return comparison.build();
                }
                long k1 = Math.round(controlValue.getAsDouble() * control.size());
                long k2 = Math.round(experimentValue.getAsDouble() * experiment.size());
                Significance.Test test = Significance.twoProportion(k1, control.size(), k2, experiment.size());
                return comparison.setEffect(experimentValue.getAsDouble() - controlValue.getAsDouble())
                        .setEffectKind(DIFFERENCE_OF_PROPORTIONS).setTest(test.name()).setPValue(test.pValue()).build();
            }
            case P50_LATENCY, P95_LATENCY, P99_LATENCY, MAX_LATENCY, MEAN_LATENCY ->
                    medians(comparison, Estimates.latencies(control), Estimates.latencies(experiment));
            case VALUE_MEAN, VALUE_MAX, VALUE_MIN, VALUE_SUM ->
                    medians(comparison, Estimates.values(control), Estimates.values(experiment));
            default -> {
                return null;
            }
        }
        return comparison.build();
    }

    private static void medians(ControlComparison.Builder comparison, double[] control, double[] experiment) {
        if (control.length == 0 || experiment.length == 0) {
            return;
        }
        Significance.Test test = Significance.mannWhitney(control, experiment);
        comparison.setEffect(Significance.median(experiment) - Significance.median(control))
                .setEffectKind(DIFFERENCE_OF_MEDIANS).setTest(test.name()).setPValue(test.pValue());
    }
}
