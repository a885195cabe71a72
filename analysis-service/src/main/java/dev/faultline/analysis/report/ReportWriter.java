package dev.faultline.analysis.report;

import dev.faultline.evaluation.Verdict;
import dev.faultline.evaluation.Wording;
import dev.faultline.analysis.evidence.EvidenceSummary;
import dev.faultline.schemas.avro.BlastRadius;
import dev.faultline.schemas.avro.ControlComparison;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.EvidenceReference;
import dev.faultline.schemas.avro.EvidenceReferenceKind;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FollowUp;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a verdict as a Markdown report: the hypothesis (scenario, blast radius, guardrails), the evidence per probe
 * and phase, the comparison of every prediction with what was observed, how the injection stopped, and the
 * follow-ups. A pure function of its inputs.
 */
public final class ReportWriter {

    private static final int MAX_TRACES = 5;

    private ReportWriter() {
    }

    /** @param stopped the injection's stop, null when its injector was lost */
    public static String write(String experimentId, Hypothesis hypothesis, Verdict verdict,
                               List<EvidenceCaptured> evidence, InjectionStopped stopped) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(hypothesis.getTitle()).append(" — ").append(verdict.outcome()).append("\n\n");
        md.append("Experiment `").append(experimentId).append("`, revision ").append(verdict.revision())
                .append(", injection `").append(verdict.injectionId()).append("`.\n\n");
        md.append("**Verdict: ").append(verdict.outcome()).append(".** ").append(verdict.summary()).append("\n\n");
        hypothesis(md, hypothesis);
        evidence(md, evidence);
        comparison(md, hypothesis, verdict);
        stop(md, verdict, stopped);
        followUps(md, verdict);
        return md.toString();
    }

    /** The report of a verdict whose hypothesis revision is not recorded (a refusal of an unknown revision). */
    public static String withoutHypothesis(String experimentId, Verdict verdict) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(verdict.service()).append(" under ").append(verdict.faultType()).append(" — ")
                .append(verdict.outcome()).append("\n\n");
        md.append("Experiment `").append(experimentId).append("`, revision ").append(verdict.revision())
                .append(", injection `").append(verdict.injectionId()).append("`.\n\n");
        md.append("**Verdict: ").append(verdict.outcome()).append(".** ").append(verdict.summary()).append("\n\n");
        followUps(md, verdict);
        return md.toString();
    }

    private static void followUps(StringBuilder md, Verdict verdict) {
        md.append("## Follow-ups\n\n");
        List<FollowUp> followUps = verdict.followUps();
        for (int i = 0; i < followUps.size(); i++) {
            md.append(i + 1).append(". **").append(followUps.get(i).getKind()).append("** — ")
                    .append(followUps.get(i).getDescription()).append('\n');
        }
        if (followUps.isEmpty()) {
            md.append("None.\n");
        }
    }

    private static void hypothesis(StringBuilder md, Hypothesis h) {
        FaultSpec s = h.getScenario();
        BlastRadius b = h.getBlastRadius();
        md.append("## Hypothesis\n\n");
        md.append("- **Scenario**: ").append(Wording.fault(s)).append(", direction ").append(s.getDirection())
                .append(", toxicity ").append(Wording.number(s.getToxicity())).append(", duration ")
                .append(s.getDurationMillis()).append(" ms");
        if (!s.getParameters().isEmpty()) {
            md.append(", parameters ").append(new TreeMap<>(s.getParameters()));
        }
        md.append("\n- **Blast radius**: environment ").append(b.getEnvironment()).append(", targets ")
                .append(b.getTargets()).append(", downstream ").append(b.getDownstream()).append(", traffic share ")
                .append(Wording.number(b.getTrafficShare()))
                .append(b.getMaxHosts() == null ? "" : ", at most " + b.getMaxHosts() + " hosts").append('\n');
        md.append("- **Guardrails** (rollback conditions):\n");
        for (Guardrail g : h.getGuardrails()) {
            md.append("  - `").append(g.getGuardrailId()).append("`: ")
                    .append(Wording.statistic(g.getStatistic(), g.getStatus(), g.getHeader())).append(" of ")
                    .append(g.getProbeId()).append(' ').append(Wording.symbol(g.getComparator())).append(' ')
                    .append(Wording.quantity(g.getThreshold(), g.getUnit())).append(" over ")
                    .append(g.getEvaluationWindowMillis()).append(" ms, sustained ").append(g.getSustainMillis())
                    .append(" ms — ").append(g.getDescription()).append('\n');
        }
        if (h.getGuardrails().isEmpty()) {
            md.append("  - none\n");
        }
        md.append('\n');
    }

    private static void evidence(StringBuilder md, List<EvidenceCaptured> evidence) {
        List<EvidenceCaptured> batches = EvidenceSummary.unique(evidence);
        Map<?, Integer> perPhase = EvidenceSummary.samplesPerPhase(evidence);
        md.append("## Evidence\n\n").append(batches.size() + (batches.size() == 1 ? " batch" : " batches"))
                .append(", samples per phase: ").append(perPhase.isEmpty() ? "none" : perPhase).append(".\n\n");
        md.append("| probe | phase | samples | p50 | p99 | error rate |\n|---|---|---:|---:|---:|---:|\n");
        for (EvidenceSummary.ProbePhase row : EvidenceSummary.of(evidence)) {
            md.append("| ").append(row.probeId()).append(" | ").append(row.phase()).append(" | ").append(row.samples())
                    .append(" | ").append(Wording.number(row.p50Millis())).append(" ms | ")
                    .append(Wording.number(row.p99Millis())).append(" ms | ").append(Wording.number(row.errorRate()))
                    .append(" |\n");
        }
        md.append('\n');
        references(md, batches);
    }

    /** A reference's description without the part about its own batch ("…; in this batch: …"). */
    private static String withoutBatch(String description) {
        int batch = description.indexOf("; in this batch: ");
        return batch < 0 ? description : description.substring(0, batch);
    }

    /** Where the evidence can be looked at again: each metric and log source once, and a few of the traces. */
    private static void references(StringBuilder md, List<EvidenceCaptured> batches) {
        Map<String, EvidenceReference> sources = new LinkedHashMap<>();
        Map<String, Integer> batchesOf = new LinkedHashMap<>();
        List<String> traces = new ArrayList<>();
        for (EvidenceCaptured batch : batches) {
            for (EvidenceReference reference : batch.getReferences()) {
                if (reference.getKind() == EvidenceReferenceKind.TRACE) {
                    if (traces.size() < MAX_TRACES && !traces.contains(reference.getUri())) {
                        traces.add(reference.getUri());
                    }
                } else {
                    sources.putIfAbsent(reference.getKind() + " " + reference.getUri(), reference);
                    batchesOf.merge(reference.getKind() + " " + reference.getUri(), 1, Integer::sum);
                }
            }
        }
        if (sources.isEmpty() && traces.isEmpty()) {
            return;
        }
        md.append("References:\n\n");
        sources.forEach((key, r) -> md.append("- ").append(r.getKind()).append(" `").append(r.getUri()).append("`: ")
                .append(withoutBatch(r.getDescription())).append(" (").append(batchesOf.get(key)).append(" batches)\n"));
        if (!traces.isEmpty()) {
            md.append("- TRACE (probe requests, in the experiment's trace): ")
                    .append(String.join(", ", traces.stream().map(t -> "`" + t + "`").toList())).append('\n');
        }
        md.append('\n');
    }

    private static void comparison(StringBuilder md, Hypothesis h, Verdict verdict) {
        md.append("## Predictions vs evidence\n\n")
                .append("Each prediction is decided on its confidence interval: held or not held only when the whole"
                        + " interval lies on one side of the threshold.\n\n")
                .append("| prediction | statistic | threshold | observed | interval | samples | outcome |\n")
                .append("|---|---|---|---:|---|---:|---|\n");
        List<PredictionResult> results = verdict.results();
        for (int i = 0; i < results.size(); i++) {
            PredictionResult r = results.get(i);
            String interval = Wording.interval(r);
            md.append("| `").append(r.getPredictionId()).append("` | ").append(cell(statistic(h, i, r))).append(" | ")
                    .append(Wording.symbol(r.getComparator())).append(' ')
                    .append(Wording.quantity(r.getThreshold(), r.getUnit())).append(" | ")
                    .append(r.getObserved() == null ? "—" : Wording.quantity(r.getObserved(), r.getUnit()))
                    .append(" | ").append(interval.isEmpty() ? "—" : interval)
                    .append(" | ").append(r.getSampleCount()).append(" / ").append(r.getRequiredSamples())
                    .append(r.getSamplesNeeded() == null ? "" : " (~" + r.getSamplesNeeded() + " needed)")
                    .append(" | **").append(r.getOutcome()).append("** |\n");
        }
        md.append('\n');
        results.forEach(r -> md.append("- `").append(r.getPredictionId()).append("`: ").append(r.getExplanation())
                .append('\n'));
        md.append('\n');
        control(md, h, results);
    }

    /** Each DURING prediction against its control: the same probe's BEFORE and AFTER samples. */
    private static void control(StringBuilder md, Hypothesis h, List<PredictionResult> results) {
        if (results.stream().allMatch(r -> r.getControl() == null)) {
            return;
        }
        md.append("### Against the control (the same probe BEFORE and AFTER the fault)\n\n")
                .append("| prediction | statistic | during | control | control samples | effect | test | p-value |\n")
                .append("|---|---|---:|---:|---:|---|---|---:|\n");
        for (int i = 0; i < results.size(); i++) {
            PredictionResult r = results.get(i);
            ControlComparison c = r.getControl();
            if (c == null) {
                continue;
            }
            md.append("| `").append(r.getPredictionId()).append("` | ").append(cell(statistic(h, i, r))).append(" | ")
                    .append(r.getObserved() == null ? "—" : Wording.quantity(r.getObserved(), r.getUnit())).append(" | ")
                    .append(c.getControlValue() == null ? "—" : Wording.quantity(c.getControlValue(), r.getUnit()))
                    .append(" | ").append(c.getControlSamples()).append(" | ")
                    .append(c.getEffect() == null ? "—" : signed(c.getEffect(), r.getUnit()) + " (" + c.getEffectKind() + ")")
                    .append(" | ").append(c.getTest() == null ? "—" : c.getTest()).append(" | ")
                    .append(c.getPValue() == null ? "—" : pValue(c.getPValue())).append(" |\n");
        }
        md.append('\n');
    }

    private static String statistic(Hypothesis h, int i, PredictionResult r) {
        Prediction p = i < h.getPredictions().size() ? h.getPredictions().get(i) : null;
        return p == null ? r.getStatistic().name() : Wording.statistic(p) + " of " + p.getProbeId();
    }

    private static String signed(double effect, MeasureUnit unit) {
        return (effect > 0 ? "+" : "") + Wording.quantity(effect, unit);
    }

    /** "< 0.001" below that, else at most three decimals. */
    private static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : Wording.number(p);
    }

    private static void stop(StringBuilder md, Verdict verdict, InjectionStopped stopped) {
        md.append("## Stop\n\n").append("Stop reason: **").append(verdict.stopReason()).append("**");
        if (stopped != null) {
            md.append(stopped.getDetail().isBlank() ? "" : " — " + stopped.getDetail())
                    .append(stopped.getGuardrailId() == null ? "" : " (guardrail `" + stopped.getGuardrailId()
                            + "`, observed " + (stopped.getObserved() == null ? "—" : Wording.number(stopped.getObserved()))
                            + ")")
                    .append(". Fault applied at ").append(stopped.getStartedAt()).append(", removed at ")
                    .append(stopped.getStoppedAt()).append(", rollback verified: ")
                    .append(stopped.getRollbackVerified() ? "yes" : "no");
        } else {
            md.append(" — the injector never reported a stop; the data plane's lease removes the fault");
        }
        md.append(".\n\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
