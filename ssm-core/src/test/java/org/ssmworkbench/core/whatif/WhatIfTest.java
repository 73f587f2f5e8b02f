package org.ssmworkbench.core.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.compare.TwoStudies;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.EffectInput;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisException;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;

class WhatIfTest {

    static final SynthesisResult SAVED = Synthesizer.run(TwoStudies.synthesis());

    static Scenario off(Set<String> studies, Set<FindingKey> findings) {
        return new Scenario(studies, findings, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    @Test
    void theEmptyScenarioGivesTheSavedResult() {
        WhatIfResult w = WhatIf.run(SAVED, Scenario.NONE);
        assertThat(w.changes()).extracting(EffectChange::kind).containsOnly(ChangeKind.UNCHANGED);
        assertThat(w.result().effect("accuracy").orElseThrow().selection().orElseThrow().belief())
                .isEqualTo(SAVED.effect("accuracy").orElseThrow().selection().orElseThrow().belief());
        assertThat(w.flips()).isEmpty();
    }

    @Test
    void switchingAStudyOffChangesTheBeliefOfTheEffectsItReports() {
        // without S2 accuracy rests on S1/e1 alone: {WN,IF} with its mass 0.6 instead of 0.76
        WhatIfResult w = WhatIf.run(SAVED, off(Set.of("S2"), Set.of()));
        EffectChange acc = w.change("accuracy").orElseThrow();
        assertThat(acc.kind()).isEqualTo(ChangeKind.BELIEF_CHANGES);
        assertThat(acc.before().orElseThrow().belief()).isCloseTo(0.76, within(1e-12));
        assertThat(acc.after().orElseThrow().belief()).isCloseTo(0.6, within(1e-12));
        assertThat(acc.beliefDelta()).isCloseTo(-0.16, within(1e-12));
        assertThat(acc.findingsBefore()).isEqualTo(2);
        assertThat(acc.findingsAfter()).isEqualTo(1);
        assertThat(acc.studiesAfter()).isEqualTo(1);
        assertThat(w.change("latency").orElseThrow().kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(w.result().synthesis().studies()).extracting(Study::id).containsExactly("S1");
    }

    @Test
    void switchingOneFindingOffCanFlipTheHypothesis() {
        // without S1/e1's accuracy only S2's pass@1 remains: WN with mass 0.4
        WhatIfResult w = WhatIf.run(SAVED, off(Set.of(), Set.of(new FindingKey("S1", "e1", "accuracy"))));
        EffectChange acc = w.change("accuracy").orElseThrow();
        assertThat(acc.kind()).isEqualTo(ChangeKind.FLIPS);
        assertThat(acc.after().orElseThrow().set()).isEqualTo(SsmScale.WN);
        assertThat(acc.after().orElseThrow().belief()).isCloseTo(0.4, within(1e-12));
        assertThat(w.change("latency").orElseThrow().kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(w.flips()).extracting(c -> c.effect().id()).containsExactly("accuracy");
        // the evidence model stays (a study's N is unchanged), without that finding
        assertThat(w.result().synthesis().studies().get(0).evidence().get(0).effects()).containsOnlyKeys("latency");
    }

    @Test
    void withoutItsOnlyFindingAnEffectHasNoResult() {
        WhatIfResult w = WhatIf.run(SAVED, off(Set.of(), Set.of(new FindingKey("S1", "e1", "latency"))));
        assertThat(w.change("latency").orElseThrow().kind()).isEqualTo(ChangeKind.NO_FINDINGS);
        assertThat(w.change("latency").orElseThrow().after()).isEmpty();
    }

    @Test
    void otherCutPointsReclassifyTheFindings() {
        // correctness c1 = 5, c2 = 6: -4.27 becomes IF, -8 stays WN (in (6, 10]);
        // IF 0.6 ⊕ WN 0.4: K = 0.24, IF 0.36/0.76, WN 0.16/0.76, Θ 0.24/0.76
        Scenario sc = new Scenario(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of("correctness", new CutPoints("correctness", new double[] {5, 6, 10, 15, 20, 25})));
        EffectChange acc = WhatIf.run(SAVED, sc).change("accuracy").orElseThrow();
        assertThat(acc.kind()).isEqualTo(ChangeKind.FLIPS);
        assertThat(acc.after().orElseThrow().set()).isEqualTo(SsmScale.IF);
        assertThat(acc.after().orElseThrow().belief()).isCloseTo(0.36 / 0.76, within(1e-12));
        assertThat(sc.changesPolicies()).isTrue();
        assertThat(sc.leavesOut()).isFalse();
    }

    @Test
    void aTotalConflictIsReportedOnItsEffectsLine() {
        Study s1 = new Study("S1", "quasi-experiment", Map.of(), OptionalDouble.of(1.0), List.of(new EvidenceModel("e1",
                "a", Map.of(), "", Map.of("latency", new EffectInput.Direct(Intensity.SN, 1.0, EffectInput.Recorded.NONE)))));
        Study s2 = new Study("S2", "quasi-experiment", Map.of(), OptionalDouble.of(1.0), List.of(new EvidenceModel("e1",
                "b", Map.of(), "", Map.of("latency", new EffectInput.Direct(Intensity.SP, 1.0, EffectInput.Recorded.NONE)))));
        Synthesis yager = new Synthesis("t", "t", "q", "x", List.of(TwoStudies.LATENCY), List.of(), Optional.empty(),
                List.of(s1, s2), Policies.quantization().withRule(CombinationRule.YAGER), Map.of());
        Scenario dempster = new Scenario(Set.of(), Set.of(), Optional.of(CombinationRule.DEMPSTER), Optional.empty(),
                Optional.empty(), Map.of());
        EffectChange c = WhatIf.run(Synthesizer.run(yager), dempster).change("latency").orElseThrow();
        assertThat(c.kind()).isEqualTo(ChangeKind.FAILED);
        assertThat(c.note()).startsWith("effect 'latency': ").contains("total conflict");
        assertThat(c.after()).isEmpty();
    }

    @Test
    void aScenarioNamingWhatTheSynthesisLacksIsRefused() {
        assertThatThrownBy(() -> WhatIf.run(SAVED, off(Set.of("S9"), Set.of())))
                .isInstanceOf(SynthesisException.class).hasMessage("what-if: no study 'S9' in the synthesis");
        assertThatThrownBy(() -> WhatIf.run(SAVED, off(Set.of(), Set.of(new FindingKey("S1", "e1", "pass@1")))))
                .hasMessage("what-if: no finding S1/e1:pass@1 in the synthesis (study/evidence:concept)");
        Scenario cuts = new Scenario(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of("energy", new CutPoints("energy", new double[] {1, 2, 3, 4, 5, 6})));
        assertThatThrownBy(() -> WhatIf.run(SAVED, cuts))
                .hasMessage("what-if: no cut-point family 'energy' (known: correctness, resource)");
    }
}
