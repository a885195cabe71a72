package dev.faultline.analysis.evaluation;

import dev.faultline.schemas.avro.ComparisonOperator;

/** A comparator applied to an observed value and a threshold, and its symbol for sentences and tables. */
public final class Comparison {

    /** Values this close count as equal, so that 0.1 + 0.2 EQUAL 0.3 holds. */
    private static final double EPSILON = 1e-9;

    private Comparison() {
    }

    /** Whether {@code observed comparator threshold} holds; null for an unknown comparator. */
    public static Boolean holds(ComparisonOperator comparator, double observed, double threshold) {
        boolean equal = Math.abs(observed - threshold) <= EPSILON * Math.max(1.0, Math.abs(threshold));
        return switch (comparator) {
            case LESS_THAN -> observed < threshold && !equal;
            case LESS_OR_EQUAL -> observed < threshold || equal;
            case GREATER_THAN -> observed > threshold && !equal;
            case GREATER_OR_EQUAL -> observed > threshold || equal;
            case EQUAL -> equal;
            case NOT_EQUAL -> !equal;
            default -> null;
        };
    }

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
}
