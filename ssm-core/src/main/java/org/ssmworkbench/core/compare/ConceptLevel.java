package org.ssmworkbench.core.compare;

import java.util.Locale;

/** The levels of an SSM concept tree, in the order a tree lists them. */
public enum ConceptLevel {
    /** The cause every evidence model of the synthesis shares. */
    INTERVENTION,
    /** An outcome concept with its intensity (a model) or aggregated result (the aggregate). */
    EFFECT,
    /** A context aspect, under its archetype. */
    CONTEXT,
    /** A moderator of the effects. */
    MODERATOR;

    /** Lower-case id. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
