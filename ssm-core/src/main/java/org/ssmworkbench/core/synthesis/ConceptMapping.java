package org.ssmworkbench.core.synthesis;

import java.util.List;
import java.util.Locale;

/**
 * A recorded concept-mapping decision (docs/method.md section 1): before combining, researchers decide which
 * study concepts are the same. {@code join} maps study concepts into a project effect; {@code drop}
 * excludes a study concept from aggregation; {@code keep} records that a concept stays as it is.
 *
 * @param decision join, drop or keep
 * @param concepts the study concepts the decision is about
 * @param into     for join, the effect id they become; otherwise null
 * @param reason   why (required: the decision must be explainable)
 */
public record ConceptMapping(Decision decision, List<String> concepts, String into, String reason) {

    /** Defensive copy and validation. */
    public ConceptMapping {
        concepts = List.copyOf(concepts);
        if (concepts.isEmpty()) {
            throw new IllegalArgumentException("a concept-mapping decision needs at least one concept");
        }
        if (decision == Decision.JOIN && (into == null || into.isBlank())) {
            throw new IllegalArgumentException("a join decision needs 'into': the effect the concepts become");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("the decision about " + concepts + " needs a reason");
        }
    }

    /** The kinds of decision. */
    public enum Decision {
        /** The concepts become one effect. */
        JOIN,
        /** The concepts are left out of the synthesis. */
        DROP,
        /** The concepts stay as they are (recorded for the audit trail). */
        KEEP;

        /**
         * Parses join / drop / keep.
         *
         * @throws IllegalArgumentException for anything else
         */
        public static Decision byId(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a decision (expected join, drop or keep)");
            }
        }

        /** Lower-case id. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
