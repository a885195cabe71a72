package dev.faultline.hypothesis.failuremode;

import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import java.util.Map;

/** Builds the HTTP probes templates use. */
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

    private static ProbeSpec http(String probeId, String method, String url, long intervalMillis,
                                  Map<String, String> headers, String body, String component) {
        return ProbeSpec.newBuilder().setProbeId(probeId).setKind(ProbeKind.HTTP).setTarget(url).setMethod(method)
                .setIntervalMillis(intervalMillis).setTimeoutMillis(TIMEOUT_MILLIS).setRequestHeaders(headers)
                .setBody(body).setComponent(component).build();
    }
}
