package org.ssmworkbench.core.compare;

import java.util.List;

/**
 * Two concept trees side by side, concept by concept.
 *
 * @param left  the left tree
 * @param right the right tree
 * @param rows  one row per aligned concept: the intervention, the effects, the context aspects by
 *              archetype, the moderators; within a level the left tree's order, then the concepts
 *              only the right tree has
 */
public record ConceptComparison(ConceptTree left, ConceptTree right, List<ConceptRow> rows) {

    /** Defensive copy. */
    public ConceptComparison {
        rows = List.copyOf(rows);
    }

    /** How many rows have this state. */
    public int count(MatchState state) {
        return (int) rows.stream().filter(r -> r.state() == state).count();
    }
}
