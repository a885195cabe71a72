package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionWindow;
import dev.faultline.schemas.avro.ProbeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A prediction must be able to get the samples it requires, or its verdict is INCONCLUSIVE before the run starts.
 * Its window is its phase ({@link PhaseLengths}) less {@code skipFirstMillis}, cut to {@code lengthMillis} if that
 * is shorter; the injector sends its probe's requests at a fixed rate, one every {@code intervalMillis}, without
 * waiting for the previous answer (a slow answer delays no request), and a verdict counts the samples sent in the
 * window ({@code [start, end)}) — so at most ⌈window / interval⌉, fewer when answers are still outstanding as the
 * fault is removed. A minSamples above that is rejected with the arithmetic.
 */
public final class SamplesRule implements HypothesisRule {

    private final PhaseLengths phases;

    public SamplesRule(PhaseLengths phases) {
        this.phases = phases;
    }

    @Override
    public List<Finding> check(Hypothesis h) {
        Map<String, ProbeSpec> probes = h.getProbes().stream()
                .collect(Collectors.toMap(ProbeSpec::getProbeId, Function.identity(), (a, b) -> a));
        List<Finding> findings = new ArrayList<>();
        for (Prediction p : h.getPredictions()) {
            ProbeSpec probe = probes.get(p.getProbeId());
            PredictionWindow window = p.getWindow();
            long phase = phases.millis(window.getPhase(), h);
            // an unknown probe or phase, no sample required, or no duration: other rules say so
            if (probe == null || window.getPhase() == ExperimentPhase.UNKNOWN || window.getMinSamples() < 1 || phase <= 0) {
                continue;
            }
            check(p, probe, phase).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> check(Prediction p, ProbeSpec probe, long phase) {
        PredictionWindow window = p.getWindow();
        long skip = Math.max(0, window.getSkipFirstMillis());
        long afterSkip = Math.max(0, phase - skip);
        Long length = window.getLengthMillis();
        long millis = length == null ? afterSkip : Math.min(Math.max(0, length), afterSkip);
        long interval = Millis.interval(probe);
        long most = (millis + interval - 1) / interval;
        if (window.getMinSamples() <= most) {
            return Optional.empty();
        }
        String span = Millis.text(phase) + " (" + PhaseLengths.source(window.getPhase()) + ") − " + Millis.text(skip)
                + " skip = " + Millis.text(afterSkip);
        if (length != null && length < afterSkip) {
            span = Millis.text(millis) + " (lengthMillis; " + span + ")";
        }
        String advice = most == 0
                ? "so no sample at all: " + lengthen(window.getPhase()) + " beyond the skip or shorten skipFirstMillis"
                : "so at most " + most + " samples: lower minSamples to ≤ " + most + ", sample more often or "
                        + lengthen(window.getPhase());
        return Optional.of(Finding.of(LintRule.INSUFFICIENT_SAMPLES,
                "predictions[" + p.getPredictionId() + "].window.minSamples",
                p.getPredictionId() + " asks for " + window.getMinSamples() + " samples of " + probe.getProbeId()
                        + " in the " + window.getPhase() + " window; " + probe.getProbeId() + " samples every "
                        + Millis.text(interval) + " (one request per interval, sent without waiting for the previous"
                        + " answer) and the window is " + span + ", " + advice));
    }

    private static String lengthen(ExperimentPhase phase) {
        return switch (phase) {
            case BEFORE -> "lengthen BEFORE (the injector's before-millis, and faultline.hypothesis.injector-before-millis"
                    + " with it)";
            case AFTER -> "lengthen AFTER (the injector's after-millis, and faultline.hypothesis.injector-after-millis"
                    + " with it)";
            default -> "lengthen the run";
        };
    }
}
