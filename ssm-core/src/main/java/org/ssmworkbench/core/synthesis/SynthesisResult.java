package org.ssmworkbench.core.synthesis;

import java.util.List;
import java.util.Optional;

/**
 * The result of a synthesis: per-study beliefs, every finding, and per-effect aggregations, with the
 * synthesis and policies that produced them.
 *
 * @param synthesis the input
 * @param studies   per-study beliefs, in combination order
 * @param findings  every finding, in combination order (study, evidence model, then effect order)
 * @param dropped   findings a concept-mapping drop decision excluded, as "S1/e1: concept"
 * @param effects   per-effect results, in the synthesis' effect order
 */
public record SynthesisResult(Synthesis synthesis, List<StudyResult> studies, List<Finding> findings,
        List<String> dropped, List<EffectResult> effects) {

    /** Defensive copies. */
    public SynthesisResult {
        studies = List.copyOf(studies);
        findings = List.copyOf(findings);
        dropped = List.copyOf(dropped);
        effects = List.copyOf(effects);
    }

    /** The result of one effect. */
    public Optional<EffectResult> effect(String id) {
        return effects.stream().filter(e -> e.effect().id().equals(id)).findFirst();
    }

    /** The belief result of one study. */
    public Optional<StudyResult> study(String id) {
        return studies.stream().filter(s -> s.study().equals(id)).findFirst();
    }
}
