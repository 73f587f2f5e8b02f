package org.ssmworkbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.Archetype;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisException;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;

class ConceptDiffTest {

    static final Synthesis S = TwoStudies.synthesis();
    static final SynthesisResult R = Synthesizer.run(S);

    static String line(ConceptRow r) {
        return r.level().id() + " " + r.slot() + " " + r.left().map(ConceptNode::concept).orElse("-") + " | "
                + r.right().map(ConceptNode::concept).orElse("-") + " " + r.state().id() + " " + r.basis().id()
                + (r.valuesAgree() ? " agree" : "");
    }

    @Test
    void aModelTreeHasTheInterventionEffectsWithIntensityContextByArchetypeAndModerators() {
        ConceptTree t = ConceptTrees.model(R, TwoStudies.contexts(), "S1", "e1");
        assertThat(t.title()).isEqualTo("S1/e1 int8");
        assertThat(t.nodes()).extracting(n -> n.level().id() + ":" + n.concept()).containsExactly(
                "intervention:quantization", "effect:accuracy", "effect:latency", "context:models",
                "context:hardware", "context:energy_measurement", "moderator:bits");
        ConceptNode acc = t.nodes().get(1);
        assertThat(acc.effect().orElseThrow().set()).isEqualTo(SsmScale.WN | SsmScale.IF);
        assertThat(acc.effect().orElseThrow().weight()).isEqualTo(0.6);
        assertThat(t.nodes().get(2).effect().orElseThrow().set()).isEqualTo(SsmScale.SP);
        assertThat(t.nodes().get(5).archetype()).contains(Archetype.ACTIVITY);
        assertThat(t.nodes().get(0).values()).containsExactly("int8");
    }

    @Test
    void modelAgainstModelAlignsJoinedConceptsAndMarksWhatNoDecisionCovers() {
        ConceptComparison c = ConceptDiff.compare(ConceptTrees.model(R, TwoStudies.contexts(), "S1", "e1"),
                ConceptTrees.model(R, TwoStudies.contexts(), "S2", "e1"), S);
        assertThat(c.rows()).extracting(ConceptDiffTest::line).containsExactly(
                "intervention intervention quantization | quantization matched same-name agree",
                "effect accuracy accuracy | pass@1 matched joined",
                "effect latency latency | - differs declared-effect",
                "effect bleu - | bleu differs decision",
                "context models models | models matched same-name",
                "context hardware hardware | - undecided none",
                "context datasets - | datasets undecided none",
                "context energy_measurement energy_measurement | - undecided none",
                "moderator bits bits | bits matched same-name",
                "moderator method - | method undecided none");
        assertThat(c.count(MatchState.MATCHED)).isEqualTo(4);
        assertThat(c.count(MatchState.DIFFERS)).isEqualTo(2);
        assertThat(c.count(MatchState.UNDECIDED)).isEqualTo(4);
        ConceptRow joined = c.rows().get(1);
        assertThat(joined.decision().orElseThrow().index()).isZero();
        assertThat(joined.decision().orElseThrow().decision()).isEqualTo(TwoStudies.JOIN_PASS);
        assertThat(joined.right().orElseThrow().effect().orElseThrow().set()).isEqualTo(SsmScale.WN);
        assertThat(c.rows().get(3).right().orElseThrow().dropped()).isTrue();
        assertThat(c.rows().get(3).right().orElseThrow().effect()).isEmpty();
    }

    @Test
    void theAggregateTreeCarriesEachEffectsHypothesisAndBeliefAndTheUnionOfContexts() {
        ConceptTree agg = ConceptTrees.aggregate(R, TwoStudies.contexts());
        ConceptNode acc = agg.nodes().stream().filter(n -> n.concept().equals("accuracy")).findFirst().orElseThrow();
        assertThat(acc.effect().orElseThrow().set()).isEqualTo(SsmScale.WN | SsmScale.IF);
        assertThat(acc.effect().orElseThrow().weight()).isCloseTo(0.76, within(1e-12));
        assertThat(acc.effect().orElseThrow().findings()).isEqualTo(2);
        assertThat(agg.nodes()).filteredOn(n -> n.level() == ConceptLevel.CONTEXT).extracting(ConceptNode::concept)
                .containsExactly("models", "hardware", "datasets", "energy_measurement");
        assertThat(agg.nodes()).filteredOn(n -> n.concept().equals("models")).first()
                .extracting(ConceptNode::values).isEqualTo(List.of("ResNet-18", "Llama-2-7B"));
        assertThat(agg.nodes()).filteredOn(n -> n.concept().equals("bits")).first()
                .extracting(ConceptNode::values).isEqualTo(List.of("8", "4"));

        ConceptComparison c = ConceptDiff.compare(ConceptTrees.model(R, TwoStudies.contexts(), "S2", "e1"), agg, S);
        assertThat(c.rows()).extracting(ConceptDiffTest::line).containsExactly(
                "intervention intervention quantization | quantization matched same-name agree",
                "effect accuracy pass@1 | accuracy matched joined",
                "effect bleu bleu | - differs decision",
                "effect latency - | latency differs declared-effect",
                "context models models | models matched same-name",
                "context datasets datasets | datasets matched same-name agree",
                "context hardware - | hardware undecided none",
                "context energy_measurement - | energy_measurement undecided none",
                "moderator bits bits | bits matched same-name",
                "moderator method method | method matched same-name agree");
    }

