package org.ssmworkbench.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Belief, plausibility, commonality, pignistic probability and discounting on hand-computed cases. */
class MeasuresTest {

    private static final double EPS = 1e-12;
    private static final Frame ABC = Frame.of("a", "b", "c");

    /** m = {a}:.5, {a,b}:.2, {b,c}:.1, Θ:.2. */
    private static final MassFunction M = Masses.of(ABC, "a", 0.5, "a,b", 0.2, "b,c", 0.1, "a,b,c", 0.2);

    @ParameterizedTest(name = "Bel({0}) = {1}, Pl({0}) = {2}, Q({0}) = {3}")
    @CsvSource(textBlock = """
            # set,    Bel, Pl,  Q
            '',       0.0, 0.0, 1.0
            'a',      0.5, 0.9, 0.9
            'b',      0.0, 0.5, 0.5
            'c',      0.0, 0.3, 0.3
            'a,b',    0.7, 1.0, 0.4
            'a,c',    0.5, 1.0, 0.2
            'b,c',    0.1, 0.5, 0.3
            'a,b,c',  1.0, 1.0, 0.2
            """)
    void measuresSumTheRightFocalSets(String key, double bel, double pl, double q) {
        long set = ABC.parse(key);

        assertThat(M.belief(set)).as("Bel").isCloseTo(bel, within(EPS));
        assertThat(M.plausibility(set)).as("Pl").isCloseTo(pl, within(EPS));
        assertThat(M.commonality(set)).as("Q").isCloseTo(q, within(EPS));
    }

    @Test
    void plausibilityIsOneMinusBeliefOfTheComplement() {
        for (long set = 0; set <= ABC.theta(); set++) {
            assertThat(M.plausibility(set)).isCloseTo(1.0 - M.belief(ABC.theta() & ~set), within(EPS));
        }
    }

    @Test
    void pignisticSharesEachMassEquallyAmongItsAtoms() {
        double[] p = M.pignistic();

        assertThat(p).containsExactly(new double[] {
            0.5 + 0.2 / 2 + 0.2 / 3,
            0.2 / 2 + 0.1 / 2 + 0.2 / 3,
            0.1 / 2 + 0.2 / 3}, within(EPS));
        assertThat(M.pignistic(ABC.parse("b,c"))).isCloseTo(p[1] + p[2], within(EPS));
        assertThat(M.pignistic(ABC.theta())).isCloseTo(1.0, within(EPS));
        assertThat(M.pignistic(0L)).isZero();
    }

    @Test
    void measuresOfAnUnnormalizedFunctionIgnoreTheMassOnTheEmptySet() {
        // conjunctive sum of CombinationRulesTest: ∅ .36, {a} .20, {b} .20, {c} .04, {a,b} .12, Θ .08
        MassFunction m1 = Masses.of(ABC, "a", 0.5, "a,b", 0.3, "a,b,c", 0.2);
        MassFunction m2 = Masses.of(ABC, "b", 0.4, "c", 0.2, "a,b,c", 0.4);
        MassFunction conj = m1.combine(m2, CombinationRule.CONJUNCTIVE);

        assertThat(conj.emptyMass()).isCloseTo(0.36, within(EPS));
        assertThat(conj.belief(ABC.theta())).isCloseTo(0.64, within(EPS));
        assertThat(conj.plausibility(ABC.theta())).isCloseTo(0.64, within(EPS));
        assertThat(conj.commonality(0L)).isCloseTo(1.0, within(EPS));
        assertThat(conj.belief(ABC.parse("a,b"))).isCloseTo(0.52, within(EPS));
        assertThat(conj.pignistic()).containsExactly(new double[] {
            (0.20 + 0.12 / 2 + 0.08 / 3) / 0.64,
            (0.20 + 0.12 / 2 + 0.08 / 3) / 0.64,
            (0.04 + 0.08 / 3) / 0.64}, within(EPS));
    }

    @Test
    void pignisticIsUndefinedWhenAllMassIsOnTheEmptySet() {
        MassFunction allConflict = Masses.of(ABC, "a", 1.0).combine(Masses.of(ABC, "b", 1.0), CombinationRule.CONJUNCTIVE);

        assertThatThrownBy(allConflict::pignistic)
                .isInstanceOf(InvalidMassException.class)
                .hasMessageContaining("empty set");
    }

    @Test
    void vacuousFunctionBelievesNothingButTheWholeFrame() {
        MassFunction v = MassFunction.vacuous(ABC);

        assertThat(v.belief(ABC.parse("a,b"))).isZero();
        assertThat(v.belief(ABC.theta())).isEqualTo(1.0);
        assertThat(v.plausibility(ABC.parse("c"))).isEqualTo(1.0);
        assertThat(v.pignistic()).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(EPS));
    }

    @Test
    void discountScalesEveryMassAndGivesTheRestToTheWholeFrame() {
        MassFunction m = Masses.of(ABC, "a", 0.5, "a,b", 0.3, "a,b,c", 0.2);

        MassFunction d = m.discount(0.8);

        assertThat(d.size()).isEqualTo(3);
        assertThat(d.mass(ABC.parse("a"))).isCloseTo(0.4, within(EPS));
        assertThat(d.mass(ABC.parse("a,b"))).isCloseTo(0.24, within(EPS));
        assertThat(d.mass(ABC.theta())).isCloseTo(0.16 + 0.2, within(EPS));
    }

    @Test
    void discountAddsTheWholeFrameWhenItWasNotFocal() {
        MassFunction m = Masses.of(ABC, "a", 0.6, "b", 0.4);

        MassFunction d = m.discount(0.5);

        assertThat(d.size()).isEqualTo(3);
        assertThat(d.mass(ABC.parse("a"))).isCloseTo(0.3, within(EPS));
        assertThat(d.mass(ABC.parse("b"))).isCloseTo(0.2, within(EPS));
        assertThat(d.mass(ABC.theta())).isCloseTo(0.5, within(EPS));
        assertThat(d.total()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void discountByFullReliabilityKeepsTheFunction() {
        assertThat(M.discount(1.0)).isEqualTo(M);
        assertThat(Masses.of(ABC, "a", 0.6, "b", 0.4).discount(1.0))
                .isEqualTo(Masses.of(ABC, "a", 0.6, "b", 0.4));
    }

    @Test
    void discountByZeroReliabilityGivesTheVacuousFunction() {
        assertThat(M.discount(0.0)).isEqualTo(MassFunction.vacuous(ABC));
        assertThat(Masses.of(ABC, "a", 0.6, "b", 0.4).discount(0.0)).isEqualTo(MassFunction.vacuous(ABC));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void discountRejectsAReliabilityOutsideTheUnitInterval(double alpha) {
        assertThatThrownBy(() -> M.discount(alpha))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reliability");
    }
}
