package dev.faultline.dataplane.api;

/** A management-API answer: status, content type and body bytes. */
public record ApiResponse(int status, String contentType, byte[] body) {

    public static final String JSON = "application/json";

    public static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, JSON, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, JSON, new byte[0]);
    }
}
