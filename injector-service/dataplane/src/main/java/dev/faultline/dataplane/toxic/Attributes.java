package dev.faultline.dataplane.toxic;

/** Checks on toxic attributes, with messages that name the attribute, the rule and the unit. */
final class Attributes {

    private Attributes() {
    }

    static void atLeast(String name, long value, long min, String unit) {
        if (value < min) {
            throw new IllegalArgumentException("attribute '" + name + "' must be >= " + min + " " + unit + ", was " + value);
        }
    }
}
