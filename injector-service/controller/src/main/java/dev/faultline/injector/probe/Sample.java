package dev.faultline.injector.probe;

import dev.faultline.schemas.measure.SampleView;
import dev.faultline.kit.probe.ProbeAnswer;
import java.time.Instant;
import java.util.List;

/**
 * One probe observation: when the request was sent, how long it took, the status, whether it counts as a success
 * (see {@link ProbeAnswer}), which response headers were present (names) and the error if there was no answer.
 */
public record Sample(String probeId, String component, Instant at, double latencyMillis, Integer status, boolean ok,
                     List<String> headers, String error) {

    public Sample {
        headers = List.copyOf(headers);
    }

    public static Sample of(String probeId, String component, ProbeAnswer answer) {
        return new Sample(probeId, component, answer.at(), answer.latencyMillis(), answer.status(), answer.ok(),
                answer.headers(), answer.error());
    }

    /** What the shared statistics read of this sample. */
    public SampleView view() {
        return new SampleView(latencyMillis, status, ok, headers);
    }
}
