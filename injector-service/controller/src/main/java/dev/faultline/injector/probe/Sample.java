package dev.faultline.injector.probe;

import java.time.Instant;
import java.util.List;

/**
 * One probe observation: when the request was sent, how long it took, the status, whether it counts as a success
 * (2xx/3xx and no error), which response headers were present (names) and the error if there was no answer.
 */
public record Sample(String probeId, String component, Instant at, double latencyMillis, Integer status, boolean ok,
                     List<String> headers, String error) {

    public Sample {
        headers = List.copyOf(headers);
    }

    public boolean hasHeader(String name) {
        return headers.stream().anyMatch(h -> h.equalsIgnoreCase(name));
    }
}
