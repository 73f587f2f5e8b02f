package org.ssmworkbench.core.synthesis;

import java.util.OptionalInt;

/**
 * An aggregated result as a publication reported it, recorded so outputs show computed beside published.
 *
 * @param effect     effect id
 * @param hypothesis the published hypothesis (a set of scale atoms)
 * @param belief     the published belief (as printed, e.g. 0.90)
 * @param findings   the published number of findings combined, if given
 * @param source     where it was published
 */
public record PublishedResult(String effect, long hypothesis, double belief, OptionalInt findings, String source) {

    /** The published hypothesis, as people read it. */
    public org.ssmworkbench.core.ssm.Hypothesis asHypothesis() {
        return org.ssmworkbench.core.ssm.Hypothesis.of(hypothesis);
    }
}
