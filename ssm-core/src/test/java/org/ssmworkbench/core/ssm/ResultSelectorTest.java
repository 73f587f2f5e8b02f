package org.ssmworkbench.core.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.ssmworkbench.core.ssm.SsmScale.IF;
import static org.ssmworkbench.core.ssm.SsmScale.NE;
import static org.ssmworkbench.core.ssm.SsmScale.PO;
import static org.ssmworkbench.core.ssm.SsmScale.SN;
import static org.ssmworkbench.core.ssm.SsmScale.SP;
import static org.ssmworkbench.core.ssm.SsmScale.THETA;
import static org.ssmworkbench.core.ssm.SsmScale.WN;
import static org.ssmworkbench.core.ssm.SsmScale.WP;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.belief.Frame;
import org.ssmworkbench.core.belief.Masses;
import org.ssmworkbench.core.belief.MassFunction;

/** The two result selectors of docs/method.md section 6. */
class ResultSelectorTest {

    private static final double EPS = 1e-12;
    private static final Frame F = SsmScale.FRAME;

    private static Selection.Candidate candidate(Selection s, long set) {
        return s.candidates().stream().filter(c -> c.set() == set).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate " + F.format(set) + " in " + s.candidates()));
    }

    // ---------------------------------------------------------------- Evidence Factory-compatible

    @Test
    void evidenceFactoryPrefersASingletonOnATieWithAnEarlierPair() {
        // Bel({SN,NE}) = 0.4 (no singleton inside it has belief) ties with Bel(PO) = 0.4
        MassFunction m = Masses.of(F, "SN,NE", 0.4, "PO", 0.4, "SN,NE,WN,IF,WP,PO,SP", 0.2);

        Selection s = ResultSelector.EVIDENCE_FACTORY.select(m);

        assertThat(s.set()).isEqualTo(PO);
        assertThat(s.belief()).isCloseTo(0.4, within(EPS));
        assertThat(candidate(s, SN | NE).verdict()).isEqualTo(Selection.Verdict.CANDIDATE);
        assertThat(candidate(s, PO).verdict()).isEqualTo(Selection.Verdict.SELECTED);
        assertThat(s.path()).isEmpty();
    }

    @Test
    void evidenceFactoryPrefersTheEarlierScalePositionOnATie() {
        MassFunction m = Masses.of(F, "NE", 0.3, "WN", 0.3, "IF", 0.3, "SN,NE,WN,IF,WP,PO,SP", 0.1);

        Selection s = ResultSelector.EVIDENCE_FACTORY.select(m);

        assertThat(s.set()).isEqualTo(NE);
        assertThat(s.belief()).isCloseTo(0.3, within(EPS));
        assertThat(s.candidates()).extracting(Selection.Candidate::set).containsExactly(NE, WN, IF);
    }

    @Test
    void evidenceFactoryPrefersTheEarlierOfTwoTiedPairs() {
        MassFunction m = Masses.of(F, "WP,PO", 0.4, "NE,WN", 0.4, "SN,NE,WN,IF,WP,PO,SP", 0.2);

        Selection s = ResultSelector.EVIDENCE_FACTORY.select(m);

        assertThat(s.set()).isEqualTo(NE | WN);
        assertThat(s.label()).isEqualTo("negative - weakly negative");
    }

    @Test
    void evidenceFactoryTreatsBeliefsWithinRoundingNoiseAsATie() {
        // 0.1 + 0.2 = 0.30000000000000004 in floating point: still a tie with 0.3, so the singleton wins
        MassFunction m = Masses.of(F, "WN", 0.1, "WN,IF", 0.2, "PO", 0.3, "SN,NE,WN,IF,WP,PO,SP", 0.4);

        Selection s = ResultSelector.EVIDENCE_FACTORY.select(m);

        assertThat(m.belief(WN | IF)).isGreaterThan(0.3);
        assertThat(s.set()).isEqualTo(PO);
    }

