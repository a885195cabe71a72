package dev.faultline.hypothesis.failuremode;

import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import java.util.Map;

/** Builds the probes templates use: HTTP requests, and the target's metrics and logs when it declares them. */
final class Probes {

    static final long TIMEOUT_MILLIS = 3000;

    private Probes() {
    }

    static ProbeSpec get(String probeId, String url, long intervalMillis, String component) {
        return http(probeId, "GET", url, intervalMillis, Map.of(), null, component);
    }

    /** A POST whose request body is {@code body}, sent as JSON. */
    static ProbeSpec postJson(String probeId, String url, long intervalMillis, String body, String component) {
        return http(probeId, "POST", url, intervalMillis, Map.of("content-type", "application/json"), body, component);
    }

    /** A METRIC probe scraping {@code url} every second, reading what {@code parameters} ask for. */
    static ProbeSpec metric(String probeId, String url, Map<String, String> parameters, String component) {
        return ProbeSpec.newBuilder().setProbeId(probeId).setKind(ProbeKind.METRIC).setTarget(url).setMethod(null)
                .setIntervalMillis(1000).setTimeoutMillis(TIMEOUT_MILLIS).setComponent(component)
                .setParameters(parameters).build();
    }

    /** A LOG probe counting, every second, the lines of {@code file} that {@code parameters} select. */
    static ProbeSpec log(String probeId, String file, Map<String, String> parameters, String component) {
        return ProbeSpec.newBuilder().setProbeId(probeId).setKind(ProbeKind.LOG).setTarget(file).setMethod(null)
                .setIntervalMillis(1000).setTimeoutMillis(TIMEOUT_MILLIS).setComponent(component)
                .setParameters(parameters).build();
    }

    private static ProbeSpec http(String probeId, String method, String url, long intervalMillis,
                                  Map<String, String> headers, String body, String component) {
        return ProbeSpec.newBuilder().setProbeId(probeId).setKind(ProbeKind.HTTP).setTarget(url).setMethod(method)
                .setIntervalMillis(intervalMillis).setTimeoutMillis(TIMEOUT_MILLIS).setRequestHeaders(headers)
                .setBody(body).setComponent(component).build();
    }
}
