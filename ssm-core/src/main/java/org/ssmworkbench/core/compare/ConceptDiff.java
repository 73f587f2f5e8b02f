package org.ssmworkbench.core.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ssmworkbench.core.synthesis.Synthesis;

/**
 * Compares two concept trees of one synthesis (decision 0035): concepts are aligned level by level
 * under their slot (an effect concept under the effect it counts for after join decisions, a
 * context aspect under its key, a moderator under its name), and each aligned row is
 * {@link MatchState#MATCHED} when both trees have it, else {@link MatchState#DIFFERS} when a
 * decision names the concept or it is a declared effect, else {@link MatchState#UNDECIDED}.
 */
public final class ConceptDiff {

    private ConceptDiff() {
    }

    /** Compares two trees of the synthesis {@code s} (its decisions and declared effects). */
    public static ConceptComparison compare(ConceptTree left, ConceptTree right, Synthesis s) {
        Set<String> declared = ConceptTrees.effects(s);
        List<ConceptRow> rows = new ArrayList<>();
        for (ConceptLevel level : ConceptLevel.values()) {
            Map<String, ConceptNode> l = bySlot(left, level);
            Map<String, ConceptNode> r = bySlot(right, level);
            List<String> slots = new ArrayList<>(l.keySet());
            Set<String> seen = new HashSet<>(slots);
            for (String k : r.keySet()) {
                if (seen.add(k)) {
                    slots.add(k);
                }
            }
            if (level == ConceptLevel.CONTEXT) {
                // keep the archetype grouping across both sides
                List<String> ordered = new ArrayList<>();
                for (org.ssmworkbench.core.synthesis.Archetype a : org.ssmworkbench.core.synthesis.Archetype.values()) {
                    for (String k : slots) {
                        ConceptNode n = l.containsKey(k) ? l.get(k) : r.get(k);
                        if (n.archetype().orElse(null) == a) {
                            ordered.add(k);
                        }
                    }
                }
                slots = ordered;
            }
            for (String slot : slots) {
                rows.add(row(level, slot, Optional.ofNullable(l.get(slot)), Optional.ofNullable(r.get(slot)),
                        declared));
            }
        }
        return new ConceptComparison(left, right, rows);
    }

    private static ConceptRow row(ConceptLevel level, String slot, Optional<ConceptNode> l, Optional<ConceptNode> r,
            Set<String> declared) {
        ConceptNode any = l.orElseGet(() -> r.orElseThrow());
        Optional<ConceptNode.Decided> decision = l.flatMap(ConceptNode::decision).or(() -> r.flatMap(ConceptNode::decision));
        if (l.isPresent() && r.isPresent()) {
            MatchBasis basis = l.get().concept().equals(r.get().concept()) ? MatchBasis.SAME_NAME : MatchBasis.JOINED;
            return new ConceptRow(level, any.archetype(), slot, l, r, MatchState.MATCHED, basis,
                    agree(l.get(), r.get()), decision);
        }
        if (decision.isPresent()) {
            return new ConceptRow(level, any.archetype(), slot, l, r, MatchState.DIFFERS, MatchBasis.DECISION, false,
                    decision);
        }
        if (level == ConceptLevel.EFFECT && declared.contains(slot)) {
            return new ConceptRow(level, any.archetype(), slot, l, r, MatchState.DIFFERS, MatchBasis.DECLARED_EFFECT,
                    false, decision);
        }
        return new ConceptRow(level, any.archetype(), slot, l, r, MatchState.UNDECIDED, MatchBasis.NONE, false,
                decision);
    }

    /** Same intensity or hypothesis for effects; the same set of values otherwise. */
    private static boolean agree(ConceptNode a, ConceptNode b) {
        if (a.level() == ConceptLevel.EFFECT) {
            return a.effect().isPresent() && b.effect().isPresent() && a.effect().get().set() == b.effect().get().set();
        }
        if (a.level() == ConceptLevel.INTERVENTION) {
            return a.concept().equals(b.concept());
        }
        return new HashSet<>(a.values()).equals(new HashSet<>(b.values()));
    }

    private static Map<String, ConceptNode> bySlot(ConceptTree t, ConceptLevel level) {
        Map<String, ConceptNode> out = new LinkedHashMap<>();
        for (ConceptNode n : t.nodes()) {
            if (n.level() == level) {
                out.putIfAbsent(n.slot(), n);
            }
        }
        return out;
    }
}
