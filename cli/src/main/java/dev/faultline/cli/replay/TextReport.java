package dev.faultline.cli.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The replay as text: each experiment's trail, its verdict checks and policy outcomes, then the findings and totals. */
final class TextReport {

    private TextReport() {
    }

    static void print(ReplayResult result, PrintStream out) {
        for (ExperimentTrail trail : result.trails()) {
            out.println("== experiment " + trail.experimentId + (trail.service == null ? "" : " (" + trail.service + ")"));
            for (TrailEntry entry : trail.entries) {
                out.println("  " + (entry.at() == null ? "" : entry.at() + " ") + "[" + entry.stage() + "] "
                        + (entry.actor().isEmpty() ? "" : entry.actor() + ": ") + entry.what());
                for (Map.Entry<String, String> detail : entry.details().entrySet()) {
                    out.println("      " + detail.getKey() + " = " + detail.getValue());
                }
            }
            for (ExperimentTrail.CheckedVerdict verdict : trail.verdicts) {
                out.println("  recomputed (" + verdict.rule() + ") injection " + verdict.injectionId() + ": recorded "
                        + verdict.recorded() + ", recomputed " + verdict.recomputed() + " — "
                        + (verdict.reproduced() ? "REPRODUCED" : "NOT REPRODUCED"));
                verdict.differences().forEach(d -> out.println("      " + d.field() + ": recorded " + d.recorded()
                        + " | recomputed " + d.recomputed()));
            }
            for (ExperimentTrail.PolicyOutcome outcome : trail.policy) {
                out.println("  under the policy, injection " + outcome.injectionId() + ": recorded " + outcome.recorded()
                        + " (" + outcome.recordedStop() + "), would have been " + outcome.wouldBe());
                outcome.trips().forEach(t -> out.println("      guardrail " + t.guardrailId() + " would have stopped the"
                        + " run at " + t.at() + " (condition held since " + t.holdingSince() + ", observed "
                        + String.format(Locale.ROOT, "%.4g", t.observed()) + ")"));
                outcome.predictions().forEach(p -> out.println("      prediction " + p.predictionId() + ": threshold "
                        + p.recordedThreshold() + " → " + p.policyThreshold() + ", " + p.recordedOutcome() + " → "
                        + p.policyOutcome() + " (observed " + p.observed() + ")"));
            }
            out.println();
        }
        result.findings().forEach(f -> out.println("FINDING " + f.kind() + " experiment " + f.experimentId()
                + (f.injectionId() == null ? "" : " injection " + f.injectionId())
                + (f.field() == null ? "" : " field " + f.field() + ": recorded " + f.recorded() + ", recomputed "
                + f.recomputed()) + " — " + f.message()));
        out.println(summary(result));
    }

    static String summary(ReplayResult result) {
        return String.format(Locale.ROOT, "replayed %d events (%d undecodable) from %d topics in %.2f s (%.0f events/s):"
                        + " %d experiments, %d verdicts checked, %d reproduced, %d findings",
                result.events(), result.undecodable(), result.eventsByTopic().size(),
                result.elapsed().toNanos() / 1e9, result.eventsPerSecond(), result.trails().size(),
                result.verdictsChecked(), result.verdictsReproduced(), result.findings().size());
    }
}
