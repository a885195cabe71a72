package dev.faultline.evaluation;

import dev.faultline.evaluation.stats.ConfidenceLevel;
import dev.faultline.evaluation.stats.Interval;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.Statistic;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The words and number formats of explanations, summaries and reports (locale-independent, so deterministic). */
public final class Wording {

    private Wording() {
    }

    /** A number with at most three decimals (none from 100 up), trailing zeros dropped. */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        int scale = Math.abs(value) >= 100 ? 0 : 3;
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    public static String quantity(double value, MeasureUnit unit) {
        return number(value) + switch (unit) {
            case MILLISECONDS -> " ms";
            case PER_SECOND -> "/s";
            default -> "";
        };
    }

    /** A comparator's symbol for sentences and tables: "<", "≤", ">", "≥", "=", "≠" ("?" when unknown). */
    public static String symbol(ComparisonOperator comparator) {
        return switch (comparator) {
            case LESS_THAN -> "<";
            case LESS_OR_EQUAL -> "≤";
            case GREATER_THAN -> ">";
            case GREATER_OR_EQUAL -> "≥";
            case EQUAL -> "=";
            case NOT_EQUAL -> "≠";
            default -> "?";
        };
    }

    /** "p99", "error rate", "share of status 503", … */
    public static String statistic(Statistic statistic, Integer status, String header) {
        return switch (statistic) {
            case P50_LATENCY -> "p50";
            case P95_LATENCY -> "p95";
            case P99_LATENCY -> "p99";
            case MAX_LATENCY -> "max latency";
            case MEAN_LATENCY -> "mean latency";
            case ERROR_RATE -> "error rate";
            case SUCCESS_RATE -> "success rate";
            case STATUS_SHARE -> "share of status " + status;
            case HEADER_PRESENT_SHARE -> "share with header " + header;
            case THROUGHPUT -> "throughput";
            case SAMPLE_COUNT -> "sample count";
            case VALUE_MEAN -> "mean value";
            case VALUE_MAX -> "max value";
            case VALUE_MIN -> "min value";
            case VALUE_SUM -> "total";
            default -> "unknown statistic";
        };
    }

    public static String statistic(Prediction prediction) {
        return statistic(prediction.getStatistic(), prediction.getStatus(), prediction.getHeader());
    }

    /** "NETWORK_BLACKHOLE of storefront→pricing" */
    public static String fault(FaultSpec fault) {
        String target = fault.getTarget().getService();
        if (fault.getTarget().getDependency() != null) {
            target += "→" + fault.getTarget().getDependency();
        }
        return fault.getFaultType() + " of " + target;
    }

    /**
     * "95 % CI 1190–1215 ms", "95 % CI ≥ 1190 ms" (no upper bound), "95 % CI unbounded"; "exact" for a count or an
     * extreme of the window, which has no sampling error.
     */
    public static String interval(Interval interval, MeasureUnit unit) {
        if (interval.method() == Interval.Method.EXACT) {
            return "exact";
        }
        String ci = ConfidenceLevel.percent(interval.level()) + " CI ";
        Double lower = interval.lowerOrNull();
        Double upper = interval.upperOrNull();
        if (lower != null && upper != null) {
            return ci + number(lower) + "–" + quantity(upper, unit);
        }
        if (lower != null) {
            return ci + "≥ " + quantity(lower, unit);
        }
        return upper != null ? ci + "≤ " + quantity(upper, unit) : ci + "unbounded";
    }

    /** A recorded result's interval in the words of {@link #interval(Interval, MeasureUnit)}; "" when it has none. */
    public static String interval(PredictionResult result) {
        if (result.getConfidenceLevel() == null || result.getIntervalMethod() == null || result.getObserved() == null) {
            return "";
        }
        Interval.Method method = java.util.Arrays.stream(Interval.Method.values())
                .filter(m -> m.label().equals(result.getIntervalMethod())).findFirst().orElse(null);
        if (method == null) {
            return result.getIntervalMethod();
        }
        double lower = result.getLower() == null ? Double.NEGATIVE_INFINITY : result.getLower();
        double upper = result.getUpper() == null ? Double.POSITIVE_INFINITY : result.getUpper();
        return interval(new Interval(lower, upper, result.getConfidenceLevel(), method), result.getUnit());
    }

    public static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