    @Test
    void evidenceFactoryExcludesAPairWhoseSingletonHoldsThreeQuartersOfItsBelief() {
        // Bel({WP,PO}) = 0.8 would win, but Bel(PO) = 0.65 ≥ 0.75 × 0.8 = 0.6
        MassFunction m = Masses.of(F, "PO", 0.65, "WP,PO", 0.15, "SN,NE,WN,IF,WP,PO,SP", 0.2);

        Selection s = ResultSelector.EVIDENCE_FACTORY.select(m);

        assertThat(s.set()).isEqualTo(PO);
        assertThat(s.belief()).isCloseTo(0.65, within(EPS));
        Selection.Candidate pair = candidate(s, WP | PO);
        assertThat(pair.belief()).isCloseTo(0.8, within(EPS));
        assertThat(pair.mass()).isCloseTo(0.15, within(EPS));
        assertThat(pair.verdict()).isEqualTo(Selection.Verdict.EXCLUDED);
        assertThat(pair.text()).isEqualTo("excluded: Bel(PO) ≥ 75% of Bel(pair)");
    }

    @Test
    void evidenceFactoryKeepsAPairWhoseSingletonsHoldLessThanThreeQuarters() {
        // Bel(PO) = 0.5 < 0.6: the pair stays a candidate and wins with 0.8
        MassFunction m = Masses.of(F, "PO", 0.5, "WP,PO", 0.3, "SN,NE,WN,IF,WP,PO,SP", 0.2);

        Selection s = ResultSelector.EVIDENCE_FACTORY.select(m);

        assertThat(s.set()).isEqualTo(WP | PO);
        assertThat(s.belief()).isCloseTo(0.8, within(EPS));
        assertThat(candidate(s, PO).verdict()).isEqualTo(Selection.Verdict.CANDIDATE);
    }

    @Test
    void evidenceFactoryExcludesAPairAtExactlyThreeQuarters() {
        // Bel(WP) = 0.6 and Bel({WP,PO}) = 0.8: exactly 75%, so ≥ holds and the pair is excluded
        MassFunction m = Masses.of(F, "WP", 0.6, "WP,PO", 0.2, "SN,NE,WN,IF,WP,PO,SP", 0.2);

        Selection s = ResultSelector.EVIDENCE_FACTORY.select(m);

        assertThat(s.set()).isEqualTo(WP);
        assertThat(candidate(s, WP | PO).verdict()).isEqualTo(Selection.Verdict.EXCLUDED);
        assertThat(candidate(s, WP | PO).text()).contains("Bel(WP)");
    }

    @Test
    void evidenceFactoryIgnoresPairsWithoutDirectMassAndNeverReturnsThreeAtoms() {
        // {NE,WN,IF} has the most belief, but only singletons and adjacent pairs with direct mass compete
        MassFunction m = Masses.of(F, "NE,WN,IF", 0.7, "WN", 0.1, "SN,NE,WN,IF,WP,PO,SP", 0.2);

        Selection s = ResultSelector.EVIDENCE_FACTORY.select(m);

        assertThat(s.set()).isEqualTo(WN);
        assertThat(s.candidates()).extracting(Selection.Candidate::set).containsExactly(WN);
    }

    // ---------------------------------------------------------------- Santos

    @Test
    void santosMayStopAtANonFocalInterval() {
        // lower half 0.9 → {NE,WN,IF} 0.9 → children {NE,WN} 0.6 and {WN,IF} 0.6, both below 0.675
        MassFunction m = Masses.of(F, "NE", 0.3, "WN", 0.3, "IF", 0.3, "SN,NE,WN,IF,WP,PO,SP", 0.1);

        Selection s = ResultSelector.SANTOS.select(m);

        assertThat(s.set()).isEqualTo(NE | WN | IF);
        assertThat(m.mass(s.set())).isZero();
        assertThat(s.belief()).isCloseTo(0.9, within(EPS));
        assertThat(s.plausibility()).isCloseTo(1.0, within(EPS));
        assertThat(s.label()).isEqualTo("negative to indifferent");
        assertThat(s.path()).extracting(Selection.DescentStep::set)
                .containsExactly(SsmScale.LOWER_HALF, NE | WN | IF, NE | WN);
        assertThat(s.path()).extracting(Selection.DescentStep::accepted).containsExactly(true, true, false);
        // on a tie between the children, the one that dropped its highest atom is preferred
        assertThat(s.path().get(2).alternative()).isEqualTo(WN | IF);
        assertThat(candidate(s, NE | WN).verdict()).isEqualTo(Selection.Verdict.STOPPED);
        assertThat(candidate(s, NE | WN).text()).isEqualTo("stopped: below 75% of parent");
    }

