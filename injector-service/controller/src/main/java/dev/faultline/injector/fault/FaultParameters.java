package dev.faultline.injector.fault;

import java.util.Map;
import java.util.Optional;

/** A FaultSpec's string parameters, read as numbers or texts, with the parameter's name in the error when one is not. */
public record FaultParameters(Map<String, String> values) {

    /** A whole, non-negative number under {@code name} (or its {@code alias}), else {@code fallback}. */
    public long number(String name, String alias, long fallback) {
        String raw = optional(name).or(() -> optional(alias)).orElse(null);
        if (raw == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value < 0) {
                throw new UnsupportedFaultException("parameter " + name + " must not be negative, was " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UnsupportedFaultException("parameter " + name + " must be a whole number, was '" + raw + "'");
        }
    }

    public String text(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values == null ? null : values.get(name));
    }
}
