package dev.faultline.kit.probe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What a METRIC probe reads from each scrape ({@code ProbeSpec.parameters}): the series {@code metric} whose labels
 * match {@code labels} ({@code k=v,k2=v2}), summed across matching series, and how a value is made of them:
 * <ul>
 *   <li>{@code aggregate=value} (default): the sum now — a gauge, or a counter's total;</li>
 *   <li>{@code aggregate=rate}: the sum's increase per second since the previous scrape (a counter that went down
 *       was reset, and counts from zero);</li>
 *   <li>{@code aggregate=quantile}: the {@code quantile} (default 0.99) of the observations a histogram
 *       ({@code <metric>_bucket}) made since the previous scrape, interpolated within their bucket as Prometheus'
 *       {@code histogram_quantile} does.</li>
 * </ul>
 * A first scrape, or a window with no new observation, has no value; NaN series are left out. A counter or
 * histogram whose family is declared but has no matching series yet has not counted: it reads as zero.
 */
public record MetricQuery(String metric, Map<String, String> labels, Aggregate aggregate, double quantile) {

    /** How the value of a scrape is made. */
    public enum Aggregate { VALUE, RATE, QUANTILE }

    /** What one scrape showed of the query's series: their sum, or their summed cumulative buckets. */
    public record Reading(double sum, NavigableMap<Double, Double> buckets) {
    }

    public MetricQuery {
        labels = Map.copyOf(labels);
    }

    /**
     * The query a probe's parameters describe.
     *
     * @throws IllegalArgumentException naming the parameter that is missing or wrong
     */
    public static MetricQuery of(Map<String, String> parameters) {
        String metric = parameters.getOrDefault("metric", "").strip();
        if (!metric.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("metric: '" + metric + "' is not a metric name");
        }
        Aggregate aggregate;
        try {
            aggregate = Aggregate.valueOf(parameters.getOrDefault("aggregate", "value").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aggregate: '" + parameters.get("aggregate")
                    + "' is not one of value, rate, quantile");
        }
        double quantile;
        try {
            quantile = Double.parseDouble(parameters.getOrDefault("quantile", "0.99"));
        } catch (NumberFormatException e) {
            quantile = Double.NaN;
        }
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile: '" + parameters.get("quantile") + "' is not between 0 and 1");
        }
        return new MetricQuery(metric, labels(parameters.getOrDefault("labels", "")), aggregate, quantile);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("labels: '" + pair.strip() + "' is not name=value");
            }
            labels.put(pair.substring(0, eq).strip(), stripQuotes(pair.substring(eq + 1).strip()));
        }
        return labels;
    }

    private static String stripQuotes(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** The series as Prometheus would select them, for references and reasons: {@code name{k="v"}}. */
    public String selector() {
        String name = aggregate == Aggregate.QUANTILE ? metric + "_bucket" : metric;
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder text = new StringBuilder(name).append('{');
        labels.forEach((k, v) -> text.append(text.charAt(text.length() - 1) == '{' ? "" : ",").append(k).append("=\"")
                .append(v).append('"'));
        return text.append('}').toString();
    }

    /**
     * What {@code exposition} shows of the query's series.
     *
     * @throws IllegalStateException when no series matches (the reason names the selector)
     */
    public Reading read(Exposition exposition) {
        if (aggregate == Aggregate.QUANTILE) {
            NavigableMap<Double, Double> buckets = new TreeMap<>();
            for (Exposition.Series s : exposition.series(metric + "_bucket", labels)) {
                String le = s.labels().get("le");
                if (le != null && !Double.isNaN(s.value())) {
                    buckets.merge(bound(le), s.value(), Double::sum);
                }
            }
            if (buckets.isEmpty() && !declared(exposition)) {
                throw new IllegalStateException(selector() + " is absent");
            }
            return new Reading(Double.NaN, buckets);
        }
        List<Exposition.Series> matching = exposition.series(metric, labels).stream()
                .filter(s -> !Double.isNaN(s.value())).toList();
        if (matching.isEmpty()) {
            if (aggregate == Aggregate.RATE && declared(exposition)) {
                return new Reading(0, new TreeMap<>());
            }
            throw new IllegalStateException(selector() + " is absent");
        }
        return new Reading(matching.stream().mapToDouble(Exposition.Series::value).sum(), new TreeMap<>());
    }

    /**
     * Whether the exposition declares the metric's family ({@code # TYPE}) although no series matches yet: a labelled
     * counter or histogram has no series until it first counts, and then it stands at zero.
     */
    public boolean declared(Exposition exposition) {
        String family = metric.endsWith("_total") ? metric.substring(0, metric.length() - "_total".length()) : metric;
        return exposition.typeOf(metric).or(() -> exposition.typeOf(family)).isPresent();
    }

    /** The value of {@code now}, given the {@code previous} reading (null on the first scrape) taken {@code elapsed} before. */
    public OptionalDouble value(Reading now, Reading previous, Duration elapsed) {
        return switch (aggregate) {
            case VALUE -> OptionalDouble.of(now.sum());
            case RATE -> previous == null || elapsed.isZero() || elapsed.isNegative() ? OptionalDouble.empty()
                    : OptionalDouble.of(increase(now.sum(), previous.sum()) / (elapsed.toNanos() / 1e9));
            case QUANTILE -> previous == null ? OptionalDouble.empty() : quantile(now.buckets(), previous.buckets());
        };
    }

    private static double increase(double now, double before) {
        return now >= before ? now - before : now;
    }

    private OptionalDouble quantile(NavigableMap<Double, Double> now, NavigableMap<Double, Double> before) {
        NavigableMap<Double, Double> observed = new TreeMap<>();
        boolean reset = now.entrySet().stream().anyMatch(e -> e.getValue() < before.getOrDefault(e.getKey(), 0.0));
        now.forEach((le, count) -> observed.put(le, reset ? count : count - before.getOrDefault(le, 0.0)));
        Double total = observed.get(Double.POSITIVE_INFINITY);
        if (total == null || total <= 0) {
            return OptionalDouble.empty();
        }
        double rank = quantile * total;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : observed.entrySet()) {
            double upper = bucket.getKey();
            double cumulative = bucket.getValue();
            if (cumulative >= rank) {
                if (upper == Double.POSITIVE_INFINITY) {
                    return OptionalDouble.of(lower);
                }
                double inBucket = cumulative - below;
                return OptionalDouble.of(inBucket <= 0 ? upper : lower + (upper - lower) * (rank - below) / inBucket);
            }
            lower = upper;
            below = cumulative;
        }
        return OptionalDouble.empty();
    }

    private static double bound(String le) {
        return switch (le) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(le);
        };
    }
}
