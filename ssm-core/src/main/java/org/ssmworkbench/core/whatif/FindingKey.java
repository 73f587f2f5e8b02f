package org.ssmworkbench.core.whatif;

import java.util.Objects;

/**
 * One finding of a synthesis: an evidence model's input on one concept.
 *
 * @param study    study id
 * @param evidence evidence-model id
 * @param concept  the concept as the evidence model names it
 */
public record FindingKey(String study, String evidence, String concept) {

    /** Nulls refused. */
    public FindingKey {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(concept, "concept");
    }

    /** "S1/e1:accuracy". */
    @Override
    public String toString() {
        return study + "/" + evidence + ":" + concept;
    }
}
