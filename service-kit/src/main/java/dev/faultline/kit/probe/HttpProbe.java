package dev.faultline.kit.probe;

import dev.faultline.schemas.avro.ProbeSpec;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request a probe sends: where, with which method, headers and body, and how long to wait for the answer.
 *
 * @param body the request body, null for none; its content type belongs in {@code headers}
 */
public record HttpProbe(String url, String method, Map<String, String> headers, String body, Duration timeout) {

    public HttpProbe {
        method = method == null || method.isBlank() ? "GET" : method.trim().toUpperCase(Locale.ROOT);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        timeout = timeout == null || timeout.toMillis() < 1 ? Duration.ofMillis(1) : timeout;
    }

    /** The request of a contract probe (its target is the URL). */
    public static HttpProbe of(ProbeSpec spec) {
        return new HttpProbe(spec.getTarget(), spec.getMethod(), spec.getRequestHeaders(), spec.getBody(),
                Duration.ofMillis(spec.getTimeoutMillis()));
    }
}