    @Test
    void aDroppedContextAspectLeavesTheAggregate() {
        List<ConceptMapping> m = ConceptDecisions.add(S, TwoStudies.contexts(),
                new ConceptMapping(ConceptMapping.Decision.DROP, List.of("hardware"), null, "not comparable"));
        Synthesis with = withMappings(m);
        ConceptTree agg = ConceptTrees.aggregate(Synthesizer.run(with), TwoStudies.contexts());
        assertThat(agg.nodes()).extracting(ConceptNode::concept).doesNotContain("hardware");
        ConceptComparison c = ConceptDiff.compare(ConceptTrees.model(Synthesizer.run(with), TwoStudies.contexts(), "S1",
                "e1"), agg, with);
        assertThat(c.rows()).filteredOn(r -> r.slot().equals("hardware")).extracting(ConceptDiffTest::line)
                .containsExactly("context hardware hardware | - differs decision");
    }

    @Test
    void eachDecisionShowsTheFindingsItBringsTogether() {
        DecisionFindings join = DecisionFindings.of(S, TwoStudies.JOIN_PASS);
        assertThat(join.effect()).contains("accuracy");
        assertThat(join.findings()).extracting(b -> b.study() + "/" + b.evidence() + ":" + b.concept())
                .containsExactly("S1/e1:accuracy", "S2/e1:pass@1");
        assertThat(join.findings()).extracting(b -> b.finding().orElseThrow().mass()).containsExactly(0.6, 0.4);
        assertThat(join.studies()).isEqualTo(2);

        DecisionFindings drop = DecisionFindings.of(S, TwoStudies.DROP_BLEU);
        assertThat(drop.effect()).isEmpty();
        assertThat(drop.findings()).extracting(b -> b.study() + "/" + b.evidence() + ":" + b.concept())
                .containsExactly("S2/e1:bleu");
        assertThat(drop.findings().get(0).finding()).isEmpty();

        // a proposed decision (not among the synthesis' decisions yet)
        DecisionFindings keep = DecisionFindings.of(S, new ConceptMapping(ConceptMapping.Decision.KEEP,
                List.of("latency"), null, "its own effect"));
        assertThat(keep.findings()).extracting(b -> b.finding().orElseThrow().intensity().code()).containsExactly("SP");
    }

    @Test
    void aNewDecisionIsCheckedBeforeItIsRecorded() {
        List<ConceptMapping> ok = ConceptDecisions.add(S, TwoStudies.contexts(),
                new ConceptMapping(ConceptMapping.Decision.KEEP, List.of("hardware"), null, "both GPUs"));
        assertThat(ok).hasSize(3);
        assertThat(ok.get(2).concepts()).containsExactly("hardware");
        assertThatThrownBy(() -> ConceptDecisions.add(S, TwoStudies.contexts(),
                new ConceptMapping(ConceptMapping.Decision.KEEP, List.of("hardwre"), null, "typo")))
                .hasMessage("concept 'hardwre' occurs nowhere in the project (no evidence model, effect, context"
                        + " aspect or moderator has it); did you mean 'hardware'?");
        assertThatThrownBy(() -> ConceptDecisions.add(S, TwoStudies.contexts(),
                new ConceptMapping(ConceptMapping.Decision.JOIN, List.of("hardware"), "accuracy", "no")))
                .hasMessage("'hardware' is a context aspect or moderator: it can be kept or dropped, not joined into an"
                        + " effect");
        assertThatThrownBy(() -> ConceptDecisions.add(S, TwoStudies.contexts(),
                new ConceptMapping(ConceptMapping.Decision.DROP, List.of("latency"), null, "no")))
                .hasMessage("'latency' is a declared effect and cannot be dropped");
        assertThatThrownBy(() -> ConceptDecisions.add(S, TwoStudies.contexts(),
                new ConceptMapping(ConceptMapping.Decision.JOIN, List.of("latency"), "accuracy", "no")))
                .hasMessage("study S1, evidence model e1: two concepts map to effect 'accuracy'");
        assertThatThrownBy(() -> ConceptDecisions.add(S, TwoStudies.contexts(),
                new ConceptMapping(ConceptMapping.Decision.KEEP, List.of("pass@1"), null, "again")))
                .hasMessage("concept 'pass@1' is already decided by decision 1 (join [pass@1])");
    }

    static Synthesis withMappings(List<ConceptMapping> m) {
        return new Synthesis(S.id(), S.title(), S.question(), S.intervention(), S.effects(), m, Optional.empty(),
                S.studies(), S.policies(), S.published(), S.order());
    }
}
