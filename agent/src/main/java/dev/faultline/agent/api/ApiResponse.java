package dev.faultline.agent.api;

/** An API answer: status, content type and body bytes. */
public record ApiResponse(int status, String contentType, byte[] body) {

    public static final String JSON = "application/json";

    public static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, JSON, body);
    }
}
