package dev.faultline.injector.probe;

import dev.faultline.schemas.measure.SampleView;
import dev.faultline.kit.probe.ProbeAnswer;
import java.time.Instant;
import java.util.List;

/**
 * One probe observation: when the request was sent, how long it took, the status, whether it counts as a success
 * (see {@link ProbeAnswer}), which response headers were present (names), the error if there was no answer, and
 * what a METRIC or LOG probe measured (null for HTTP probes, or when nothing could be measured), and the trace its
 * request was sent in (null when tracing is off, or for a file).
 */
public record Sample(String probeId, String component, Instant at, double latencyMillis, Integer status, boolean ok,
                     List<String> headers, String error, Double value, String traceId) {

    public Sample {
        headers = List.copyOf(headers);
    }

    /** A sample with no measured value and no trace. */
    public Sample(String probeId, String component, Instant at, double latencyMillis, Integer status, boolean ok,
                  List<String> headers, String error) {
        this(probeId, component, at, latencyMillis, status, ok, headers, error, null, null);
    }

    public static Sample of(String probeId, String component, ProbeAnswer answer) {
        return new Sample(probeId, component, answer.at(), answer.latencyMillis(), answer.status(), answer.ok(),
                answer.headers(), answer.error(), null, answer.traceId());
    }

    /** What the shared statistics read of this sample. */
    public SampleView view() {
        return new SampleView(latencyMillis, status, ok, headers, value);
    }
}
