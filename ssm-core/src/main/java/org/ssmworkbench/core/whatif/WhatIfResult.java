package org.ssmworkbench.core.whatif;

import java.util.List;
import org.ssmworkbench.core.synthesis.SynthesisResult;

/**
 * A scenario's result beside the saved one.
 *
 * @param scenario the scenario
 * @param result   the synthesis under it; an effect that failed has its findings and no combination
 * @param changes  one line per effect, in effect order
 */
public record WhatIfResult(Scenario scenario, SynthesisResult result, List<EffectChange> changes) {

    /** Defensive copy. */
    public WhatIfResult {
        changes = List.copyOf(changes);
    }

    /** The effects whose selected hypothesis changes (flips, failed, or no findings left). */
    public List<EffectChange> flips() {
        return changes.stream().filter(c -> c.kind() != ChangeKind.UNCHANGED && c.kind() != ChangeKind.BELIEF_CHANGES)
                .toList();
    }

    /** The change of one effect. */
    public java.util.Optional<EffectChange> change(String effectId) {
        return changes.stream().filter(c -> c.effect().id().equals(effectId)).findFirst();
    }
}
