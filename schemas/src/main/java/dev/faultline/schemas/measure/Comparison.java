package dev.faultline.schemas.measure;

import dev.faultline.schemas.avro.ComparisonOperator;

/**
 * {@code observed <comparator> threshold}, with one tolerance for all: values within {@link #EPSILON} relative to
 * the threshold (absolute below 1) are equal, so {@code 0.1 + 0.2 EQUAL 0.3} holds and {@code LESS_THAN} does not
 * hold for a value that only rounding put below the threshold. An unknown comparator decides nothing.
 */
public final class Comparison {

    static final double EPSILON = 1e-9;

    private Comparison() {
    }

    /** Whether the comparator is one that can be evaluated. */
    public static boolean decides(ComparisonOperator comparator) {
        return comparator != null && comparator != ComparisonOperator.UNKNOWN;
    }

    /** Whether {@code observed comparator threshold} holds; false for a comparator that does not {@link #decides decide}. */
    public static boolean holds(ComparisonOperator comparator, double observed, double threshold) {
        if (!decides(comparator)) {
            return false;
        }
        boolean equal = Math.abs(observed - threshold) <= EPSILON * Math.max(1.0, Math.abs(threshold));
        return switch (comparator) {
            case LESS_THAN -> observed < threshold && !equal;
            case LESS_OR_EQUAL -> observed < threshold || equal;
            case GREATER_THAN -> observed > threshold && !equal;
            case GREATER_OR_EQUAL -> observed > threshold || equal;
            case EQUAL -> equal;
            case NOT_EQUAL -> !equal;
            default -> false;
        };
    }
}
