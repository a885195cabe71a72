package dev.faultline.cli.followup;

import com.fasterxml.jackson.databind.JsonNode;

/** The follow-up queue as text: one line per follow-up (id, state, kind, what, who, experiment), its action below. */
final class FollowUpsView {

    private FollowUpsView() {
    }

    static String render(JsonNode followUps) {
        if (followUps.isEmpty()) {
            return "(no follow-ups)" + System.lineSeparator();
        }
        StringBuilder text = new StringBuilder();
        followUps.forEach(f -> text.append(line(f)).append(System.lineSeparator())
                .append("    ").append(f.path("description").asText()).append(System.lineSeparator()));
        return text.toString();
    }

    /** One follow-up on a line. */
    static String line(JsonNode f) {
        String prediction = f.path("predictionId").isTextual() ? " " + f.path("predictionId").asText() : "";
        return String.format("%s  %-8s  %-17s  %s %s%s  %s  %s", f.path("followUpId").asText(),
                f.path("state").asText(), f.path("kind").asText(), f.path("service").asText(),
                f.path("faultType").asText(), prediction,
                f.path("assignee").isTextual() ? "@" + f.path("assignee").asText() : "(unassigned)",
                f.path("experimentId").asText());
    }
}
