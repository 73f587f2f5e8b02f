package org.ssmworkbench.core.sensitivity;

import java.util.List;
import java.util.Optional;
import org.ssmworkbench.core.synthesis.SynthesisResult;

/**
 * The result of a sensitivity analysis.
 *
 * @param base            the base synthesis result
 * @param plan            the plan run
 * @param effects         per-effect variants, in the synthesis' effect order
 * @param skipped         variants that could not be formed (e.g. a cut factor that breaks the order of
 *                        the cut points), with the reason
 * @param cumulativeBasis the order of the cumulative synthesis, in words ("publication year …" or
 *                        "combination order …" with why)
 * @param cumulativeOrder the study ids in that order
 */
public record SensitivityResult(SynthesisResult base, SensitivityPlan plan, List<EffectSensitivity> effects,
        List<String> skipped, String cumulativeBasis, List<String> cumulativeOrder) {

    /** Defensive copies. */
    public SensitivityResult {
        effects = List.copyOf(effects);
        skipped = List.copyOf(skipped);
        cumulativeOrder = List.copyOf(cumulativeOrder);
    }

    /** The variants of one effect. */
    public Optional<EffectSensitivity> effect(String id) {
        return effects.stream().filter(e -> e.effect().id().equals(id)).findFirst();
    }
}
