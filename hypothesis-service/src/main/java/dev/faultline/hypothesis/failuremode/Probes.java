package dev.faultline.hypothesis.failuremode;

import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import java.util.Map;

/** Builds the HTTP probes templates use. */
final class Probes {

    /** The injector's and safety's HTTP probers send this request header's value as the body and drop the header. */
    static final String BODY_HEADER = "x-faultline-body";
    static final long TIMEOUT_MILLIS = 3000;

    private Probes() {
    }

    static ProbeSpec get(String probeId, String url, long intervalMillis, String component) {
        return http(probeId, "GET", url, intervalMillis, Map.of(), component);
    }

    static ProbeSpec postJson(String probeId, String url, long intervalMillis, String body, String component) {
        return http(probeId, "POST", url, intervalMillis, Map.of("content-type", "application/json", BODY_HEADER, body),
                component);
    }

    private static ProbeSpec http(String probeId, String method, String url, long intervalMillis,
                                  Map<String, String> headers, String component) {
        return ProbeSpec.newBuilder().setProbeId(probeId).setKind(ProbeKind.HTTP).setTarget(url).setMethod(method)
                .setIntervalMillis(intervalMillis).setTimeoutMillis(TIMEOUT_MILLIS).setRequestHeaders(headers)
                .setComponent(component).build();
    }
}
