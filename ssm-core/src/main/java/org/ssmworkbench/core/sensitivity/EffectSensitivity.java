package org.ssmworkbench.core.sensitivity;

import java.util.List;
import java.util.Optional;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectResult;

/**
 * Every variant of one effect's result.
 *
 * @param effect           the effect
 * @param base             the base result
 * @param variants         the variants, in analysis order
 * @param smallestCutFlip  the cut-point variant with the smallest relative change that flips the
 *                         result, if any
 */
public record EffectSensitivity(Effect effect, EffectResult base, List<Variant> variants,
        Optional<Variant> smallestCutFlip) {

    /** Defensive copy. */
    public EffectSensitivity {
        variants = List.copyOf(variants);
    }

    /** The variants that flip the base hypothesis. */
    public List<Variant> flips() {
        return variants.stream().filter(Variant::flips).toList();
    }
}
