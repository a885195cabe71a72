package dev.faultline.agent.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** The agent's measurement of a fault's effect: as it should be or not, in a sentence, and the figures. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Measurement(boolean ok, String detail, Map<String, Object> evidence) {
}
