package dev.faultline.agent.kind;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks on fault attributes, with messages that name the attribute, the rule and the unit. */
final class Attributes {

    static final long MIB = 1024L * 1024;

    private Attributes() {
    }

    static void between(String name, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("attribute '" + name + "' must be from " + min + " to " + max + " " + unit + ", was " + value);
        }
    }

    static void notBlank(String name, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("attribute '" + name + "' must be " + what + ", was " + (value == null ? "missing" : "blank"));
        }
    }

    static Pattern regex(String name, String value) {
        notBlank(name, value, "a regular expression matching the whole command line of the target process");
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("attribute '" + name + "' is not a regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + " of '" + value + "'");
        }
    }

    /** Bytes as mebibytes with one decimal, for messages. */
    static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) MIB);
    }
}
