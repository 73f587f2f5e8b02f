package org.ssmworkbench.core.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.ssm.Intensity;

class ExtractionPoliciesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            resource    |  50.00  | PO_SP
            resource    |  57.18  | SP
            correctness | -13.79  | NE_WN
            correctness |  -4.27  | WN_IF
            correctness |   2.0   | IF
            correctness |  -2.0   | IF
            correctness |   0.0   | IF
            correctness |   2.0001| IF_WP
            correctness |   5.0   | IF_WP
            correctness |  10.0   | WP
            correctness |  15.0   | WP_PO
            correctness |  20.0   | PO
            correctness |  25.0   | PO_SP
            correctness |  25.01  | SP
            correctness | -25.01  | SN
            correctness | -20.0   | NE
            resource    | -10.0   | WN_IF
            resource    |  40.0   | PO
            resource    | -30.0   | NE_WN
            """)
    void cutPointsGiveTheSpecIntensitiesWithUpperInclusiveBands(String family, double mean, Intensity expected) {
        CutPoints c = family.equals("resource") ? CutPoints.resource() : CutPoints.correctness();
        assertThat(c.classify(mean)).isEqualTo(expected);
    }

    @Test
    void cutPointsMustBeSixIncreasingValues() {
        assertThatThrownBy(() -> new CutPoints("x", new double[] {1, 2, 3}))
                .hasMessageContaining("expected 6 values");
        assertThatThrownBy(() -> new CutPoints("x", new double[] {1, 2, 2, 4, 5, 6}))
                .hasMessageContaining("c3 = 2.0 must be greater than c2");
        assertThatThrownBy(() -> new CutPoints("x", new double[] {-1, 2, 3, 4, 5, 6}))
                .hasMessageContaining("c1 = -1.0");
        assertThat(CutPoints.resource().scaled(3, 1.25).cut(3)).isEqualTo(25.0);
        assertThat(CutPoints.resource().scaled(3, 2.0)).as("c3 = 40 collides with c4 = 30").isNull();
    }

    @Test
    void discountAndMassReproduceTheSpecExampleOfS5Accuracy() {
        DiscountPolicy p = DiscountPolicy.quantization();
        double d = p.discount(-13.792, 13.889);
        assertThat(d).isEqualTo(0.096);
        double s = p.roundMass(MassAssignment.PUBLISHED.mass(0.7361083333333334, d, 1));
        assertThat(s).isEqualTo(0.665);
    }

    @Test
    void singleSampleHasNoDiscountAndZeroMeanWithSpreadHasFullDiscount() {
        DiscountPolicy p = DiscountPolicy.quantization();
        assertThat(p.discount(-0.618, 0.0)).isZero();
        assertThat(p.discount(0.0, 3.0)).isEqualTo(1.0);
        assertThat(new DiscountPolicy(0.1, -1, -1).discount(0.485, 15.192))
                .isCloseTo(1 - Math.exp(-0.1 * 15.192 / 0.485), within(1e-15));
    }

    @Test
    void roundingFollowsPythonOnTheExactBinaryValue() {
        assertThat(DiscountPolicy.round(2.675, 2)).as("2.675 is 2.67499999... in binary").isEqualTo(2.67);
        assertThat(DiscountPolicy.round(0.125, 2)).as("exact tie goes to even").isEqualTo(0.12);
        assertThat(DiscountPolicy.round(0.375, 2)).isEqualTo(0.38);
        assertThat(DiscountPolicy.round(0.37333333333333335, 3)).isEqualTo(0.373);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            published             | 0.5 | 0.2 | 4 | 0.4
            undiscounted-unsplit  | 0.5 | 0.2 | 4 | 0.5
            undiscounted          | 0.5 | 0.2 | 4 | 0.5
            equitable-split       | 0.5 | 0.2 | 4 | 0.125
            mass-preserving-split | 0.75| 0.2 | 2 | 0.5
            """)
    void massAssignments(String id, double b, double d, int n, double expected) {
        assertThat(MassAssignment.byId(id).mass(b, d, n)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void quantilesFollowTheSpecExample() {
        double[] v = {0, 1, 2, 3, 4, 5};
        assertThat(QuantileMethod.NEAREST.quantile(v, 0.3)).isEqualTo(2.0);
        assertThat(QuantileMethod.LINEAR.quantile(v, 0.3)).isCloseTo(1.5, within(1e-12));
        assertThat(QuantileMethod.NEAREST.quantile(v, 0.25)).isEqualTo(1.0);
        assertThat(QuantileMethod.LINEAR.quantile(v, 0.25)).isEqualTo(1.25);
        assertThat(QuantileMethod.NEAREST.quantile(v, 0.75)).isEqualTo(4.0);
        assertThat(QuantileMethod.LINEAR.quantile(v, 0.75)).isEqualTo(3.75);
        assertThat(QuantileMethod.NEAREST.quantile(new double[] {10, 20, 30}, 0.25))
                .as("position 0.5 rounds half to even: rank 0").isEqualTo(10.0);
        assertThat(QuantileMethod.NEAREST.quantile(new double[] {10, 20, 30, 40, 50, 60}, 0.5))
                .as("position 2.5 rounds half to even: rank 2").isEqualTo(30.0);
    }

    @Test
    void summaryOfSamples() {
        SummaryStatistics s = SummaryStatistics.ofSamples(new double[] {5, 0, 3, 1, 4, 2}, QuantileMethod.NEAREST);
        assertThat(s.n().getAsLong()).isEqualTo(6);
        assertThat(s.mean()).isCloseTo(2.5, within(1e-12));
        assertThat(s.std().getAsDouble()).isCloseTo(Math.sqrt(17.5 / 5), within(1e-12));
        assertThat(s.q1().getAsDouble()).isEqualTo(1.0);
        assertThat(s.q3().getAsDouble()).isEqualTo(4.0);
        assertThat(s.iqr()).isEqualTo(3.0);
        SummaryStatistics one = SummaryStatistics.ofSamples(new double[] {7.5}, QuantileMethod.LINEAR);
        assertThat(one.std()).isEmpty();
        assertThat(one.iqr()).isZero();
    }

    @Test
    void relativeImprovementIsPositiveWhenTheInterventionHelps() {
        assertThat(Direction.HIGHER_IS_BETTER.relativeImprovement(0.80, 0.84)).isCloseTo(5.0, within(1e-12));
        assertThat(Direction.LOWER_IS_BETTER.relativeImprovement(200, 150)).isCloseTo(25.0, within(1e-12));
        assertThat(Direction.LOWER_IS_BETTER.relativeImprovement(200, 250)).isCloseTo(-25.0, within(1e-12));
        assertThatThrownBy(() -> Direction.HIGHER_IS_BETTER.relativeImprovement(0.0, 1.0))
                .hasMessageContaining("baseline is zero");
        assertThatThrownBy(() -> Direction.HIGHER_IS_BETTER.relativeImprovement(Double.NaN, 1.0))
                .hasMessageContaining("finite");
    }
}
