package dev.faultline.cli.followup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code POST /proposals} body that reruns a RERUN follow-up's experiment: the same service, failure mode and
 * environment (and, when the experiment's hypothesis is known, the same dependency, duration and traffic share), with
 * reason OTHER and a motivation naming the follow-up.
 */
final class RerunProposal {

    private RerunProposal() {
    }

    /**
     * @param hypothesis the experiment's latest hypothesis as hypothesis-service shows it, or a missing node
     * @throws IllegalStateException when the follow-up is not a RERUN
     */
    static Map<String, Object> body(JsonNode followUp, JsonNode hypothesis, String note) {
        String id = followUp.path("followUpId").asText();
        String kind = followUp.path("kind").asText();
        if (!"RERUN".equals(kind)) {
            throw new IllegalStateException("follow-up " + id + " is a " + kind + " follow-up; only a RERUN one becomes a"
                    + " proposal (list them with `faultline follow-ups list --state OPEN`)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", followUp.path("service").asText());
        body.put("faultType", followUp.path("faultType").asText());
        JsonNode dependency = hypothesis.path("scenario").path("target").path("dependency");
        if (dependency.isTextual()) {
            body.put("dependency", dependency.asText());
        }
        body.put("environment", followUp.path("environment").asText());
        body.put("reason", "OTHER");
        body.put("motivation", "rerun for follow-up " + id + " (RERUN) of experiment "
                + followUp.path("experimentId").asText() + ": " + followUp.path("description").asText()
                + (note == null || note.isBlank() ? "" : " — " + note.strip()));
        JsonNode duration = hypothesis.path("scenario").path("durationMillis");
        if (duration.isNumber()) {
            body.put("durationSeconds", Math.max(1, duration.asLong() / 1000));
        }
        JsonNode share = hypothesis.path("blastRadius").path("trafficShare");
        if (share.isNumber()) {
            body.put("trafficShare", share.asDouble());
        }
        return body;
    }
}
