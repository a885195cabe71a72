package dev.faultline.safety.norm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.kit.probe.HttpProbe;
import dev.faultline.kit.probe.HttpProbeClient;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * The past of a METRIC probe with {@code source=prometheus}, read from its Prometheus server with range queries
 * ({@code GET /api/v1/query_range}): for each of the past {@code weeks}, the three hours around this hour of the week
 * (one query a week, 180 points at a 1-minute step, well under Prometheus' 11,000-point limit). At each step the
 * series are summed, as {@code PromResult} sums an instant vector, so that a past value means what the value now
 * means; NaN points are left out. Prometheus keeps what its own retention allows (15 days by default): older weeks
 * simply have no points.
 */
public final class PrometheusHistory {

    /** The past values found, or the reason none could be read. */
    public record Past(List<Timed> values, String problem) {

        public Past {
            values = List.copyOf(values);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpProbeClient client;

    public PrometheusHistory(HttpProbeClient client) {
        this.client = client;
    }

    /**
     * @param server the Prometheus server's base URL (the probe's target)
     * @param query  the probe's PromQL expression
     */
    public Past past(String server, String query, Instant now, int weeks, Duration step, Duration timeout)
            throws InterruptedException {
        Instant thisHour = HourOfWeek.startOf(now);
        List<Timed> values = new ArrayList<>();
        for (int week = 1; week <= weeks; week++) {
            Instant hour = thisHour.minus(HourOfWeek.WEEK.multipliedBy(week));
            String url = url(server, query, hour.minus(Duration.ofHours(1)), hour.plus(Duration.ofHours(2)).minus(step),
                    step);
            HttpProbeClient.Fetched fetched;
            try {
                fetched = client.fetch(new HttpProbe(url, "GET", Map.of("accept", "application/json"), null, timeout),
                        Map.of()).get();
            } catch (ExecutionException e) {
                return new Past(List.of(), "Prometheus at " + server + " cannot be asked: " + e.getCause());
            }
            if (!fetched.answer().hasAnswer()) {
                return new Past(List.of(), "Prometheus at " + server + " did not answer the range query " + query
                        + ": " + fetched.answer().problem());
            }
            String problem = read(fetched.body(), values);
            if (problem != null) {
                return new Past(List.of(), "Prometheus at " + server + " " + problem + " (range query " + query
                        + ", HTTP " + fetched.answer().status() + ")");
            }
        }
        return new Past(values, null);
    }

    static String url(String server, String query, Instant start, Instant end, Duration step) {
        String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        return base + "/api/v1/query_range?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&start=" + seconds(start.toEpochMilli()) + "&end=" + seconds(end.toEpochMilli())
                + "&step=" + seconds(step.toMillis());
    }

    /** Adds the matrix's points to {@code values}, summed per step; the problem in words, or null. */
    static String read(String body, List<Timed> values) {
        JsonNode root;
        try {
            root = body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null || !root.path("status").isTextual()) {
            return "gave no answer of Prometheus' HTTP API (is it a Prometheus server's base URL?)";
        }
        if ("error".equals(root.path("status").asText())) {
            return "refused it: " + root.path("errorType").asText("error") + ": " + root.path("error").asText("");
        }
        if (!"matrix".equals(root.path("data").path("resultType").asText())) {
            return "gave a " + root.path("data").path("resultType").asText("missing") + " result, not a matrix";
        }
        Map<Double, Double> sumAtStep = new TreeMap<>();
        for (JsonNode series : root.path("data").path("result")) {
            for (JsonNode point : series.path("values")) {
                double value = parse(point.path(1).asText("NaN"));
                if (!Double.isNaN(value)) {
                    sumAtStep.merge(point.path(0).asDouble(), value, Double::sum);
                }
            }
        }
        sumAtStep.forEach((time, value) -> values.add(new Timed(Instant.ofEpochMilli(Math.round(time * 1000)), value)));
        return null;
    }

    private static double parse(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
