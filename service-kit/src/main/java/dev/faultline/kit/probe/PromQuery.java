package dev.faultline.kit.probe;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a METRIC probe with {@code source=prometheus} asks a Prometheus server ({@code ProbeSpec.parameters}; the
 * probe's target is the server's base URL, e.g. {@code http://prometheus:9090}):
 * <ul>
 *   <li>{@code query} (required): a PromQL expression, sent as written — Prometheus itself checks it;</li>
 *   <li>{@code range} (optional, e.g. {@code 30s}, {@code 1m30s}, {@code 500ms}, or seconds): makes each sample a
 *       range query ({@code /api/v1/query_range}) over the {@code range} that ends at the sample's time, instead of an
 *       instant query ({@code /api/v1/query}) at that time;</li>
 *   <li>{@code step} (only with {@code range}; default a tenth of it): the range query's resolution.</li>
 * </ul>
 * How an answer becomes one number is {@link PromResult}'s: a vector's series are summed, a range query gives the
 * mean of its steps. The scrape form's parameters ({@code metric}, {@code labels}, {@code aggregate},
 * {@code quantile}) are refused here: with PromQL they belong in the query.
 */
public record PromQuery(String query, Duration range, Duration step) {

    /** The parameters that only a PromQL probe takes. */
    static final List<String> PARAMETERS = List.of("query", "range", "step");
    /** Prometheus refuses a range query of more points than this. */
    static final long MAX_POINTS = 11_000;

    private static final List<String> SCRAPE_ONLY = List.of("metric", "labels", "aggregate", "quantile");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

    /**
     * The query a probe's parameters describe.
     *
     * @throws IllegalArgumentException naming the parameter that is missing or wrong
     */
    public static PromQuery of(Map<String, String> parameters) {
        String query = parameters.getOrDefault("query", "").strip();
        if (query.isEmpty()) {
            throw new IllegalArgumentException("query: a METRIC probe with source=prometheus needs a PromQL query");
        }
        for (String scrapeOnly : SCRAPE_ONLY) {
            if (parameters.containsKey(scrapeOnly)) {
                throw new IllegalArgumentException(scrapeOnly + ": belongs to the scrape form; with source=prometheus"
                        + " say it in the PromQL query");
            }
        }
        String rangeText = parameters.getOrDefault("range", "").strip();
        String stepText = parameters.getOrDefault("step", "").strip();
        if (rangeText.isEmpty()) {
            if (!stepText.isEmpty()) {
                throw new IllegalArgumentException("step: only a range query has a step; give range as well");
            }
            return new PromQuery(query, null, null);
        }
        Duration range = duration("range", rangeText);
        Duration step = stepText.isEmpty() ? range.dividedBy(10).truncatedTo(ChronoUnit.MILLIS)
                : duration("step", stepText);
        if (step.isZero() || step.compareTo(range) > 0) {
            throw new IllegalArgumentException("step: " + seconds(step) + " s must be more than zero and at most the"
                    + " range " + rangeText);
        }
        if (range.toMillis() / Math.max(step.toMillis(), 1) >= MAX_POINTS) {
            throw new IllegalArgumentException("step: " + rangeText + " every " + seconds(step) + " s is more than "
                    + MAX_POINTS + " points, which Prometheus refuses");
        }
        return new PromQuery(query, range, step);
    }

    /** Whether each sample is a range query rather than an instant query. */
    public boolean isRange() {
        return range != null;
    }

    /** The request of one sample taken at {@code at}: the instant query at that time, or the range ending then. */
    public String url(String baseUrl, Instant at) {
        if (!isRange()) {
            return reference(baseUrl) + "&time=" + seconds(at);
        }
        return reference(baseUrl) + "&start=" + seconds(at.minus(range)) + "&end=" + seconds(at);
    }

    /** The request without its time, for evidence references: what was asked, and where. */
    public String reference(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8);
        return isRange() ? base + "/api/v1/query_range?query=" + encoded + "&step=" + seconds(step)
                : base + "/api/v1/query?query=" + encoded;
    }

    /** The query in words, for references and reasons. */
    public String describe() {
        return isRange()
                ? "PromQL " + query + " over the last " + seconds(range) + " s every " + seconds(step)
                        + " s (range query; the mean of its steps, series summed)"
                : "PromQL " + query + " (instant query; series summed)";
    }

    private static Duration duration(String parameter, String text) {
        try {
            Duration total = Duration.ZERO;
            if (text.matches("\\d+(\\.\\d+)?")) {
                total = Duration.ofMillis(new BigDecimal(text).movePointRight(3).longValueExact());
            } else {
                Matcher part = DURATION.matcher(text);
                int at = 0;
                while (part.find() && part.start() == at) {
                    total = total.plus(unit(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
                    at = part.end();
                }
                total = at == text.length() ? total : Duration.ZERO;
            }
            if (!total.isZero()) {
                return total;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the explanation below
        }
        throw new IllegalArgumentException(parameter + ": '" + text + "' is not a duration such as 30s, 1m30s, 500ms"
                + " or a number of seconds, above zero");
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(1);
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            case "w" -> Duration.ofDays(7);
            default -> Duration.ofDays(365);
        };
    }

    private static String seconds(Instant at) {
        return BigDecimal.valueOf(at.toEpochMilli(), 3).toPlainString();
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
