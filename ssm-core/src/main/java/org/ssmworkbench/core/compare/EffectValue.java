package org.ssmworkbench.core.compare;

/**
 * What a concept tree says about an effect: a finding's intensity and mass (an evidence model), or
 * the selected hypothesis and its belief (the aggregate).
 *
 * @param set      the intensity or hypothesis, a set of scale atoms
 * @param weight   the finding's mass, or the belief of the hypothesis
 * @param findings findings behind it (1 for an evidence model)
 */
public record EffectValue(long set, double weight, int findings) {
}
