package dev.faultline.devstack.registry;

/**
 * A request the registry refuses, carrying Confluent's HTTP status and {@code error_code}; the
 * HTTP layer turns it into {@code {"error_code": ..., "message": ...}}.
 */
public final class RegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public RegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }
}
