package org.ssmworkbench.core.synthesis;

import java.util.List;
import java.util.Optional;
import org.ssmworkbench.core.belief.Combination;
import org.ssmworkbench.core.ssm.Selection;

/**
 * The aggregated result of one effect, with everything that produced it.
 *
 * @param effect      the effect
 * @param findings    the findings combined, in combination order
 * @param combination the fold with its trace (empty when no study reports the effect)
 * @param selection   the selector's reading (empty when there are no findings)
 * @param studies     number of distinct studies among the findings
 * @param strongest   the finding with the highest mass (the first on ties)
 * @param change      whether aggregation reinforced or weakened the strongest single finding
 * @param published   the published result, if recorded
 */
public record EffectResult(Effect effect, List<Finding> findings, Optional<Combination> combination,
        Optional<Selection> selection, int studies, Optional<Finding> strongest, Change change,
        Optional<PublishedResult> published) {

    /** Defensive copy. */
    public EffectResult {
        findings = List.copyOf(findings);
    }

    /** How the aggregated belief compares with the strongest single finding's mass. */
    public enum Change {
        /** Aggregated belief above the strongest finding's mass. */
        REINFORCED,
        /** Below it. */
        WEAKENED,
        /** Equal (within 1e-12), e.g. a single finding. */
        UNCHANGED,
        /** No findings. */
        NONE;

        /** Lower-case id. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
