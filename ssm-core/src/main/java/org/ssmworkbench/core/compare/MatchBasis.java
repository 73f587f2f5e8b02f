package org.ssmworkbench.core.compare;

import java.util.Locale;

/** Why a concept row has its {@link MatchState}. */
public enum MatchBasis {
    /** Both trees name the concept alike. */
    SAME_NAME,
    /** Both trees have it under different names that a join decision makes one effect. */
    JOINED,
    /** One tree has it; a concept-mapping decision names it. */
    DECISION,
    /** One tree has it; it is an effect the synthesis declares (it stays its own effect). */
    DECLARED_EFFECT,
    /** One tree has it; nothing decides it. */
    NONE;

    /** Lower-case id with hyphens. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
