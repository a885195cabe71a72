package dev.faultline.kit.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one answer of Prometheus' HTTP API to a {@link PromQuery} means for a METRIC probe: one number, or the reason
 * there is none. The API's JSON ({@code {"status", "data": {"resultType", "result"}}} or
 * {@code {"status": "error", "errorType", "error"}}) is read with Jackson:
 * <ul>
 *   <li>a <b>scalar</b> is the value;</li>
 *   <li>an instant <b>vector</b> is the sum of its series — as the scrape form sums the series its labels match, so
 *       that the value does not depend on how many series carry it; a query that wants one series or another
 *       aggregation says so itself ({@code max(...)}, {@code sum by (...)}, a label matcher);</li>
 *   <li>a range query's <b>matrix</b> is the mean over its steps of the series summed at each step: its last point is
 *       what the instant query gives already, and the mean is the reading that uses the range — the level over it,
 *       which one odd scrape does not decide (for the maximum or the last point, ask an instant query of
 *       {@code max_over_time(...)} or the expression itself);</li>
 *   <li>a matrix from an instant query (a range vector such as {@code x[5m]}) and a string are no number:
 *       {@link Status#UNUSABLE}.</li>
 * </ul>
 * NaN series are left out of a sum or mean; when nothing else is left the answer is {@link Status#NAN} (e.g. a
 * {@code histogram_quantile} of a window without observations). {@code +Inf} and {@code -Inf} are values.
 */
public record PromResult(Status status, Double value, String reason) {

    /** What became of the query. */
    public enum Status {
        /** A number. */
        VALUE,
        /** The result was empty: the metric is absent, or no series matches (yet). */
        NO_SERIES,
        /** Every value was NaN: nothing to compute it from now. */
        NAN,
        /** Prometheus answered {@code status: error} (a syntax error is {@code bad_data}). */
        REFUSED,
        /** No answer from the server at all (refused, reset, timed out, an invalid URL). */
        UNREACHABLE,
        /** An answer that is not Prometheus' API, or a result that is no number (a string, a range vector). */
        UNUSABLE
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean hasValue() {
        return status == Status.VALUE;
    }

    /** No answer from {@code server}, with the HTTP client's {@code error}. */
    public static PromResult unreachable(PromQuery query, String server, String error) {
        return new PromResult(Status.UNREACHABLE, null, "Prometheus at " + server + " did not answer the query "
                + query.query() + ": " + error);
    }

    /** The answer {@code server} gave to {@code query} with HTTP status {@code httpStatus}; never throws. */
    public static PromResult read(PromQuery query, String server, int httpStatus, String body) {
        String where = "the query " + query.query() + " at " + server;
        JsonNode root;
        try {
            root = body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null || !root.path("status").isTextual()) {
            return problem(Status.UNUSABLE, "HTTP " + httpStatus + " from " + server + " is not an answer of"
                    + " Prometheus' HTTP API to " + query.query() + " (is " + server + " a Prometheus server's base URL?)");
        }
        if ("error".equals(root.path("status").asText())) {
            return problem(Status.REFUSED, "Prometheus at " + server + " refused the query " + query.query() + ": "
                    + root.path("errorType").asText("error") + ": " + root.path("error").asText("(no message)")
                    + " (HTTP " + httpStatus + ")");
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText("");
        try {
            return switch (type) {
                case "scalar" -> single(number(data.path("result")), where);
                case "vector" -> vector(data.path("result"), where);
                case "matrix" -> query.isRange() ? matrix(data.path("result"), where)
                        : problem(Status.UNUSABLE, where + " gave a range vector, not a number: wrap it in a function"
                                + " such as rate(...) or avg_over_time(...)");
                case "string" -> problem(Status.UNUSABLE, where + " gave a string, not a number");
                default -> problem(Status.UNUSABLE, where + " gave an unknown result type '" + type + "'");
            };
        } catch (IllegalArgumentException e) {
            return problem(Status.UNUSABLE, where + " gave a result that cannot be read: " + e.getMessage());
        }
    }

    private static PromResult vector(JsonNode result, String where) {
        if (!result.isArray()) {
            throw new IllegalArgumentException("the vector is not an array");
        }
        if (result.isEmpty()) {
            return noSeries(where);
        }
        double sum = 0;
        int values = 0;
        for (JsonNode series : result) {
            double value = number(series.path("value"));
            if (!Double.isNaN(value)) {
                sum += value;
                values++;
            }
        }
        return values == 0 ? single(Double.NaN, where) : single(sum, where);
    }

    private static PromResult matrix(JsonNode result, String where) {
        if (!result.isArray()) {
            throw new IllegalArgumentException("the matrix is not an array");
        }
        if (result.isEmpty()) {
            return noSeries(where);
        }
        Map<Double, Double> sumAtStep = new TreeMap<>();
        for (JsonNode series : result) {
            for (JsonNode point : series.path("values")) {
                double value = number(point);
                if (!Double.isNaN(value)) {
                    sumAtStep.merge(point.path(0).asDouble(), value, Double::sum);
                }
            }
        }
        return sumAtStep.isEmpty() ? single(Double.NaN, where)
                : single(sumAtStep.values().stream().mapToDouble(Double::doubleValue).sum() / sumAtStep.size(), where);
    }

    private static PromResult single(double value, String where) {
        return Double.isNaN(value) ? problem(Status.NAN, where + " gave NaN: nothing to compute it from now (e.g. no"
                + " observations in its window)") : new PromResult(Status.VALUE, value, null);
    }

    private static PromResult noSeries(String where) {
        return problem(Status.NO_SERIES, "no series: " + where + " returned an empty result (the metric is absent, or"
                + " has not been recorded yet)");
    }

    private static PromResult problem(Status status, String reason) {
        return new PromResult(status, null, reason);
    }

    /** The value of a point {@code [time, "value"]}. */
    private static double number(JsonNode point) {
        JsonNode text = point.path(1);
        if (!point.isArray() || point.size() != 2 || !text.isTextual()) {
            throw new IllegalArgumentException("'" + point + "' is not a point [time, \"value\"]");
        }
        return switch (text.asText()) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text.asText());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text.asText() + "' is not a number");
                }
            }
        };
    }
}
