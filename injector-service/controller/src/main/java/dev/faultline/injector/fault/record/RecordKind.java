package dev.faultline.injector.fault.record;

import dev.faultline.injector.fault.UnsupportedFaultException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of bad record a MALFORMED_RECORD fault writes (parameter {@code kinds}, comma-separated, by these names):
 * bytes that are no JSON, another schema, a field missing, a number sent as a string, an oversized value, no key.
 */
public enum RecordKind {
    GARBAGE, OTHER_SCHEMA, MISSING_FIELD, WRONG_TYPE, OVERSIZED, NULL_KEY;

    /** How the parameter and the record header spell it: {@code other-schema}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether records of this kind are made from the topic's sample record (parameter {@code sample}). */
    boolean needsSample() {
        return this == MISSING_FIELD || this == WRONG_TYPE;
    }

    /** The kinds a {@code kinds} parameter names, in its order; refused with the valid names otherwise. */
    static List<RecordKind> parse(String text) {
        List<RecordKind> kinds = new ArrayList<>();
        for (String name : text.split(",")) {
            String label = name.strip().toLowerCase(Locale.ROOT);
            if (label.isEmpty()) {
                continue;
            }
            kinds.add(Arrays.stream(values()).filter(kind -> kind.label().equals(label)).findFirst()
                    .orElseThrow(() -> new UnsupportedFaultException("parameter kinds: '" + label + "' is not one of "
                            + Arrays.stream(values()).map(RecordKind::label).collect(Collectors.joining(", ")))));
        }
        if (kinds.isEmpty()) {
            throw new UnsupportedFaultException("parameter kinds: name at least one of "
                    + Arrays.stream(values()).map(RecordKind::label).collect(Collectors.joining(", ")));
        }
        return List.copyOf(kinds);
    }
}
