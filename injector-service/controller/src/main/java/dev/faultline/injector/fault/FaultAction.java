package dev.faultline.injector.fault;

import java.util.Map;

/**
 * One fault as the data plane knows it: an L4 toxic (type, stream, toxicity) or an L7 rule (type, share = toxicity,
 * every request matched), with its own attributes in the data plane's units.
 */
public record FaultAction(String name, String type, String stream, double toxicity, Map<String, Object> attributes) {

    public FaultAction {
        attributes = Map.copyOf(attributes);
    }
}
