package dev.faultline.agent.api;

/**
 * A request the agent refuses, with the HTTP status and a message that tells the caller what
 * to fix. Rendered as the data plane renders its refusals: {@code {"error": message, "status": status}}.
 */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
