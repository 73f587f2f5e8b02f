package org.ssmworkbench.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rule on hand-computed examples over the frame {a, b, c}.
 *
 * <p>m1 = {a}:0.5, {a,b}:0.3, Θ:0.2 and m2 = {b}:0.4, {c}:0.2, Θ:0.4. Their products:
 * <pre>
 *            {b} .4        {c} .2        Θ .4
 * {a}   .5   ∅ .20         ∅ .10         {a} .20
 * {a,b} .3   {b} .12       ∅ .06         {a,b} .12
 * Θ     .2   {b} .08       {c} .04       Θ .08
 * </pre>
 * so the conjunctive sum is ∅ .36, {a} .20, {b} .20, {c} .04, {a,b} .12, Θ .08 (K = 0.36).
 */
class CombinationRulesTest {

    private static final double EPS = 1e-12;
    private static final Frame ABC = Frame.of("a", "b", "c");
    private static final long A = 0b001;
    private static final long B = 0b010;
    private static final long C = 0b100;
    private static final long AB = A | B;
    private static final long AC = A | C;
    private static final long THETA = ABC.theta();

    private static final MassFunction M1 = Masses.of(ABC, "a", 0.5, "a,b", 0.3, "a,b,c", 0.2);
    private static final MassFunction M2 = Masses.of(ABC, "b", 0.4, "c", 0.2, "a,b,c", 0.4);

    private static void assertMasses(MassFunction actual, Map<Long, Double> expected) {
        assertThat(actual.toMap().keySet()).as("focal sets of %s", actual).isEqualTo(expected.keySet());
        expected.forEach((set, mass) -> assertThat(actual.mass(set))
                .as("m(%s) in %s", MassFunction.describeSet(ABC, set), actual).isCloseTo(mass, within(EPS)));
    }

