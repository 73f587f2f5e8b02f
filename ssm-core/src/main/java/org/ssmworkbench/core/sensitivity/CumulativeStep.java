package org.ssmworkbench.core.sensitivity;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One step of a cumulative synthesis: the result once a study's findings are added to those of the
 * studies before it (publication order).
 *
 * @param study        the study added
 * @param year         its publication year, if its citation gives one
 * @param hypothesis   the selected hypothesis after adding it
 * @param belief       its belief
 * @param plausibility its plausibility
 * @param findings     findings combined so far
 * @param studies      studies combined so far
 * @param lastConflict K of the last step so far
 * @param changed      whether the hypothesis differs from the step before (false for the first)
 */
public record CumulativeStep(String study, OptionalInt year, Optional<Long> hypothesis, double belief,
        double plausibility, int findings, int studies, double lastConflict, boolean changed) {
}
