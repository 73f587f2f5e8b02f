package org.ssmworkbench.core.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.ssm.SsmScale;

class SynthesizerTest {

    private static final Effect ACCURACY = new Effect("accuracy", "Accuracy", "correctness", Direction.HIGHER_IS_BETTER);
    private static final Effect LATENCY = new Effect("latency", "Latency", "resource", Direction.LOWER_IS_BETTER);

    private static EffectInput summary(double mean, double iqr) {
        return new EffectInput.FromSummary(SummaryStatistics.of(mean, iqr), "summary", EffectInput.Recorded.NONE);
    }

    private static EvidenceModel model(String id, Map<String, EffectInput> effects) {
        return new EvidenceModel(id, id, Map.of(), "", effects);
    }

    private static Map<String, EffectInput> effects(Object... kv) {
        Map<String, EffectInput> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (EffectInput) kv[i + 1]);
        }
        return m;
    }

    private static Synthesis synthesis(List<ConceptMapping> mappings, Study... studies) {
        return new Synthesis("t", "test", "q", "x", List.of(ACCURACY, LATENCY), mappings, Optional.empty(),
                List.of(studies), Policies.quantization(), Map.of());
    }

    @Test
    void combinesFindingsInStudyThenModelOrderAndReportsTheTrace() {
        Study s1 = new Study("S1", "quasi-experiment", Map.of(), OptionalDouble.of(0.6), List.of(
                model("e1", effects("accuracy", summary(-4.27, 0.0), "latency", summary(57.18, 0.0))),
                model("e2", effects("accuracy", summary(-8.0, 0.0)))));
        Study s2 = new Study("S2", "observational", Map.of(), OptionalDouble.of(0.4), List.of(
                model("e1", effects("accuracy", new EffectInput.Direct(Intensity.WN, 0.3, EffectInput.Recorded.NONE)))));
        SynthesisResult r = Synthesizer.run(synthesis(List.of(), s1, s2));

        EffectResult acc = r.effect("accuracy").orElseThrow();
        assertThat(acc.findings()).extracting(Finding::key).containsExactly("S1/e1", "S1/e2", "S2/e1");
        assertThat(acc.findings()).extracting(Finding::intensity).containsExactly(Intensity.WN_IF, Intensity.WN, Intensity.WN);
        assertThat(acc.findings()).extracting(Finding::mass).containsExactly(0.6, 0.6, 0.3);
        assertThat(acc.studies()).isEqualTo(2);
        // {WN,IF}:.6 ⊕ WN:.6 -> WN .6, {WN,IF} .24, Θ .16 (no conflict); ⊕ WN:.3 -> WN .72, {WN,IF} .168, Θ .112
        assertThat(acc.combination().orElseThrow().result().mass(SsmScale.WN)).isCloseTo(0.72, within(1e-12));
        assertThat(acc.selection().orElseThrow().set()).isEqualTo(SsmScale.WN);
        assertThat(acc.selection().orElseThrow().belief()).isCloseTo(0.72, within(1e-12));
        assertThat(acc.combination().orElseThrow().conflicts()).containsExactly(0.0, 0.0);
        assertThat(acc.combination().orElseThrow().steps().get(1).leftLabel()).isEqualTo("S1/e1 ⊕ S1/e2");
        assertThat(acc.change()).isEqualTo(EffectResult.Change.REINFORCED);
        assertThat(acc.strongest().orElseThrow().key()).isEqualTo("S1/e1");

        EffectResult lat = r.effect("latency").orElseThrow();
        assertThat(lat.findings()).hasSize(1);
        assertThat(lat.selection().orElseThrow().set()).isEqualTo(SsmScale.SP);
        assertThat(lat.change()).isEqualTo(EffectResult.Change.UNCHANGED);
        assertThat(r.study("S1").orElseThrow().evidenceModels()).isEqualTo(2);
    }

    @Test
    void conceptMappingJoinsAndDrops() {
        Study s1 = new Study("S1", "quasi-experiment", Map.of(), OptionalDouble.of(0.5), List.of(
                model("e1", effects("pass@1", summary(-3.0, 0.0), "bleu", summary(1.0, 0.0)))));
        List<ConceptMapping> maps = List.of(
                new ConceptMapping(ConceptMapping.Decision.JOIN, List.of("pass@1"), "accuracy", "same construct"),
                new ConceptMapping(ConceptMapping.Decision.DROP, List.of("bleu"), null, "out of scope"));
        SynthesisResult r = Synthesizer.run(synthesis(maps, s1));
        Finding f = r.effect("accuracy").orElseThrow().findings().get(0);
        assertThat(f.concept()).isEqualTo("pass@1");
        assertThat(f.intensity()).isEqualTo(Intensity.WN_IF);
        assertThat(r.dropped()).containsExactly("S1/e1: bleu");
        assertThat(r.effect("latency").orElseThrow().change()).isEqualTo(EffectResult.Change.NONE);
    }

    @Test
    void totalConflictNamesTheEffectAndTheFindings() {
        Study s1 = new Study("S1", "quasi-experiment", Map.of(), OptionalDouble.of(1.0), List.of(
                model("e1", effects("accuracy", summary(-40.0, 0.0)))));
        Study s2 = new Study("S2", "quasi-experiment", Map.of(), OptionalDouble.of(1.0), List.of(
                model("e1", effects("accuracy", summary(40.0, 0.0)))));
        assertThatThrownBy(() -> Synthesizer.run(synthesis(List.of(), s1, s2)))
                .isInstanceOf(SynthesisException.class)
                .hasMessageContaining("effect 'accuracy'")
                .hasMessageContaining("S1/e1")
                .hasMessageContaining("S2/e1");
        // Yager keeps the conflict on Θ instead
        Synthesis yager = synthesis(List.of(), s1, s2).withPolicies(Policies.quantization().withRule(CombinationRule.YAGER));
        EffectResult r = Synthesizer.run(yager).effect("accuracy").orElseThrow();
        assertThat(r.combination().orElseThrow().lastConflict()).isEqualTo(1.0);
        assertThat(r.combination().orElseThrow().result().mass(SsmScale.THETA)).isEqualTo(1.0);
    }

    @Test
    void unknownEffectsTypesAndMissingBeliefsAreNamed() {
        Study bad = new Study("S9", "quasi-experiment", Map.of(), OptionalDouble.of(0.5), List.of(
                model("e1", effects("energy", summary(1.0, 0.0)))));
        assertThatThrownBy(() -> Synthesizer.run(synthesis(List.of(), bad)))
                .hasMessageContaining("study S9, evidence model e1: unknown effect 'energy'");
        Study noBelief = new Study("S8", "quasi-experiment", Map.of(), OptionalDouble.empty(), List.of(
                model("e1", effects("accuracy", summary(1.0, 0.0)))));
        assertThatThrownBy(() -> Synthesizer.run(synthesis(List.of(), noBelief)))
                .hasMessageContaining("study S8 has neither an explicit belief nor checklist answers");
        Study badType = new Study("S7", "survey", Map.of(), OptionalDouble.of(0.5), List.of(
                model("e1", effects("accuracy", summary(1.0, 0.0)))));
        assertThatThrownBy(() -> Synthesizer.run(synthesis(List.of(), badType)))
                .hasMessageContaining("study S7: unknown study type 'survey'");
    }

    @Test
    void massAssignmentSplitsAStudysBeliefOverItsModels() {
        Study s1 = new Study("S1", "quasi-experiment", Map.of(), OptionalDouble.of(0.6), List.of(
                model("e1", effects("accuracy", summary(-4.27, 0.0))),
                model("e2", effects("accuracy", summary(-8.0, 0.0)))));
        Synthesis s = synthesis(List.of(), s1)
                .withPolicies(Policies.quantization().withAssignment(MassAssignment.EQUITABLE_SPLIT));
        assertThat(Synthesizer.run(s).findings()).extracting(Finding::mass).containsExactly(0.3, 0.3);
    }

    @Test
    void evidenceTheMethodCannotUseIsASynthesisExceptionNamingTheFindingWithTheCheckAsCause() {
        // a relative improvement that overflows a double: refused by the core's own check, located here
        EffectInput groups = new EffectInput.FromGroups(GroupSummary.ofMean(10, 1e-300, 1e-301),
                GroupSummary.ofMean(10, 1e300, 1e299), false, "groups", EffectInput.Recorded.NONE);
        Study s1 = new Study("S1", "quasi-experiment", Map.of(), OptionalDouble.of(0.6), List.of(
                model("e1", effects("accuracy", groups))));
        assertThatThrownBy(() -> Synthesizer.run(synthesis(List.of(), s1))).isInstanceOf(SynthesisException.class)
                .hasMessageStartingWith("study S1, evidence model e1, effect 'accuracy': the relative improvement of")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        // and an unknown study type, from a lookup in the policies
        Study s2 = new Study("S2", "survey", Map.of(), OptionalDouble.of(0.6), List.of(
                model("e1", effects("accuracy", summary(5, 0)))));
        assertThatThrownBy(() -> Synthesizer.run(synthesis(List.of(), s2))).isInstanceOf(SynthesisException.class)
                .hasMessageContaining("study S2: unknown study type 'survey'")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }
}
