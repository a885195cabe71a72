package dev.faultline.cli.schedule;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders {@code faultline schedule list}: the deferred experiments, then the catalog entries due for a re-run. */
public final class ScheduleView {

    private ScheduleView() {
    }

    public static String render(JsonNode schedules, JsonNode reverifications) {
        StringBuilder out = new StringBuilder("scheduled:\n");
        if (schedules.isEmpty()) {
            out.append("  (nothing scheduled)\n");
        }
        for (JsonNode s : schedules) {
            out.append(String.format("  %-28s %-10s %-11s %s – %s, starts by %s%n", s.path("experimentId").asText("?"),
                    s.path("state").asText("?"), s.path("environment").asText("?"), s.path("windowStart").asText("?"),
                    s.path("windowEnd").asText("?"), s.path("latestStart").asText("?")));
            if (s.hasNonNull("lastPreflight")) {
                out.append("      last preflight: ").append(s.path("lastPreflight").asText()).append('\n');
            }
        }
        out.append("catalog entries due for re-verification:\n");
        if (reverifications.isEmpty()) {
            out.append("  (none: every entry is fresh)\n");
        }
        for (JsonNode r : reverifications) {
            out.append(String.format("  %-36s %-9s stale: %s%s%n", r.path("behaviourKey").asText("?"),
                    r.path("state").asText("?"), r.path("staleReason").asText("?"),
                    r.hasNonNull("experimentId") ? " → " + r.path("experimentId").asText()
                            + (r.hasNonNull("rerunOf") ? " (re-runs " + r.path("rerunOf").asText() + ")" : "") : ""));
        }
        return out.toString();
    }
}
