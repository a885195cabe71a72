package dev.faultline.safety.plan;

import java.time.Duration;
import java.util.Map;

/**
 * One probe of a plan as the baseline check needs it: an HTTP request to send, or the metric or log source a METRIC
 * or LOG probe reads. {@code kind} is the contract's probe kind by name; HTTP probes are measured against their norm,
 * METRIC and LOG sources are checked to be there.
 *
 * @param body       the request body (e.g. a POST's JSON), null for none
 * @param parameters a METRIC or LOG probe's own settings (the metric and labels, the lines to count)
 */
public record Probe(String probeId, String kind, String url, String method, long timeoutMillis, Map<String, String> headers,
                    String body, Map<String, String> parameters) {

    /** The longest a preflight waits for one probe's answer or source, so that a preflight stays short. */
    public static final Duration PREFLIGHT_MAX_TIMEOUT = Duration.ofSeconds(3);

    public Probe {
        headers = Map.copyOf(headers);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** An HTTP probe. */
    public Probe(String probeId, String kind, String url, String method, long timeoutMillis, Map<String, String> headers,
                 String body) {
        this(probeId, kind, url, method, timeoutMillis, headers, body, Map.of());
    }

    /** A METRIC or LOG probe: what it reads must be there before anything is injected. */
    public boolean readsASource() {
        return "METRIC".equals(kind) || "LOG".equals(kind);
    }

    public boolean isHttp() {
        return "HTTP".equals(kind);
    }

    /** How long a preflight waits for this probe: its own timeout, never more than {@link #PREFLIGHT_MAX_TIMEOUT}. */
    public Duration preflightTimeout() {
        return Duration.ofMillis(Math.min(Math.max(timeoutMillis, 1), PREFLIGHT_MAX_TIMEOUT.toMillis()));
    }
}
