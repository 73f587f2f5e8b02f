package org.ssmworkbench.core.compare;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ssmworkbench.core.synthesis.Archetype;
import org.ssmworkbench.core.synthesis.ConceptMapping;

/**
 * One concept of a concept tree.
 *
 * @param level     intervention, effect, context aspect or moderator
 * @param archetype the archetype of a context aspect (empty for the other levels)
 * @param concept   the concept as the tree names it (the study's own effect name, the aspect key, the
 *                  moderator name)
 * @param slot      what it is compared under: for an effect the effect it counts for after join
 *                  decisions, else the concept itself
 * @param values    the aspect's or moderator's values as text (an aggregate: every distinct value);
 *                  the configuration for the intervention of a model
 * @param effect    for an effect: its intensity and mass, or aggregated hypothesis and belief; empty
 *                  when the concept is dropped (it is never computed) or has no findings
 * @param decision  the concept-mapping decision that names the concept, if any, with its index in
 *                  the synthesis' decisions
 */
public record ConceptNode(ConceptLevel level, Optional<Archetype> archetype, String concept, String slot,
        List<String> values, Optional<EffectValue> effect, Optional<Decided> decision) {

    /** Defensive copy; nulls refused. */
    public ConceptNode {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(slot, "slot");
        values = List.copyOf(values);
    }

    /**
     * A decision about a concept, where it stands in synthesis.yaml.
     *
     * @param index    0-based position among the synthesis' decisions
     * @param decision the decision
     */
    public record Decided(int index, ConceptMapping decision) {
    }

    /** Whether a drop decision leaves this concept out. */
    public boolean dropped() {
        return decision.map(d -> d.decision().decision() == ConceptMapping.Decision.DROP).orElse(false);
    }
}
