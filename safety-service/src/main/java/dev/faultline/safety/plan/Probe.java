package dev.faultline.safety.plan;

import java.util.Map;

/**
 * One probe of a plan as the baseline check needs it: an HTTP request to send. {@code kind} is the contract's probe
 * kind by name; only {@code HTTP} probes can be measured by safety-service.
 *
 * @param body the request body (e.g. a POST's JSON), null for none
 */
public record Probe(String probeId, String kind, String url, String method, long timeoutMillis, Map<String, String> headers,
                    String body) {

    public Probe {
        headers = Map.copyOf(headers);
    }

    public boolean isHttp() {
        return "HTTP".equals(kind);
    }
}
