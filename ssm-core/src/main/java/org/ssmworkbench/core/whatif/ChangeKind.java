package org.ssmworkbench.core.whatif;

import java.util.Locale;

/** How an effect's result under a scenario compares with the saved result, first match wins. */
public enum ChangeKind {
    /** The scenario's result fails (e.g. total conflict under Dempster's rule). */
    FAILED,
    /** No finding remains. */
    NO_FINDINGS,
    /** The selected hypothesis is another set: the result flips (as "flips" in the sensitivity analysis). */
    FLIPS,
    /** The same hypothesis with another belief (by more than the selectors' tie tolerance, 1e-12). */
    BELIEF_CHANGES,
    /** The same hypothesis and belief. */
    UNCHANGED;

    /** Lower-case id with hyphens. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
