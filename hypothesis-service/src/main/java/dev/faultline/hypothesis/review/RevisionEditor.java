package dev.faultline.hypothesis.review;

import dev.faultline.hypothesis.lint.Finding;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a reviewer's {@link Changes} to a copy of a hypothesis: duration, share of traffic (toxicity and blast
 * radius together), prediction thresholds and minimum samples, removed predictions. Changes naming unknown predictions
 * are findings.
 */
public final class RevisionEditor {

    /** The edited hypothesis, a summary of what changed, and the changes that could not be applied. */
    public record Edit(Hypothesis hypothesis, String summary, List<Finding> findings) {
    }

    public Edit apply(Hypothesis current, Changes changes) {
        Hypothesis h = Hypothesis.newBuilder(current).build();
        List<String> summary = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        if (changes.durationSeconds() != null) {
            long before = h.getScenario().getDurationMillis() / 1000;
            h.getScenario().setDurationMillis(changes.durationSeconds() * 1000);
            h.setTitle(h.getTitle().replace("for " + before + " seconds", "for " + changes.durationSeconds() + " seconds"));
            summary.add("duration " + before + " s → " + changes.durationSeconds() + " s");
        }
        if (changes.trafficShare() != null) {
            summary.add("traffic share " + h.getBlastRadius().getTrafficShare() + " → " + changes.trafficShare());
            h.getScenario().setToxicity(changes.trafficShare());
            h.getBlastRadius().setTrafficShare(changes.trafficShare());
        }
        Set<String> known = h.getPredictions().stream().map(Prediction::getPredictionId).collect(Collectors.toSet());
        changes.thresholds().forEach((id, threshold) -> {
            if (!known.contains(id)) {
                findings.add(unknown("changes.thresholds." + id, id, known));
                return;
            }
            h.getPredictions().stream().filter(p -> p.getPredictionId().equals(id)).forEach(p -> {
                summary.add(id + " threshold " + p.getThreshold() + " → " + threshold);
                p.setThreshold(threshold == null ? Double.NaN : threshold);
            });
        });
        changes.minSamples().forEach((id, minSamples) -> {
            if (!known.contains(id)) {
                findings.add(unknown("changes.minSamples." + id, id, known));
                return;
            }
            h.getPredictions().stream().filter(p -> p.getPredictionId().equals(id)).forEach(p -> {
                summary.add(id + " minSamples " + p.getWindow().getMinSamples() + " → " + minSamples);
                p.getWindow().setMinSamples(minSamples == null ? 0 : minSamples);
            });
        });
        for (String id : changes.removePredictions()) {
            if (!known.contains(id)) {
                findings.add(unknown("changes.removePredictions", id, known));
            } else {
                h.setPredictions(h.getPredictions().stream().filter(p -> !p.getPredictionId().equals(id)).toList());
                summary.add("removed prediction " + id);
            }
        }
        return new Edit(h, String.join("; ", summary), findings);
    }

    private static Finding unknown(String path, String id, Set<String> known) {
        return Finding.of(LintRule.INVALID_PARAMETER, path, "no prediction '" + id + "'; the predictions are " + known);
    }
}
