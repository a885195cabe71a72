package dev.faultline.dataplane.http;

import io.netty.handler.codec.http.HttpRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which requests a rule is about: a method (any when null), a path pattern and headers that
 * must all be present with the given value (names case-insensitive, values exact; a header
 * sent several times matches when any of its values does).
 */
public record HttpMatch(String method, PathPattern path, Map<String, String> headers) {

    /** Every request. */
    public static final HttpMatch ANY = new HttpMatch(null, PathPattern.ANY, Map.of());

    public HttpMatch {
        Objects.requireNonNull(path, "path");
        if (method != null) {
            if (!method.matches("[A-Za-z]+")) {
                throw new IllegalArgumentException("match.method must be an HTTP method such as GET, was '" + method + "'");
            }
            method = method.toUpperCase(Locale.ROOT);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        (headers == null ? Map.<String, String>of() : headers).forEach((name, value) -> {
            if (name == null || name.isBlank() || value == null) {
                throw new IllegalArgumentException("match.headers must map header names to string values, got " + name + "=" + value);
            }
            copy.put(name, value);
        });
        headers = Collections.unmodifiableMap(copy);
    }

    public boolean matches(HttpRequest request) {
        if (method != null && !method.equals(request.method().name())) {
            return false;
        }
        if (!path.matches(pathOf(request.uri()))) {
            return false;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!request.headers().getAll(header.getKey()).contains(header.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The path of a request target: origin form as is, absolute form without scheme and authority, no query. */
    static String pathOf(String uri) {
        String target = uri;
        int scheme = target.indexOf("://");
        if (scheme > 0 && scheme < target.indexOf('/')) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
