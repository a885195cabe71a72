package dev.faultline.devstack.registry;

/** A version path segment: an int in [1, 2^31-1], or {@code latest} / {@code -1}. */
record VersionId(int value) {

    static final int LATEST = -1;

    static VersionId parse(String text) {
        if ("latest".equalsIgnoreCase(text)) {
            return new VersionId(LATEST);
        }
        try {
            int value = Integer.parseInt(text);
            if (value == LATEST || value >= 1) {
                return new VersionId(value);
            }
        } catch (NumberFormatException e) {
            // falls through to Confluent's invalid-version error
        }
        throw RegistryErrors.invalidVersion(text);
    }

    boolean isLatest() {
        return value == LATEST;
    }
}
