package org.ssmworkbench.core.ssm;

import java.util.List;

/**
 * What a result selector read off an aggregated mass function, with its reasoning.
 *
 * @param selector     the selector used
 * @param set          the selected hypothesis (a set of scale atoms)
 * @param belief       Bel of the selected set
 * @param plausibility Pl of the selected set
 * @param candidates   every hypothesis the selector weighed, in scale order, with its verdict
 * @param path         Santos' descent from the starting half-scale to the result (empty for the
 *                     Evidence Factory selector)
 * @param note         a remark when the selector fell back (e.g. vacuous evidence), empty otherwise
 */
public record Selection(ResultSelector selector, long set, double belief, double plausibility,
        List<Candidate> candidates, List<DescentStep> path, String note) {

    /** Defensive copies. */
    public Selection {
        candidates = List.copyOf(candidates);
        path = List.copyOf(path);
    }

    /** The selected hypothesis, as people read it. */
    public Hypothesis hypothesis() {
        return Hypothesis.of(set);
    }

    /** Atom codes of the selected set, e.g. "PO,SP". */
    public String code() {
        return SsmScale.FRAME.format(set);
    }

    /** Atom codes as a list, e.g. ["PO", "SP"]. */
    public List<String> codes() {
        return SsmScale.FRAME.names(set);
    }

    /** Readable label, e.g. "positive - strongly positive". */
    public String label() {
        return SsmScale.label(set);
    }

    /**
     * A hypothesis the selector weighed.
     *
     * @param set     the hypothesis
     * @param belief  its Bel
     * @param mass    its direct mass m(set)
     * @param verdict what the selector made of it
     * @param text    the verdict in words, as results.json and the report state it (with the reason of an
     *                exclusion, e.g. "excluded: Bel(PO) ≥ 75% of Bel(pair)")
     */
    public record Candidate(long set, double belief, double mass, Verdict verdict, String text) {
        /** Checks presence. */
        public Candidate {
            java.util.Objects.requireNonNull(verdict, "verdict");
            java.util.Objects.requireNonNull(text, "text");
        }

        /** A candidate whose verdict needs no reason: the text is the verdict's. */
        public Candidate(long set, double belief, double mass, Verdict verdict) {
            this(set, belief, mass, verdict, verdict.text());
        }

        /** The hypothesis weighed. */
        public Hypothesis hypothesis() {
            return Hypothesis.of(set);
        }

        /** The same candidate with another verdict (its text the verdict's). */
        public Candidate with(Verdict v) {
            return new Candidate(set, belief, mass, v);
        }
    }

    /** What a selector made of a hypothesis it weighed. */
    public enum Verdict {
        /** Evidence Factory: weighed and eligible, not the highest. */
        CANDIDATE("candidate"),
        /** The hypothesis reported. */
        SELECTED("selected"),
        /** Evidence Factory: an adjacent pair left out because one of its atoms has ≥ 75% of its Bel. */
        EXCLUDED("excluded"),
        /** Santos: one of the two half-scales the descent starts from. */
        HALF_SCALE("half-scale"),
        /** Santos: an interval the descent went into. */
        DESCENDED("descended"),
        /** Santos: the interval where the 75% test failed; its parent is the result. */
        STOPPED("stopped: below 75% of parent");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        /** The verdict in words (an exclusion's reason comes on top, see {@link Candidate#text()}). */
        public String text() {
            return text;
        }
    }

    /**
     * One node of Santos' descent.
     *
     * @param set         the interval considered
     * @param belief      its Bel
     * @param alternative the sibling it was preferred to (0 for the starting half when none)
     * @param altBelief   the sibling's Bel
     * @param accepted    whether the descent went into this interval (false: the 75% test failed here
     *                    and the parent is the result)
     */
    public record DescentStep(long set, double belief, long alternative, double altBelief, boolean accepted) {
    }
}
