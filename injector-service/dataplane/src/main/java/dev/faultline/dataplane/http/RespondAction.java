package dev.faultline.dataplane.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * {@code respond}: the proxy answers in upstream's place, which never sees the request.
 * {@code Content-Length} is always set from the body; a non-empty body without a
 * {@code Content-Type} header gets {@code content_type}. A HEAD request gets the headers only.
 *
 * @param status      HTTP status code, 200..599 (default 503)
 * @param headers     response headers in order, e.g. {@code {"Retry-After": "5"}} (default none)
 * @param body        response body as UTF-8 text (default empty)
 * @param contentType Content-Type of a non-empty body when {@code headers} sets none (default text/plain)
 */
public record RespondAction(int status, Map<String, String> headers, String body,
                            @JsonProperty("content_type") String contentType) implements HttpAction {

    public RespondAction {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("attribute 'status' must be an HTTP status code from 200 to 599, was " + status);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name.isBlank() || value == null || name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("transfer-encoding")) {
                    throw new IllegalArgumentException("attribute 'headers' must map names to string values and may not set "
                            + "Content-Length or Transfer-Encoding (the proxy frames the body); got " + name + "=" + value);
                }
                copy.put(name, value);
            });
        }
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
        contentType = contentType == null ? "text/plain; charset=utf-8" : contentType;
    }

    @Override
    public Outcome apply(HttpRequest request, RandomGenerator random) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> out = new ArrayList<>(headers.entrySet());
        if (bytes.length > 0 && headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
            out.add(Map.entry("Content-Type", contentType));
        }
        out.add(Map.entry("Content-Length", Integer.toString(bytes.length)));
        boolean head = request.method().equals(HttpMethod.HEAD);
        return new Outcome.Respond(status, List.copyOf(out), head ? new byte[0] : bytes);
    }
}
