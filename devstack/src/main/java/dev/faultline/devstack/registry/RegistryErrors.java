package dev.faultline.devstack.registry;

/** Confluent Schema Registry's error codes and messages (its {@code rest.exceptions.Errors}). */
public final class RegistryErrors {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_SOFT_DELETED = 40404;
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    public static final int VERSION_SOFT_DELETED = 40406;
    public static final int VERSION_NOT_SOFT_DELETED = 40407;
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int SUBJECT_MODE_NOT_CONFIGURED = 40409;
    /** Confluent Platform 5.x–7.x answer an incompatible schema with error_code 409. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int INVALID_MODE = 42204;
    public static final int OPERATION_NOT_PERMITTED = 42205;
    public static final int REFERENCE_EXISTS = 42206;
    public static final int STORE_ERROR = 50001;
    public static final int OPERATION_TIMEOUT = 50002;

    private RegistryErrors() {
    }

    public static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    public static RegistryException versionNotFound(int version) {
        return new RegistryException(404, VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    public static RegistryException schemaNotFound() {
        return new RegistryException(404, SCHEMA_NOT_FOUND, "Schema not found");
    }

    public static RegistryException schemaNotFound(int id) {
        return new RegistryException(404, SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }

    public static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(404, SUBJECT_SOFT_DELETED,
                "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
    }

    public static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(404, SUBJECT_NOT_SOFT_DELETED,
                "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    public static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(404, VERSION_SOFT_DELETED, "Subject '" + subject + "' Version " + version
                + " was soft deleted.Set permanent=true to delete permanently");
    }

    public static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(404, VERSION_NOT_SOFT_DELETED, "Subject '" + subject + "' Version " + version
                + " was not deleted first before being permanently deleted");
    }

    public static RegistryException compatibilityNotConfigured(String subject) {
        return new RegistryException(404, SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    public static RegistryException modeNotConfigured(String subject) {
        return new RegistryException(404, SUBJECT_MODE_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level mode configured");
    }

    public static RegistryException incompatible(String subject, Iterable<String> details) {
        return new RegistryException(409, INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible with"
                + " an earlier schema for subject \"" + subject + "\", details: " + String.join(", ", details));
    }

    public static RegistryException invalidSchema(String message) {
        return new RegistryException(422, INVALID_SCHEMA, message);
    }

    public static RegistryException invalidVersion(String version) {
        return new RegistryException(422, INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    public static RegistryException invalidCompatibilityLevel() {
        return new RegistryException(422, INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level. Valid values"
                + " are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    public static RegistryException invalidMode() {
        return new RegistryException(422, INVALID_MODE,
                "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE and IMPORT.");
    }

    public static RegistryException operationNotPermitted(String message) {
        return new RegistryException(422, OPERATION_NOT_PERMITTED, message);
    }

    public static RegistryException referenceExists(String subject, int version) {
        return new RegistryException(422, REFERENCE_EXISTS, "One or more references exist to the schema {magic=1,"
                + "keytype=SCHEMA,subject=" + subject + ",version=" + version + "}.");
    }

    public static RegistryException storeError(String message) {
        return new RegistryException(500, STORE_ERROR, message);
    }

    public static RegistryException timeout(String message) {
        return new RegistryException(500, OPERATION_TIMEOUT, message);
    }
}
