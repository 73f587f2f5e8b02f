package org.ssmworkbench.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.ssmworkbench.core.ssm.SsmScale.FRAME;
import static org.ssmworkbench.core.ssm.SsmScale.IF;
import static org.ssmworkbench.core.ssm.SsmScale.NE;
import static org.ssmworkbench.core.ssm.SsmScale.PO;
import static org.ssmworkbench.core.ssm.SsmScale.SN;
import static org.ssmworkbench.core.ssm.SsmScale.SP;
import static org.ssmworkbench.core.ssm.SsmScale.THETA;
import static org.ssmworkbench.core.ssm.SsmScale.WN;
import static org.ssmworkbench.core.ssm.SsmScale.WP;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.ssm.SsmScale;

/** The worked examples of docs/method.md section 6, reproduced exactly. */
class WorkedExamplesTest {

    private static final double EXACT = 1e-12;
    private static final double SIX_PLACES = 1e-6;

    private static MassFunction support(long hypothesis, double s) {
        return MassFunction.simpleSupport(FRAME, hypothesis, s);
    }

    @Test
    void example1CompatibleFindingsCombineWithoutConflict() {
        CombinationStep step = CombinationRule.DEMPSTER.combine(support(PO | SP, 0.65), support(WP | PO, 0.4));
        MassFunction m = step.result();

        assertThat(step.conflict()).isEqualTo(0.0);
        assertThat(m.size()).isEqualTo(4);
        assertThat(m.mass(PO)).isCloseTo(0.26, within(EXACT));
        assertThat(m.mass(PO | SP)).isCloseTo(0.39, within(EXACT));
        assertThat(m.mass(WP | PO)).isCloseTo(0.14, within(EXACT));
        assertThat(m.mass(THETA)).isCloseTo(0.21, within(EXACT));
    }

    @Test
    void example1EvidenceFactorySelectsPositiveStronglyPositive() {
        MassFunction m = support(PO | SP, 0.65).combine(support(WP | PO, 0.4), CombinationRule.DEMPSTER);

        Selection s = ResultSelector.EVIDENCE_FACTORY.select(m);

        assertThat(s.set()).isEqualTo(PO | SP);
        assertThat(s.code()).isEqualTo("PO,SP");
        assertThat(s.label()).isEqualTo("positive - strongly positive");
        assertThat(s.belief()).isCloseTo(0.65, within(EXACT));
        assertThat(s.plausibility()).isCloseTo(1.0, within(EXACT));
    }

    @Test
    void example2ConflictingFindingsAreNormalizedByOneMinusK() {
        CombinationStep step = CombinationRule.DEMPSTER.combine(support(WN | IF, 0.423), support(PO | SP, 0.397));
        MassFunction m = step.result();

        assertThat(step.conflict()).isCloseTo(0.167931, within(SIX_PLACES));
        assertThat(step.conjunctive().emptyMass()).isCloseTo(0.167931, within(SIX_PLACES));
        assertThat(m.size()).isEqualTo(3);
        assertThat(m.mass(WN | IF)).isCloseTo(0.306548, within(SIX_PLACES));
        assertThat(m.mass(PO | SP)).isCloseTo(0.275300, within(SIX_PLACES));
        assertThat(m.mass(THETA)).isCloseTo(0.418152, within(SIX_PLACES));
        assertThat(m.emptyMass()).isZero();
    }

    @Test
    void example3AgreeingFindingsReinforce() {
        MassFunction m = support(SP, 0.3).combine(support(SP, 0.3), CombinationRule.DEMPSTER);

        assertThat(m.size()).isEqualTo(2);
        assertThat(m.mass(SP)).isCloseTo(0.51, within(EXACT));
        assertThat(m.mass(THETA)).isCloseTo(0.49, within(EXACT));
    }

    @Test
    void example4CertainOppositeFindingsAreATotalConflictNamingBothOperands() {
        MassFunction sn = support(SN, 1.0);
        MassFunction sp = support(SP, 1.0);

        assertThatThrownBy(() -> CombinationRule.DEMPSTER.combine(sn, sp))
                .isInstanceOf(TotalConflictException.class)
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("total conflict")
                .hasMessageContaining("{SN}")
                .hasMessageContaining("{SP}");
    }

    @Test
    void example4InAFoldTheErrorNamesTheStepAndTheLabelledFindings() {
        List<MassFunction> in = List.of(support(SN, 1.0), support(SP, 1.0));

        assertThatThrownBy(() -> CombinationRule.DEMPSTER.fold(in, List.of("S1/e1", "S2/e1")))
                .isInstanceOf(TotalConflictException.class)
                .hasMessageContaining("step 1")
                .hasMessageContaining("S1/e1")
                .hasMessageContaining("S2/e1");
    }

    private static MassFunction example5() {
        return MassFunction.builder(FRAME).put(IF, 0.8).put(WN, 0.05).put(WN | IF, 0.05).put(THETA, 0.1).build();
    }

    @ParameterizedTest
    @EnumSource(ResultSelector.class)
    void example5BothSelectorsReadIndifferentWithBelief80Percent(ResultSelector selector) {
        Selection s = selector.select(example5());

        assertThat(s.selector()).isEqualTo(selector);
        assertThat(s.set()).isEqualTo(IF);
        assertThat(s.belief()).isCloseTo(0.8, within(EXACT));
        assertThat(s.plausibility()).isCloseTo(0.95, within(EXACT));
        assertThat(s.note()).isEmpty();
    }

    @Test
    void example5SantosDescendsFromTheLowerHalfDroppingOneAtomAtATime() {
        Selection s = ResultSelector.SANTOS.select(example5());

        assertThat(s.path()).extracting(Selection.DescentStep::set)
                .containsExactly(SsmScale.LOWER_HALF, NE | WN | IF, WN | IF, IF);
        double[] beliefs = {0.9, 0.9, 0.9, 0.8};
        for (int i = 0; i < beliefs.length; i++) {
            assertThat(s.path().get(i).belief()).as("Bel at depth %d", i).isCloseTo(beliefs[i], within(EXACT));
        }
        assertThat(s.path()).allMatch(Selection.DescentStep::accepted);
        // the siblings that lost at each level
        assertThat(s.path()).extracting(Selection.DescentStep::alternative)
                .containsExactly(SsmScale.UPPER_HALF, SN | NE | WN, NE | WN, WN);
        assertThat(s.path().get(0).altBelief()).isCloseTo(0.8, within(EXACT));
        assertThat(s.path().get(3).altBelief()).isCloseTo(0.05, within(EXACT));
    }
}
