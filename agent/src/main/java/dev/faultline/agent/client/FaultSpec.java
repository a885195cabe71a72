package dev.faultline.agent.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A fault to put in force on a host: unique name, kind ({@code cpu}, {@code memory}, {@code disk},
 * {@code pause}, {@code kill}), the lease holder (the controller's id) and time to live between
 * renewals, and the kind's attributes (see the agent's README for each kind's, with units).
 */
public record FaultSpec(String name, String kind, String holder, Duration ttl, Map<String, Object> attributes) {

    public FaultSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(ttl, "ttl");
        attributes = Map.copyOf(attributes);
    }
}
