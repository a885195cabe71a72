package dev.faultline.schemas.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.ComparisonOperator;
import org.junit.jupiter.api.Test;

/** Each comparator below, at and above its threshold, and the tolerance that makes rounding noise equal. */
class ComparisonTest {

    @Test
    void shouldCompareLessThan() {
        assertThat(Comparison.holds(ComparisonOperator.LESS_THAN, 799, 800)).isTrue();
        assertThat(Comparison.holds(ComparisonOperator.LESS_THAN, 800, 800)).isFalse();
        assertThat(Comparison.holds(ComparisonOperator.LESS_THAN, 801, 800)).isFalse();
    }

    @Test
    void shouldCompareLessOrEqual() {
        assertThat(Comparison.holds(ComparisonOperator.LESS_OR_EQUAL, 799, 800)).isTrue();
        assertThat(Comparison.holds(ComparisonOperator.LESS_OR_EQUAL, 800, 800)).isTrue();
        assertThat(Comparison.holds(ComparisonOperator.LESS_OR_EQUAL, 801, 800)).isFalse();
    }

    @Test
    void shouldCompareGreaterThan() {
        assertThat(Comparison.holds(ComparisonOperator.GREATER_THAN, 0.51, 0.5)).isTrue();
        assertThat(Comparison.holds(ComparisonOperator.GREATER_THAN, 0.5, 0.5)).isFalse();
        assertThat(Comparison.holds(ComparisonOperator.GREATER_THAN, 0.49, 0.5)).isFalse();
    }

    @Test
    void shouldCompareGreaterOrEqualTreatingRoundingNoiseAsEqual() {
        assertThat(Comparison.holds(ComparisonOperator.GREATER_OR_EQUAL, 1.0, 0.99)).isTrue();
        assertThat(Comparison.holds(ComparisonOperator.GREATER_OR_EQUAL, 0.99, 0.99)).isTrue();
        assertThat(Comparison.holds(ComparisonOperator.GREATER_OR_EQUAL, 99 / 100.0 - 1e-15, 0.99)).isTrue();
        assertThat(Comparison.holds(ComparisonOperator.GREATER_OR_EQUAL, 0.98, 0.99)).isFalse();
    }

    @Test
    void shouldTreatValuesWithinTheToleranceAsEqualAndOthersNot() {
        assertThat(Comparison.holds(ComparisonOperator.EQUAL, 0.1 + 0.2, 0.3)).isTrue();
        assertThat(Comparison.holds(ComparisonOperator.LESS_THAN, 0.3 - 1e-12, 0.3)).isFalse();
        assertThat(Comparison.holds(ComparisonOperator.GREATER_THAN, 0.3 + 1e-12, 0.3)).isFalse();
        assertThat(Comparison.holds(ComparisonOperator.EQUAL, 0.3 + 1e-6, 0.3)).isFalse();
        // relative above 1: 800 ms and 800.0000001 ms are the same latency, 800.001 ms is not
        assertThat(Comparison.holds(ComparisonOperator.EQUAL, 800.0000001, 800)).isTrue();
        assertThat(Comparison.holds(ComparisonOperator.EQUAL, 800.001, 800)).isFalse();
    }

    @Test
    void shouldCompareEqualAndNotEqual() {
        assertThat(Comparison.holds(ComparisonOperator.EQUAL, 0.31, 0.3)).isFalse();
        assertThat(Comparison.holds(ComparisonOperator.NOT_EQUAL, 0.31, 0.3)).isTrue();
        assertThat(Comparison.holds(ComparisonOperator.NOT_EQUAL, 0.1 + 0.2, 0.3)).isFalse();
    }

    @Test
    void shouldDecideNothingWithAnUnknownComparator() {
        assertThat(Comparison.decides(ComparisonOperator.UNKNOWN)).isFalse();
        assertThat(Comparison.decides(null)).isFalse();
        assertThat(Comparison.holds(ComparisonOperator.UNKNOWN, 1, 1)).isFalse();
        assertThat(Comparison.decides(ComparisonOperator.EQUAL)).isTrue();
    }
}
