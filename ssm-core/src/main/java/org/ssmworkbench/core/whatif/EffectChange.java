package org.ssmworkbench.core.whatif;

import java.util.Optional;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.synthesis.Effect;

/**
 * One effect's line in the "what flips" table.
 *
 * @param effect         the effect
 * @param kind           how the scenario changes it
 * @param before         the saved result's selection (empty without findings)
 * @param after          the scenario's selection (empty without findings, or when it failed)
 * @param findingsBefore findings combined in the saved result
 * @param findingsAfter  findings combined under the scenario
 * @param studiesBefore  studies among them in the saved result
 * @param studiesAfter   studies among them under the scenario
 * @param note           why the scenario failed, else ""
 */
public record EffectChange(Effect effect, ChangeKind kind, Optional<Selection> before, Optional<Selection> after,
        int findingsBefore, int findingsAfter, int studiesBefore, int studiesAfter, String note) {

    /** Belief after minus belief before (each of its own selected hypothesis); 0 when either is missing. */
    public double beliefDelta() {
        return before.isPresent() && after.isPresent() ? after.get().belief() - before.get().belief() : 0.0;
    }
}
