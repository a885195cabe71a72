package dev.faultline.agent.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What a rollback rehearsal did on the host, step by step; {@code ok} when every step was. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rehearsal(String kind, boolean ok, List<Step> steps) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String action, boolean ok, String detail) {
    }
}
