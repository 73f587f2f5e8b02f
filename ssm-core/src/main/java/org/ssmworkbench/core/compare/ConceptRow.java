package org.ssmworkbench.core.compare;

import java.util.Objects;
import java.util.Optional;
import org.ssmworkbench.core.synthesis.Archetype;

/**
 * One line of a comparison: a concept of either tree, aligned with its counterpart in the other.
 *
 * @param level       the level of the concept
 * @param archetype   the archetype of a context aspect (empty for the other levels)
 * @param slot        what the two sides are aligned under (the effect after joins, the aspect key,
 *                    the moderator name)
 * @param left        the left tree's concept, if it has one here
 * @param right       the right tree's concept, if it has one here
 * @param state       matched, differs or undecided
 * @param basis       why
 * @param valuesAgree for a matched row, whether both sides give the same value (intensity or
 *                    hypothesis; the same set of aspect or moderator values); false otherwise
 * @param decision    the decision that names the concept, if any
 */
public record ConceptRow(ConceptLevel level, Optional<Archetype> archetype, String slot, Optional<ConceptNode> left,
        Optional<ConceptNode> right, MatchState state, MatchBasis basis, boolean valuesAgree,
        Optional<ConceptNode.Decided> decision) {

    /** Nulls refused; at least one side present. */
    public ConceptRow {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(basis, "basis");
        if (left.isEmpty() && right.isEmpty()) {
            throw new IllegalArgumentException("a concept row needs a concept on at least one side");
        }
    }

    /** The concept of the side that has it (the left one when both do). */
    public ConceptNode any() {
        return left.orElseGet(right::get);
    }
}
