package org.ssmworkbench.core.synthesis;

import java.util.List;

/**
 * Something in a synthesis' inputs that looks wrong but is not provably an error: shown in the
 * terminal summary, results.json and the report, never silently passed over.
 *
 * @param kind    what was found
 * @param effect  the effect concerned, or "" for a warning about studies
 * @param studies the studies concerned, in order
 * @param message a sentence saying what was found and what to check
 */
public record SanityWarning(Kind kind, String effect, List<String> studies, String message) {

    /** Defensive copy. */
    public SanityWarning {
        studies = List.copyOf(studies);
    }

    /** The kinds of warning. */
    public enum Kind {
        /** Every |mean RI| of an effect is below 1: a fraction (0.24) typed where a percent (24) is meant? */
        PERCENT_AS_FRACTION("percent-as-fraction"),
        /** Two studies with the same DOI, or the same normalized title and year. */
        DUPLICATE_STUDY("duplicate-study"),
        /** One study carries most of an effect's findings (they are combined as if independent). */
        DOMINANT_STUDY("dominant-study");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** Stable id as written in results.json. */
        public String id() {
            return id;
        }
    }
}
