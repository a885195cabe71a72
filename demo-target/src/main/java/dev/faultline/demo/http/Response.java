package dev.faultline.demo.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, extra headers, content type and body. */
public record Response(int status, Map<String, String> headers, String contentType, byte[] body) {

    public static Response json(int status, Object value) {
        return new Response(status, Map.of(), "application/json", Json.write(value));
    }

    /** A JSON error body {@code {"status": N, "error": "..."}}, the shape Faultline's services use too. */
    public static Response error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        return json(status, body);
    }

    public static Response text(int status, String contentType, String body) {
        return new Response(status, Map.of(), contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** This response with one more header. */
    public Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, Map.copyOf(more), contentType, body);
    }
}
