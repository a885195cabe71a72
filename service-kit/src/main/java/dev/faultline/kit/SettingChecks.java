package dev.faultline.kit;

/**
 * Checks the settings classes run on a bound value, so that a bad setting stops the service at start with the key
 * named rather than failing later in a client, a timer or a CQL statement.
 */
public final class SettingChecks {

    private SettingChecks() {
    }

    /** {@code value}, or an {@link IllegalArgumentException} naming {@code key} when it is missing or blank. */
    public static String notBlank(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must be set");
        }
        return value;
    }

    /** {@code value}, or an {@link IllegalArgumentException} naming {@code key} when it is below {@code min}. */
    public static long atLeast(long value, long min, String key) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", was " + value);
        }
        return value;
    }
}
