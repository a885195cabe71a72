package dev.faultline.schemas.registry;

/**
 * An error answer from the schema registry (HTTP status and Confluent {@code error_code}), or a registry that
 * could not be reached ({@link #UNREACHABLE}).
 */
public class RegistryException extends RuntimeException {

    /** Status and error code used when no registry answered at all. */
    public static final int UNREACHABLE = -1;
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;

    private final int httpStatus;
    private final int errorCode;

    public RegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The HTTP status of the answer, or {@link #UNREACHABLE}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Confluent {@code error_code} of the answer (e.g. 40403), the HTTP status if the body had none, or {@link #UNREACHABLE}. */
    public int errorCode() {
        return errorCode;
    }

    /** Whether the registry answered that the subject, version or schema does not exist. */
    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
