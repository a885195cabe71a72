package dev.faultline.evaluation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The tests and the normal distribution against reference values (SciPy 1.17's {@code mannwhitneyu} with
 * {@code method='asymptotic', use_continuity=True}, {@code norm.ppf/cdf}, and the pooled two-proportion formula).
 */
class SignificanceTest {

    @Test
    void shouldComputeMannWhitneyAsTheReference() {
        double[] control = {12, 15, 11, 18, 14, 13, 16, 20, 12, 15};
        double[] experiment = {22, 19, 25, 18, 30, 21, 24, 27, 19, 23, 26};
        Significance.Test test = Significance.mannWhitney(control, experiment);
        assertThat(test.name()).isEqualTo("Mann-Whitney U");
        assertThat(test.statistic()).isEqualTo(106.5);
        assertThat(test.pValue()).isCloseTo(0.00032316645, within(1e-9));
    }

    @Test
    void shouldCorrectMannWhitneyForTies() {
        Significance.Test test = Significance.mannWhitney(new double[] {1, 1, 2, 2, 2, 3, 3, 4},
                new double[] {2, 3, 3, 4, 4, 4, 5, 5, 6});
        assertThat(test.statistic()).isEqualTo(62.0);
        assertThat(test.pValue()).isCloseTo(0.0123036287, within(1e-8));
    }

    @Test
    void shouldFindNoDifferenceBetweenIdenticalSamples() {
        assertThat(Significance.mannWhitney(new double[] {5, 5, 5}, new double[] {5, 5}).pValue()).isEqualTo(1.0);
        assertThat(Significance.twoProportion(10, 10, 30, 30).pValue()).isEqualTo(1.0);
    }

    @Test
    void shouldComputeTheTwoProportionTest() {
        Significance.Test test = Significance.twoProportion(45, 100, 70, 120);
        assertThat(test.name()).isEqualTo("two-proportion z");
        assertThat(test.statistic()).isCloseTo(1.971501584, within(1e-9));
        assertThat(test.pValue()).isCloseTo(0.048666532, within(1e-8));
    }

    @Test
    void shouldMatchTheNormalDistribution() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-8));
        assertThat(Normal.quantile(0.995)).isCloseTo(2.5758293035489004, within(1e-8));
        assertThat(Normal.quantile(0.75)).isCloseTo(0.6744897501960817, within(1e-8));
        assertThat(Normal.quantile(0.01)).isCloseTo(-2.3263478740408408, within(1e-8));
        assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-7));
        assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316301, within(1e-9));
    }

    @Test
    void shouldTakeTheMedianOfAnEvenCountAsTheMeanOfTheMiddleTwo() {
        assertThat(Significance.median(new double[] {1, 2, 3, 10})).isEqualTo(2.5);
        assertThat(Significance.median(new double[] {1, 2, 30})).isEqualTo(2.0);
    }
}
