package org.ssmworkbench.core.sensitivity;

import java.util.List;
import java.util.Optional;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectResult;

/**
 * Every variant of one effect's result, how it depends on the combination order, and how it grew
 * study by study.
 *
 * @param effect           the effect
 * @param base             the base result
 * @param variants         the variants, in analysis order
 * @param smallestCutFlip  the cut-point variant with the smallest relative change that flips the
 *                         result, if any
 * @param orders           order dependence per rule
 * @param cumulative       the cumulative synthesis, one step per study that reports the effect
 */
public record EffectSensitivity(Effect effect, EffectResult base, List<Variant> variants,
        Optional<Variant> smallestCutFlip, List<OrderSpread> orders, List<CumulativeStep> cumulative) {

    /** Defensive copy. */
    public EffectSensitivity {
        variants = List.copyOf(variants);
        orders = List.copyOf(orders);
        cumulative = List.copyOf(cumulative);
    }

    /** The variants that flip the base hypothesis. */
    public List<Variant> flips() {
        return variants.stream().filter(Variant::flips).toList();
    }

    /** The step after which the selected hypothesis no longer changed (1-based), or 0 without steps. */
    public int settledAfter() {
        int settled = cumulative.isEmpty() ? 0 : 1;
        for (int i = 1; i < cumulative.size(); i++) {
            if (cumulative.get(i).changed()) {
                settled = i + 1;
            }
        }
        return settled;
    }
}
