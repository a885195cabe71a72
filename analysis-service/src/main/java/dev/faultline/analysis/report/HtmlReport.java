package dev.faultline.analysis.report;

import static dev.faultline.kit.web.Html.escape;

import dev.faultline.evaluation.Verdict;
import dev.faultline.evaluation.Wording;
import dev.faultline.kit.web.Html;
import dev.faultline.kit.web.WebAssets;
import dev.faultline.schemas.avro.ControlComparison;
import dev.faultline.schemas.avro.FollowUp;
import dev.faultline.schemas.avro.PredictionResult;

/**
 * Renders a verdict as one self-contained HTML page: the headline, each prediction with its interval, the control
 * comparison, the follow-ups, and the console's charts (service-kit {@code faultline-web/charts.js}) drawn from the
 * same JSON as {@code GET /verdict} and {@code GET /evidence} — uPlot, the charts and the data are inlined, so the
 * page fetches nothing. Every text from the events is escaped; the data sits in {@code application/json} elements.
 */
public final class HtmlReport {

    private static final String PAGE_CSS = """
            body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1040px; color: #222; }
            table { border-collapse: collapse; margin: 8px 0 16px; }
            th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
            td.num { text-align: right; }
            .outcome { font-weight: bold; }
            .outcome-HELD, .outcome-ALL_HELD { color: #2a7d2a; }
            .outcome-NOT_HELD, .outcome-NONE_HELD, .outcome-ABORTED { color: #b32020; }
            .outcome-INCONCLUSIVE, .outcome-PARTIALLY_HELD { color: #a86b00; }
            """;

    private HtmlReport() {
    }

    /**
     * @param title        the hypothesis' title, or a stand-in when its revision is not recorded
     * @param verdictJson  {@code GET /experiments/{id}/verdict}'s body
     * @param evidenceJson {@code GET /experiments/{id}/evidence}'s body, for the verdict's injection
     */
    public static String write(String experimentId, String title, Verdict verdict, String verdictJson,
                               String evidenceJson) {
        StringBuilder html = new StringBuilder(96_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(title + " — " + verdict.outcome())).append("</title>\n<style>")
                .append(Html.inlineCode(WebAssets.styles())).append('\n').append(PAGE_CSS).append("</style>\n</head>\n<body>\n");
        headline(html, experimentId, title, verdict);
        predictions(html, verdict);
        control(html, verdict);
        followUps(html, verdict);
        html.append("<h2>Charts</h2>\n<div id=\"charts\"></div>\n")
                .append("<script type=\"application/json\" id=\"verdict-data\">").append(Html.scriptJson(verdictJson))
                .append("</script>\n<script type=\"application/json\" id=\"evidence-data\">")
                .append(Html.scriptJson(evidenceJson)).append("</script>\n<script>")
                .append(Html.inlineCode(WebAssets.scripts())).append("\n</script>\n<script>\n")
                .append("FaultlineCharts.verdictReport(document.getElementById('charts'),\n")
                .append("    JSON.parse(document.getElementById('verdict-data').textContent),\n")
                .append("    JSON.parse(document.getElementById('evidence-data').textContent));\n")
                .append("</script>\n</body></html>\n");
        return html.toString();
    }

    private static void headline(StringBuilder html, String experimentId, String title, Verdict verdict) {
        html.append("<h1>").append(escape(title)).append(" — ").append(outcome(verdict.outcome().name()))
                .append("</h1>\n<p>Experiment <code>").append(escape(experimentId)).append("</code>, revision ")
                .append(verdict.revision()).append(", injection <code>").append(escape(String.valueOf(verdict.injectionId())))
                .append("</code>; ").append(escape(verdict.service())).append(" under ")
                .append(escape(String.valueOf(verdict.faultType()))).append(" in ")
                .append(escape(String.valueOf(verdict.environment()))).append(", stop reason ")
                .append(escape(String.valueOf(verdict.stopReason()))).append(".</p>\n<p class=\"summary\">")
                .append(escape(verdict.summary())).append("</p>\n");
    }

