package dev.faultline.devstack.registry;

/** Avro schemas the registry tests register, written in Avro's canonical (compact) form. */
final class Schemas {

    static final String USER_V1 =
            "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
    /** Adds a field with a default: backward and forward compatible with v1. */
    static final String USER_V2 =
            "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
            + "{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}";
    /** Adds a field without a default: cannot read v1 data, so not backward compatible. */
    static final String USER_NO_DEFAULT =
            "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
            + "{\"name\":\"email\",\"type\":\"string\"}]}";
    /** Drops a field without a default: backward compatible, not forward compatible with v1. */
    static final String USER_EMPTY = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":[]}";
    static final String ADDRESS =
            "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"t\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
    /** Uses t.Address by name (relative to its namespace): needs a reference to resolve. */
    static final String CUSTOMER =
            "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"t\",\"fields\":[{\"name\":\"address\",\"type\":\"Address\"}]}";

    private Schemas() {
    }

    static String record(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"long\"}]}";
    }
}
