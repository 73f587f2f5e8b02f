package org.ssmworkbench.core.compare;

import java.util.Locale;

/**
 * How one concept of two concept trees compares (docs/method.md section 9, decision 0035).
 */
public enum MatchState {
    /**
     * Both trees have the concept: the same name, or two names a join decision makes one effect. The
     * values may still differ (two intensities of one effect are evidence, not a concept difference);
     * {@link ConceptRow#valuesAgree()} says whether they do.
     */
    MATCHED,
    /**
     * Only one tree has the concept, and the synthesis says what becomes of it: a concept-mapping
     * decision names it (join, keep or drop), or it is an effect the synthesis declares.
     */
    DIFFERS,
    /** Only one tree has the concept, and nothing says what becomes of it: a decision is due. */
    UNDECIDED;

    /** Lower-case id with hyphens ("matched", "differs", "undecided"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