    private static void predictions(StringBuilder html, Verdict verdict) {
        html.append("<h2>Predictions</h2>\n<table id=\"predictions\"><tr><th>prediction</th><th>statistic</th>")
                .append("<th>threshold</th><th>estimate</th><th>interval</th><th>level</th><th>samples</th>")
                .append("<th>samples needed</th><th>outcome</th></tr>\n");
        for (PredictionResult r : verdict.results()) {
            html.append("<tr data-prediction=\"").append(escape(r.getPredictionId())).append("\"><td><code>")
                    .append(escape(r.getPredictionId())).append("</code></td><td>").append(escape(r.getStatistic().name()))
                    .append("</td><td>").append(escape(Wording.symbol(r.getComparator()) + " "
                            + Wording.quantity(r.getThreshold(), r.getUnit())))
                    .append("</td><td class=\"num\">").append(quantity(r.getObserved(), r)).append("</td><td>")
                    .append(escape(orDash(Wording.interval(r)))).append("</td><td class=\"num\">")
                    .append(r.getConfidenceLevel() == null ? "—" : Wording.number(r.getConfidenceLevel() * 100) + "%")
                    .append("</td><td class=\"num\">").append(r.getSampleCount()).append(" / ")
                    .append(r.getRequiredSamples()).append("</td><td class=\"num\">")
                    .append(r.getSamplesNeeded() == null ? "—" : "~" + r.getSamplesNeeded()).append("</td><td>")
                    .append(outcome(r.getOutcome().name())).append("</td></tr>\n");
        }
        html.append("</table>\n<ul class=\"explanations\">\n");
        verdict.results().forEach(r -> html.append("<li><code>").append(escape(r.getPredictionId()))
                .append("</code>: ").append(escape(r.getExplanation())).append("</li>\n"));
        html.append("</ul>\n");
    }

    /** Each DURING prediction against the same probe BEFORE and AFTER the fault. */
    private static void control(StringBuilder html, Verdict verdict) {
        if (verdict.results().stream().allMatch(r -> r.getControl() == null)) {
            return;
        }
        html.append("<h2>Against the control</h2>\n<table id=\"control\"><tr><th>prediction</th><th>during</th>")
                .append("<th>control</th><th>control samples</th><th>effect</th><th>test</th><th>p-value</th></tr>\n");
        for (PredictionResult r : verdict.results()) {
            ControlComparison c = r.getControl();
            if (c == null) {
                continue;
            }
            html.append("<tr><td><code>").append(escape(r.getPredictionId())).append("</code></td><td class=\"num\">")
                    .append(quantity(r.getObserved(), r)).append("</td><td class=\"num\">")
                    .append(quantity(c.getControlValue(), r)).append("</td><td class=\"num\">")
                    .append(c.getControlSamples()).append("</td><td>")
                    .append(c.getEffect() == null ? "—" : escape((c.getEffect() > 0 ? "+" : "")
                            + Wording.quantity(c.getEffect(), r.getUnit()) + " (" + c.getEffectKind() + ")"))
                    .append("</td><td>").append(escape(orDash(c.getTest()))).append("</td><td class=\"num\">")
                    .append(c.getPValue() == null ? "—" : c.getPValue() < 0.001 ? "&lt; 0.001" : Wording.number(c.getPValue()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void followUps(StringBuilder html, Verdict verdict) {
        html.append("<h2>Follow-ups</h2>\n<ul id=\"follow-ups\">\n");
        for (FollowUp f : verdict.followUps()) {
            html.append("<li><strong>").append(escape(f.getKind().name())).append("</strong>")
                    .append(f.getPredictionId() == null ? "" : " (<code>" + escape(f.getPredictionId()) + "</code>)")
                    .append(": ").append(escape(f.getDescription())).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static String outcome(String outcome) {
        return "<span class=\"outcome outcome-" + escape(outcome) + "\">" + escape(outcome) + "</span>";
    }

    private static String quantity(Double value, PredictionResult r) {
        return value == null ? "—" : escape(Wording.quantity(value, r.getUnit()));
    }

    private static String orDash(String text) {
        return text == null || text.isEmpty() ? "—" : text;
    }
}
