package dev.faultline.agent.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/** A fault in force on a host, with its lease and a measurement of its effect. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fault(String name, String kind, String holder, long ttlMillis, Instant expiresAt, Instant createdAt,
                    Map<String, Object> attributes, Measurement effect) {
}
