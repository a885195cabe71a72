package dev.faultline.kit.probe;

import dev.faultline.schemas.measure.SampleView;
import java.time.Instant;
import java.util.List;

/**
 * What one probe request showed. The one meaning of success: an HTTP answer with a 2xx or 3xx status is {@code ok};
 * any other status (4xx and 5xx alike) and no answer at all (refused, reset, timed out) are failures, so that the
 * error rate and the success rate always add up to 1. A failure without an answer has a null status and an error.
 *
 * @param at      when the request was sent
 * @param headers the names of the response headers, lower case
 */
public record ProbeAnswer(Instant at, double latencyMillis, Integer status, boolean ok, List<String> headers,
                          String error, String traceId) {

    public ProbeAnswer {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status < 400;
    }

    public static ProbeAnswer answered(Instant at, double latencyMillis, int status, List<String> headers) {
        return new ProbeAnswer(at, latencyMillis, status, isSuccess(status), headers, null, null);
    }

    public static ProbeAnswer unanswered(Instant at, double latencyMillis, String error) {
        return new ProbeAnswer(at, latencyMillis, null, false, List.of(), error, null);
    }

    /** This answer, naming the trace its request was sent in (null when tracing is off). */
    public ProbeAnswer tracedIn(String trace) {
        return new ProbeAnswer(at, latencyMillis, status, ok, headers, error, trace);
    }

    /** Whether an HTTP answer came back, whatever its status. */
    public boolean hasAnswer() {
        return status != null;
    }

    /** The failure in words: the error, or {@code status N} for an answer that is not a success; null when ok. */
    public String problem() {
        if (ok) {
            return null;
        }
        return error != null ? error : "status " + status;
    }

    public SampleView view() {
        return new SampleView(latencyMillis, status, ok, headers);
    }
}
