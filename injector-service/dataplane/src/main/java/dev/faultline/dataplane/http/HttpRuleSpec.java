package dev.faultline.dataplane.http;

import java.util.Objects;

/**
 * The common envelope of an L7 fault rule: its name, the action type's name, which requests
 * it matches, the share of matching requests it affects (0..1) and the action's own attributes.
 */
public record HttpRuleSpec(String name, String type, HttpMatch match, double share, HttpAction action) {

    public HttpRuleSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(action, "action");
        if (name == null || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("rule name must be non-blank and contain no '/', was '" + name + "'");
        }
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("share must be a number from 0 to 1 (the share of matching requests affected), was " + share);
        }
    }
}
