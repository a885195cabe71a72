package dev.faultline.cli.replay;

import java.util.Map;

/**
 * The replay as a self-contained HTML audit report: one file, inline CSS, no script and no external resource, so it
 * can be archived and opened anywhere.
 */
final class HtmlReport {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #ddd;padding:3px 6px;
            vertical-align:top;text-align:left}th{background:#f3f3f3}.ok{color:#176b2c;font-weight:600}
            .bad{color:#b00020;font-weight:600}.stage{font-variant:small-caps;color:#555}.details{color:#555;font-size:.9em}
            .summary{background:#f7f7f7;padding:.6em 1em;border-left:4px solid #888}
            """;

    private HtmlReport() {
    }

    static String write(ReplayResult result) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Faultline audit replay</title><style>").append(CSS).append("</style></head><body>\n");
        html.append("<h1>Faultline audit replay</h1>\n<p class=\"summary\">").append(esc(TextReport.summary(result)))
                .append("</p>\n");
        html.append("<h2>Findings</h2>\n");
        if (result.findings().isEmpty()) {
            html.append("<p class=\"ok\">None: every verdict was reproduced and every clearance verified.</p>\n");
        } else {
            html.append("<table><tr><th>kind</th><th>experiment</th><th>injection</th><th>field</th><th>recorded</th>"
                    + "<th>recomputed</th><th>what</th></tr>\n");
            result.findings().forEach(f -> html.append("<tr><td class=\"bad\">").append(esc(f.kind().name()))
                    .append("</td><td>").append(esc(f.experimentId())).append("</td><td>")
                    .append(esc(String.valueOf(f.injectionId()))).append("</td><td>").append(esc(f.field()))
                    .append("</td><td>").append(esc(f.recorded())).append("</td><td>").append(esc(f.recomputed()))
                    .append("</td><td>").append(esc(f.message())).append("</td></tr>\n"));
            html.append("</table>\n");
        }
        for (ExperimentTrail trail : result.trails()) {
            html.append("<h2>").append(esc(trail.experimentId)).append(trail.service == null ? "" : " — " + esc(trail.service))
                    .append("</h2>\n<table><tr><th>when</th><th>stage</th><th>who</th><th>what</th></tr>\n");
            for (TrailEntry entry : trail.entries) {
                html.append("<tr><td>").append(esc(entry.at() == null ? "" : entry.at().toString()))
                        .append("</td><td class=\"stage\">").append(esc(entry.stage())).append("</td><td>")
                        .append(esc(entry.actor())).append("</td><td>").append(esc(entry.what()));
                for (Map.Entry<String, String> detail : entry.details().entrySet()) {
                    html.append("<div class=\"details\">").append(esc(detail.getKey())).append(" = ")
                            .append(esc(detail.getValue())).append("</div>");
                }
                html.append("</td></tr>\n");
            }
            html.append("</table>\n");
            for (ExperimentTrail.CheckedVerdict verdict : trail.verdicts) {
                html.append("<p>Verdict of injection ").append(esc(String.valueOf(verdict.injectionId())))
                        .append(": recorded <b>").append(esc(String.valueOf(verdict.recorded()))).append("</b>, recomputed <b>")
                        .append(esc(String.valueOf(verdict.recomputed()))).append("</b> — ")
                        .append(verdict.reproduced() ? "<span class=\"ok\">reproduced</span>"
                                : "<span class=\"bad\">not reproduced</span>").append("</p>\n");
                verdict.differences().forEach(d -> html.append("<div class=\"details bad\">").append(esc(d.field()))
                        .append(": recorded ").append(esc(String.valueOf(d.recorded()))).append(" | recomputed ")
                        .append(esc(String.valueOf(d.recomputed()))).append("</div>\n"));
            }
            for (ExperimentTrail.PolicyOutcome outcome : trail.policy) {
                html.append("<p>Under the policy: recorded ").append(esc(String.valueOf(outcome.recorded())))
                        .append(" (").append(esc(outcome.recordedStop())).append("), would have been <b>")
                        .append(esc(String.valueOf(outcome.wouldBe()))).append("</b></p>\n");
                outcome.trips().forEach(t -> html.append("<div class=\"details\">guardrail ").append(esc(t.guardrailId()))
                        .append(" would have stopped the run at ").append(esc(t.at().toString())).append(", observed ")
                        .append(t.observed()).append("</div>\n"));
                outcome.predictions().forEach(p -> html.append("<div class=\"details\">prediction ")
                        .append(esc(p.predictionId())).append(": threshold ").append(p.recordedThreshold()).append(" → ")
                        .append(p.policyThreshold()).append(", ").append(esc(p.recordedOutcome())).append(" → ")
                        .append(esc(p.policyOutcome())).append("</div>\n"));
            }
        }
        return html.append("</body></html>\n").toString();
    }

    private static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
