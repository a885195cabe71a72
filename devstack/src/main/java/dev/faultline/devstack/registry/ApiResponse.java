package dev.faultline.devstack.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: a status and either a JSON-serialisable body or raw text. */
record ApiResponse(int status, Object body, String raw) {

    static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, null);
    }

    /** An unescaped schema string, as the {@code .../schema} endpoints answer. */
    static ApiResponse raw(String text) {
        return new ApiResponse(200, null, text);
    }

    static ApiResponse error(int status, int errorCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message);
        return new ApiResponse(status, body, null);
    }
}
