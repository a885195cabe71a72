package dev.faultline.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders catalog-service's view of one experiment: the status line, then its timeline. */
public final class StatusView {

    private StatusView() {
    }

    public static String render(JsonNode experiment) {
        StringBuilder out = new StringBuilder();
        out.append(experiment.path("experimentId").asText("?")).append("  ")
                .append(experiment.path("status").asText("UNKNOWN")).append('\n');
        line(out, "service", experiment.path("service").asText("?") + " / " + experiment.path("faultType").asText("?"));
        line(out, "environment", experiment.path("environment").asText("?"));
        if (!experiment.path("revision").isMissingNode() && !experiment.path("revision").isNull()) {
            line(out, "revision", experiment.path("revision").asText());
        }
        JsonNode verdict = experiment.path("verdict");
        if (!verdict.isMissingNode() && !verdict.isNull()) {
            line(out, "verdict", verdict.isTextual() ? verdict.asText()
                    : verdict.path("outcome").asText(verdict.toString()));
        }
        JsonNode timeline = experiment.path("timeline");
        out.append("timeline:\n");
        if (timeline.isEmpty()) {
            out.append("  (no events yet)\n");
        }
        for (JsonNode entry : timeline) {
            out.append(String.format("  %s  %-20s %s%n", Times.clock(entry.path("at")), entry.path("type").asText("?"),
                    entry.path("summary").asText("")));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-12s %s%n", label + ":", value));
    }
}
