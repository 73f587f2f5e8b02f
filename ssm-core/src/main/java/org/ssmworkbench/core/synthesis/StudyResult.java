package org.ssmworkbench.core.synthesis;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The belief of one study and how it was obtained.
 *
 * @param study          study id
 * @param type           study type
 * @param belief         the B used; NaN when unknown (a study whose findings all give their mass
 *                       directly need not give B; see {@link #beliefKnown()})
 * @param explicit       whether B was given explicitly (else computed)
 * @param computed       B from band and checklist, when the study answered the checklist
 * @param score          the checklist score behind {@code computed}
 * @param evidenceModels the study's number of evidence models (N)
 */
public record StudyResult(String study, String type, double belief, boolean explicit, OptionalDouble computed,
        Optional<Checklist.Score> score, int evidenceModels) {

    /** Whether B is known (given or computed). */
    public boolean beliefKnown() {
        return !Double.isNaN(belief);
    }
}
