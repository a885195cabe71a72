package dev.faultline.dataplane.api;

import java.util.Map;

/**
 * One management-API request, already read off the wire: method, path without query,
 * decoded query parameters and the raw body (empty when none).
 */
public record ApiRequest(String method, String path, Map<String, String> query, byte[] body) {

    public ApiRequest {
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    /** Path segments without empty parts: {@code /proxies/a/toxics} gives {@code [proxies, a, toxics]}. */
    public String[] segments() {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
