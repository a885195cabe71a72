package dev.faultline.safety.plan;

import java.util.Map;

/**
 * One probe of a plan as the baseline check needs it: an HTTP request to send. {@code kind} is the contract's probe
 * kind by name; only {@code HTTP} probes can be measured by safety-service.
 */
public record Probe(String probeId, String kind, String url, String method, long timeoutMillis, Map<String, String> headers) {

    /** The request header carrying a POST probe's body (the prober sends it as the body, never as a header). */
    public static final String BODY_HEADER = "x-faultline-body";

    public Probe {
        headers = Map.copyOf(headers);
    }

    public boolean isHttp() {
        return "HTTP".equals(kind);
    }
}
