package dev.faultline.agent.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** One fault removed, and whether the agent verified on the host that its effect is gone. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Removal(String name, String kind, String holder, boolean verified, String detail, Map<String, Object> evidence,
                     long millis) {
}
