package dev.faultline.cli.http;

import java.util.List;

/**
 * A call to a Faultline service failed: it could not be reached ({@link #status()} 0) or it
 * answered an error, whose message and reasons are kept as the service sent them.
 */
public class ServiceCallException extends RuntimeException {

    private final int status;
    private final String error;
    private final List<String> reasons;

    public ServiceCallException(String message, int status, String error, List<String> reasons) {
        super(message);
        this.status = status;
        this.error = error;
        this.reasons = List.copyOf(reasons);
    }

    /** The HTTP status, or 0 when the service was not reachable. */
    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public List<String> reasons() {
        return reasons;
    }

    /** The message and, one per line, each reason the service gave. */
    public String describe() {
        StringBuilder out = new StringBuilder(getMessage());
        reasons.forEach(reason -> out.append(System.lineSeparator()).append("  - ").append(reason));
        return out.toString();
    }
}
