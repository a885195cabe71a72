package dev.faultline.dataplane.toxic;

import java.util.Objects;

/**
 * The common envelope of a toxic, as Toxiproxy has it: name, type name, stream, toxicity (the
 * share of connections it affects, 0..1) and the type's own attributes.
 */
public record ToxicSpec(String name, String type, Stream stream, double toxicity, Toxic attributes) {

    public ToxicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(attributes, "attributes");
        if (!(toxicity >= 0.0 && toxicity <= 1.0)) {
            throw new IllegalArgumentException("toxicity must be between 0 and 1, was " + toxicity);
        }
    }

    /** Toxiproxy's default name when none is given: {@code <type>_<stream>}. */
    public static String defaultName(String type, Stream stream) {
        return type + "_" + stream.wireName();
    }

    /** Whether a connection drawing {@code draw} (uniform in [0,1)) is affected. */
    public boolean affects(double draw) {
        return draw < toxicity;
    }
}
