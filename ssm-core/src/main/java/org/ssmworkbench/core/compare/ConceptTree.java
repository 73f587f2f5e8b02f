package org.ssmworkbench.core.compare;

import java.util.List;

/**
 * The concepts of an evidence model, or of the aggregated theory, in tree order: the intervention,
 * the effects, the context aspects by archetype, the moderators.
 *
 * @param side  what the tree shows
 * @param id    "S1/e1" for an evidence model, "aggregate" for the aggregate
 * @param title a heading ("S1/e1 q0.16", "Aggregated theory")
 * @param nodes the concepts, in tree order
 */
public record ConceptTree(Side side, String id, String title, List<ConceptNode> nodes) {

    /** The id of the aggregate's tree. */
    public static final String AGGREGATE = "aggregate";

    /** Defensive copy. */
    public ConceptTree {
        nodes = List.copyOf(nodes);
    }

    /** Whether a tree shows one evidence model or the aggregate. */
    public enum Side {
        /** One evidence model of one study. */
        MODEL,
        /** The synthesis' effects with their aggregated results. */
        AGGREGATE
    }
}
