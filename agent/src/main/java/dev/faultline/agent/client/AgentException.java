package dev.faultline.agent.client;

/**
 * The agent refused a request (its status and message: 400 what to fix, 401 token, 403 not on
 * the allow-list, 404 unknown, 409 name in use or below a floor) or could not be reached (status 0).
 */
public class AgentException extends RuntimeException {

    private final int status;

    public AgentException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when the agent did not answer. */
    public int status() {
        return status;
    }
}
