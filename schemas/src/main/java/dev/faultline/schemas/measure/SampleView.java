package dev.faultline.schemas.measure;

import dev.faultline.schemas.avro.ProbeSample;
import java.util.List;

/**
 * The part of a probe sample that the statistics read: latency, HTTP status (null without an answer), whether the
 * probe judged it a success, the response headers seen, and the value a METRIC or LOG probe measured. Each service
 * maps its own sample type onto this view.
 *
 * @param headers the response headers, each recorded as a name or as {@code name: value}
 * @param value   what a METRIC or LOG probe measured; null for HTTP probes and when nothing could be measured
 */
public record SampleView(double latencyMillis, Integer status, boolean ok, List<String> headers, Double value) {

    public SampleView {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    /** The view of an HTTP sample (no measured value). */
    public SampleView(double latencyMillis, Integer status, boolean ok, List<String> headers) {
        this(latencyMillis, status, ok, headers, null);
    }

    /** The view of a sample as the contract carries it. */
    public static SampleView of(ProbeSample sample) {
        return new SampleView(sample.getLatencyMillis(), sample.getStatus(), sample.getOk(),
                immutable(sample.getHeaders()), sample.getValue());
    }

    /**
     * The usual one or two headers as an immutable list directly: {@code List.copyOf} then keeps it as it is, where
     * copying a decoded Avro array walks it through an iterator (a verdict views every sample of its evidence).
     */
    private static List<String> immutable(List<String> headers) {
        return headers == null ? null : switch (headers.size()) {
            case 0 -> List.of();
            case 1 -> List.of(headers.get(0));
            case 2 -> List.of(headers.get(0), headers.get(1));
            default -> headers;
        };
    }

    /**
     * Whether a header named {@code name} was seen: names compare case-insensitively, a recorded value is ignored.
     * Compared in place (trimmed as {@link String#trim} does), without a lower-cased copy of every header: guardrails
     * and verdicts ask it of every sample.
     */
    public boolean hasHeader(String name) {
        String wanted = name.trim();
        for (String recorded : headers) {
            int colon = recorded.indexOf(':');
            int end = colon < 0 ? recorded.length() : colon;
            int start = 0;
            while (start < end && recorded.charAt(start) <= ' ') {
                start++;
            }
            while (end > start && recorded.charAt(end - 1) <= ' ') {
                end--;
            }
            if (end - start == wanted.length() && recorded.regionMatches(true, start, wanted, 0, wanted.length())) {
                return true;
            }
        }
        return false;
    }
}