    @Test
    void conjunctiveRuleKeepsTheConflictOnTheEmptySet() {
        CombinationStep step = CombinationRule.CONJUNCTIVE.combine(M1, M2);

        assertMasses(step.result(), Map.of(0L, 0.36, A, 0.20, B, 0.20, C, 0.04, AB, 0.12, THETA, 0.08));
        assertThat(step.result().emptyMass()).isCloseTo(0.36, within(EPS));
        assertThat(step.conflict()).isCloseTo(0.36, within(EPS));
        assertThat(step.result().total()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void conjunctiveRuleDoesNotFailOnTotalConflict() {
        MassFunction a = Masses.of(ABC, "a", 1.0);
        MassFunction b = Masses.of(ABC, "b", 1.0);

        MassFunction m = a.combine(b, CombinationRule.CONJUNCTIVE);

        assertThat(m.emptyMass()).isEqualTo(1.0);
        assertThat(m.size()).isEqualTo(1);
    }

    @Test
    void dempsterRenormalizesConflictAway() {
        CombinationStep step = CombinationRule.DEMPSTER.combine(M1, M2);

        // conjunctive sum without ∅, divided by 1 − K = 0.64
        assertMasses(step.result(), Map.of(A, 0.3125, B, 0.3125, C, 0.0625, AB, 0.1875, THETA, 0.125));
        assertThat(step.conflict()).isCloseTo(0.36, within(EPS));
        assertThat(step.conjunctive().emptyMass()).isCloseTo(0.36, within(EPS));
        assertThat(step.result().emptyMass()).isZero();
    }

    @Test
    void dempsterTurnsTwoConfidentOppositeFindingsIntoTwoConfidentHalves() {
        // docs/method.md section 8: SN 0.99 ⊕ SP 0.99
        Frame f = Frame.of("SN", "SP", "X");
        MassFunction sn = MassFunction.simpleSupport(f, 0b001, 0.99);
        MassFunction sp = MassFunction.simpleSupport(f, 0b010, 0.99);

        CombinationStep step = CombinationRule.DEMPSTER.combine(sn, sp);

        assertThat(step.conflict()).isCloseTo(0.9801, within(EPS));
        assertThat(step.result().mass(0b001)).isCloseTo(0.0099 / 0.0199, within(1e-9));
        assertThat(step.result().mass(0b010)).isCloseTo(0.0099 / 0.0199, within(1e-9));
        assertThat(step.result().mass(f.theta())).isCloseTo(0.0001 / 0.0199, within(1e-9));
    }

    @Test
    void disjunctiveRuleSendsEveryProductToTheUnion() {
        // {a}∪{b} .20, {a}∪{c} .10, {a}∪Θ .20, {a,b}∪{b} .12, {a,b}∪{c} .06, {a,b}∪Θ .12, Θ∪anything .20
        CombinationStep step = CombinationRule.DISJUNCTIVE.combine(M1, M2);

        assertMasses(step.result(), Map.of(AB, 0.32, AC, 0.10, THETA, 0.58));
        // the trace still reports the conjunctive conflict of the operands, for comparison across rules
        assertThat(step.conflict()).isCloseTo(0.36, within(EPS));
    }

    @Test
    void yagerRuleMovesTheConflictToTheWholeFrame() {
        CombinationStep step = CombinationRule.YAGER.combine(M1, M2);

        assertMasses(step.result(), Map.of(A, 0.20, B, 0.20, C, 0.04, AB, 0.12, THETA, 0.08 + 0.36));
        assertThat(step.conflict()).isCloseTo(0.36, within(EPS));
    }

    @Test
    void duboisPradeRuleKeepsIntersectionsAndSendsConflictsToUnions() {
        // conflicting products: {a}&{b} .20 → {a,b}; {a}&{c} .10 → {a,c}; {a,b}&{c} .06 → Θ
        CombinationStep step = CombinationRule.DUBOIS_PRADE.combine(M1, M2);

        assertMasses(step.result(),
                Map.of(A, 0.20, B, 0.20, C, 0.04, AB, 0.12 + 0.20, AC, 0.10, THETA, 0.08 + 0.06));
        assertThat(step.conflict()).isCloseTo(0.36, within(EPS));
    }

    @Test
    void murphyAveragesThenCombinesTheAverageWithItselfByDempster() {
        Combination c = CombinationRule.MURPHY.fold(List.of(M1, M2));

        assertThat(c.rule()).isEqualTo(CombinationRule.MURPHY);
        assertThat(c.average()).isPresent();
        assertMasses(c.average().orElseThrow(), Map.of(A, 0.25, B, 0.2, C, 0.1, AB, 0.15, THETA, 0.3));
        // avg ⊕ avg: {a} .0625+2(.25·.15)+2(.25·.3) = .2875, {b} .04+2(.2·.15)+2(.2·.3) = .22,
        // {c} .01+2(.1·.3) = .07, {a,b} .0225+2(.15·.3) = .1125, Θ .09; ∅ 2(.05+.025+.02+.015) = .22
        assertThat(c.steps()).hasSize(1);
        assertThat(c.lastConflict()).isCloseTo(0.22, within(EPS));
        double norm = 0.78;
        assertMasses(c.result(), Map.of(A, 0.2875 / norm, B, 0.22 / norm, C, 0.07 / norm, AB, 0.1125 / norm,
                THETA, 0.09 / norm));
    }

    @Test
    void murphyCombinesTheAverageNMinusOneTimes() {
        MassFunction m3 = Masses.of(ABC, "c", 0.3, "b,c", 0.3, "a,b,c", 0.4);
        List<MassFunction> in = List.of(M1, M2, m3);

        Combination c = CombinationRule.MURPHY.fold(in);

        MassFunction avg = CombinationRule.average(in);
        assertThat(c.average()).contains(avg);
        assertThat(avg.mass(C)).isCloseTo((0.2 + 0.3) / 3, within(EPS));
        assertThat(avg.mass(THETA)).isCloseTo((0.2 + 0.4 + 0.4) / 3, within(EPS));
        assertThat(c.steps()).hasSize(2);
        assertThat(c.steps()).allSatisfy(st -> assertThat(st.right()).isEqualTo(avg));
        assertThat(c.steps().get(0).left()).isEqualTo(avg);
        assertThat(c.steps()).extracting(CombinationStep::leftLabel).containsExactly("mean", "mean^2");
        MassFunction byDempster = CombinationRule.DEMPSTER.fold(List.of(avg, avg, avg)).result();
        assertThat(c.result().approximatelyEquals(byDempster, EPS)).isTrue();
        assertThat(c.inputs()).containsExactlyElementsOf(in);
    }

    @Test
    void murphyOnOneInputReturnsItUnchanged() {
        Combination c = CombinationRule.MURPHY.fold(List.of(M1));

        assertThat(c.steps()).isEmpty();
        assertThat(c.result().approximatelyEquals(M1, EPS)).isTrue();
    }

    @Test
    void murphyPairwiseCombineEqualsTheFoldOfThePair() {
        MassFunction viaCombine = M1.combine(M2, CombinationRule.MURPHY);

        assertThat(viaCombine).isEqualTo(CombinationRule.MURPHY.fold(List.of(M1, M2)).result());
    }

    /*
     * Three findings m1 = {a}:.6, m2 = {b}:.5, m3 = {c}:.5 (rest on Θ).
     * Step 1: K1 = .6·.5 = .3 → {a} 3/7, {b} 2/7, Θ 2/7.
     * Step 2: K2 = (3/7 + 2/7)·.5 = 5/14 → divided by 9/14: {a} 1/3, {b} 2/9, {c} 2/9, Θ 2/9.
     */
    private static final List<MassFunction> THREE = List.of(
            MassFunction.simpleSupport(ABC, A, 0.6),
            MassFunction.simpleSupport(ABC, B, 0.5),
            MassFunction.simpleSupport(ABC, C, 0.5));

    @Test
    void foldKeepsTheConflictOfEveryStep() {
        Combination c = CombinationRule.DEMPSTER.fold(THREE, List.of("S1", "S2", "S3"));

        assertThat(c.conflicts()).containsExactly(new double[] {0.3, 5.0 / 14}, within(EPS));
        assertThat(c.lastConflict()).isCloseTo(5.0 / 14, within(EPS));
        assertThat(c.meanConflict()).isCloseTo((0.3 + 5.0 / 14) / 2, within(EPS));
        assertThat(c.steps().get(0).result().mass(A)).isCloseTo(3.0 / 7, within(EPS));
        assertMasses(c.result(), Map.of(A, 1.0 / 3, B, 2.0 / 9, C, 2.0 / 9, THETA, 2.0 / 9));
    }

    @Test
    void foldLabelsEachStepWithWhatWasCombined() {
        Combination c = CombinationRule.DEMPSTER.fold(THREE, List.of("S1", "S2", "S3"));

        assertThat(c.labels()).containsExactly("S1", "S2", "S3");
        assertThat(c.steps()).extracting(CombinationStep::step).containsExactly(1, 2);
        assertThat(c.steps()).extracting(CombinationStep::leftLabel).containsExactly("S1", "S1 ⊕ S2");
        assertThat(c.steps()).extracting(CombinationStep::rightLabel).containsExactly("S2", "S3");
        assertThat(c.steps().get(1).left()).isEqualTo(c.steps().get(0).result());
        assertThat(c.steps().get(1).right()).isEqualTo(THREE.get(2));
    }

    @Test
    void foldOfFourAbbreviatesTheLeftLabelAndNumbersInputsByDefault() {
        List<MassFunction> four = List.of(THREE.get(0), THREE.get(1), THREE.get(2), MassFunction.vacuous(ABC));

        Combination c = CombinationRule.DEMPSTER.fold(four);

        assertThat(c.labels()).containsExactly("m1", "m2", "m3", "m4");
        assertThat(c.steps()).extracting(CombinationStep::leftLabel).containsExactly("m1", "m1 ⊕ m2", "m1 ⊕ … ⊕ m3");
        assertThat(c.steps()).extracting(CombinationStep::rightLabel).containsExactly("m2", "m3", "m4");
        assertThat(c.lastConflict()).isZero();
        assertThat(c.meanConflict()).isCloseTo((0.3 + 5.0 / 14 + 0.0) / 3, within(EPS));
    }

    @Test
    void foldOfOneFunctionHasNoStepsAndNoConflict() {
        Combination c = CombinationRule.DEMPSTER.fold(List.of(M1));

        assertThat(c.steps()).isEmpty();
        assertThat(c.conflicts()).isEmpty();
        assertThat(c.lastConflict()).isZero();
        assertThat(c.meanConflict()).isZero();
        assertThat(c.result()).isEqualTo(M1);
    }

    @Test
    void totalConflictInALaterStepNamesThatStepAndItsOperands() {
        List<MassFunction> in = List.of(Masses.of(ABC, "a", 1.0), Masses.of(ABC, "a,b", 1.0), Masses.of(ABC, "c", 1.0));

        assertThatThrownBy(() -> CombinationRule.DEMPSTER.fold(in, List.of("S1", "S2", "S3")))
                .isInstanceOf(TotalConflictException.class)
                .hasMessageContaining("step 2")
                .hasMessageContaining("S1 ⊕ S2")
                .hasMessageContaining("S3")
                .hasMessageContaining("{a}")
                .hasMessageContaining("{c}");
    }

    @ParameterizedTest
    @EnumSource(value = CombinationRule.class, names = {"CONJUNCTIVE", "DISJUNCTIVE", "YAGER", "DUBOIS_PRADE"})
    void rulesOtherThanDempsterSurviveTotalConflict(CombinationRule rule) {
        List<MassFunction> in = List.of(Masses.of(ABC, "a", 1.0), Masses.of(ABC, "c", 1.0));

        Combination c = rule.fold(in);

        assertThat(c.lastConflict()).isEqualTo(1.0);
        assertThat(c.result().total()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void foldRejectsNoInputsMismatchedLabelsAndMixedFrames() {
        Frame other = Frame.of("a", "b", "d");

        assertThatThrownBy(() -> CombinationRule.DEMPSTER.fold(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to combine");
        assertThatThrownBy(() -> CombinationRule.DEMPSTER.fold(List.of(M1, M2), List.of("only one")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 labels for 2 inputs");
        assertThatThrownBy(() -> CombinationRule.YAGER.fold(List.of(M1, MassFunction.vacuous(other))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different frames");
        assertThatThrownBy(() -> CombinationRule.average(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CombinationRule.average(List.of(M1, MassFunction.vacuous(other))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            dempster,      DEMPSTER
            DEMPSTER,      DEMPSTER
            conjunctive,   CONJUNCTIVE
            disjunctive,   DISJUNCTIVE
            yager,         YAGER
            dubois-prade,  DUBOIS_PRADE
            Dubois_Prade,  DUBOIS_PRADE
            ' murphy ',    MURPHY
            """)
    void rulesAreFoundByIdIgnoringCaseAndUnderscores(String id, CombinationRule expected) {
        assertThat(CombinationRule.byId(id)).isEqualTo(expected);
    }

    @Test
    void unknownRuleIdIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> CombinationRule.byId("smets"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smets")
                .hasMessageContaining("dempster, conjunctive, disjunctive, yager, dubois-prade, murphy");
    }
}
