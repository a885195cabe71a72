package dev.faultline.devstack.registry;

import java.util.Locale;
import java.util.Optional;

/** Confluent's compatibility levels; {@link #BACKWARD} is the default when nothing is configured. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Case-insensitive lookup, as Confluent's {@code CompatibilityLevel.forName}. */
    public static Optional<CompatibilityLevel> forName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** New schema must read data written with the old one(s). */
    public boolean backward() {
        return backward;
    }

    /** Old schema(s) must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every live version, not only the latest. */
    public boolean transitive() {
        return transitive;
    }
}