    @Test
    void santosStartsFromTheUpperHalfWhenItHasMoreBelief() {
        MassFunction ex1 = MassFunction.simpleSupport(F, PO | SP, 0.65)
                .combine(MassFunction.simpleSupport(F, WP | PO, 0.4), CombinationRule.DEMPSTER);

        Selection s = ResultSelector.SANTOS.select(ex1);

        // upper half 0.79 → {WP,PO,SP} 0.79 → {PO,SP} 0.65 (≥ 0.5925) → {PO} 0.26 < 0.4875: stop at {PO,SP}
        assertThat(s.path().get(0).set()).isEqualTo(SsmScale.UPPER_HALF);
        assertThat(s.path().get(0).belief()).isCloseTo(0.79, within(EPS));
        assertThat(s.path()).extracting(Selection.DescentStep::set)
                .containsExactly(SsmScale.UPPER_HALF, WP | PO | SP, PO | SP, PO);
        assertThat(s.set()).isEqualTo(PO | SP);
        assertThat(s.belief()).isCloseTo(0.65, within(EPS));
    }

    @Test
    void santosPrefersTheLowerHalfOnATie() {
        MassFunction m = Masses.of(F, "IF", 1.0);

        Selection s = ResultSelector.SANTOS.select(m);

        assertThat(s.path().get(0).set()).isEqualTo(SsmScale.LOWER_HALF);
        assertThat(s.set()).isEqualTo(IF);
        assertThat(s.belief()).isEqualTo(1.0);
    }

    @Test
    void santosDescendsToASingletonWhenBeliefStaysConcentrated() {
        MassFunction m = Masses.of(F, "SP", 0.9, "SN,NE,WN,IF,WP,PO,SP", 0.1);

        Selection s = ResultSelector.SANTOS.select(m);

        assertThat(s.set()).isEqualTo(SP);
        assertThat(s.path()).hasSize(4).allMatch(Selection.DescentStep::accepted);
    }

    // ---------------------------------------------------------------- both

    @ParameterizedTest
    @EnumSource(ResultSelector.class)
    void vacuousEvidenceSelectsTheWholeScaleWithANote(ResultSelector selector) {
        Selection s = selector.select(MassFunction.vacuous(F));

        assertThat(s.set()).isEqualTo(THETA);
        assertThat(s.belief()).isEqualTo(1.0);
        assertThat(s.plausibility()).isEqualTo(1.0);
        assertThat(s.note()).isNotBlank();
        assertThat(s.label()).isEqualTo("strongly negative to strongly positive");
    }

    @ParameterizedTest
    @EnumSource(ResultSelector.class)
    void selectingOnAnotherFrameIsRefused(ResultSelector selector) {
        MassFunction m = MassFunction.vacuous(Frame.of("low", "high"));

        assertThatThrownBy(() -> selector.select(m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSM frame");
    }

    @ParameterizedTest
    @EnumSource(ResultSelector.class)
    void selectorsAcceptAPlainFrameWithTheSsmCodes(ResultSelector selector) {
        Frame plain = Frame.of(SsmScale.CODES);
        MassFunction m = MassFunction.simpleSupport(plain, SP, 0.9);

        assertThat(selector.select(m).set()).isEqualTo(SP);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            ef,                EVIDENCE_FACTORY
            EF,                EVIDENCE_FACTORY
            evidence-factory,  EVIDENCE_FACTORY
            evidence_factory,  EVIDENCE_FACTORY
            santos,            SANTOS
            ' Santos ',        SANTOS
            """)
    void selectorsAreFoundById(String id, ResultSelector expected) {
        assertThat(ResultSelector.byId(id)).isEqualTo(expected);
    }

    @Test
    void unknownSelectorIdIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> ResultSelector.byId("max-bel"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-bel")
                .hasMessageContaining("ef, santos");
    }

    @Test
    void selectionReportsCodesAndLabel() {
        Selection s = ResultSelector.EVIDENCE_FACTORY.select(MassFunction.simpleSupport(F, WN | IF, 0.7));

        assertThat(s.code()).isEqualTo("WN,IF");
        assertThat(s.codes()).containsExactly("WN", "IF");
        assertThat(s.label()).isEqualTo("weakly negative - indifferent");
        assertThat(s.plausibility()).isEqualTo(1.0);
        assertThat(s.set() & SN).isZero();
    }
}
