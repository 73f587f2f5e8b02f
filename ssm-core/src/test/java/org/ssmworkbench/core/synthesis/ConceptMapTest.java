package org.ssmworkbench.core.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConceptMapTest {

    private static ConceptMapping join(String into, String... concepts) {
        return new ConceptMapping(ConceptMapping.Decision.JOIN, List.of(concepts), into, "same metric");
    }

    private static ConceptMapping drop(String... concepts) {
        return new ConceptMapping(ConceptMapping.Decision.DROP, List.of(concepts), null, "out of scope");
    }

    @Test
    void joinedConceptsCountForTheirEffectDroppedOnesForNoneOthersForThemselves() {
        ConceptMap m = ConceptMap.of(List.of(join("accuracy", "top1_accuracy", "acc"), drop("bleu")),
                List.of("accuracy", "latency"));
        assertThat(m.effectOf("top1_accuracy")).contains("accuracy");
        assertThat(m.effectOf("acc")).contains("accuracy");
        assertThat(m.effectOf("accuracy")).contains("accuracy");
        assertThat(m.effectOf("latency")).contains("latency");
        assertThat(m.effectOf("bleu")).isEmpty();
        assertThat(m.dropped("bleu")).isTrue();
        assertThat(m.effectOf("perplexity")).isEmpty();
        assertThat(m.joined("perplexity")).isEqualTo("perplexity");
    }

    @Test
    void theFactoryRefusesWhatCannotBeRead() {
        assertThatThrownBy(() -> ConceptMap.of(List.of(join("nope", "a")), List.of("accuracy")))
                .isInstanceOf(SynthesisException.class).hasMessageContaining("unknown effect 'nope'");
        assertThatThrownBy(() -> ConceptMap.of(List.of(join("accuracy", "a"), drop("a")), List.of("accuracy")))
                .isInstanceOf(SynthesisException.class).hasMessageContaining("'a' is mapped by decisions 1 and 2");
        assertThatThrownBy(() -> ConceptMap.of(List.of(drop("accuracy")), List.of("accuracy")))
                .isInstanceOf(SynthesisException.class).hasMessageContaining("declared effect");
    }

    @Test
    void anEffectOfAFamilyWithoutCutPointsIsASynthesisExceptionNotAnIllegalArgument() {
        Synthesis s = new Synthesis("x", "x", "", "", List.of(new Effect("e", "E", "no-such-family",
                Direction.HIGHER_IS_BETTER)), List.of(), java.util.Optional.empty(), List.of(),
                Policies.quantization(), Map.of(), List.of());
        assertThatThrownBy(() -> Synthesizer.run(s)).isInstanceOf(SynthesisException.class)
                .hasMessageContaining("effect 'e'");
        assertThatThrownBy(() -> Synthesizer.prepare(s)).isInstanceOf(SynthesisException.class);
    }
}
