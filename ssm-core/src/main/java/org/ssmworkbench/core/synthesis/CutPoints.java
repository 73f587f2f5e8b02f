package org.ssmworkbench.core.synthesis;

import java.util.Arrays;
import org.ssmworkbench.core.ssm.Intensity;

/**
 * The six cut points c1 &lt; … &lt; c6 of one metric family that map |mean RI| to an intensity
 * (docs/method.md section 3). Bands are upper-inclusive: a ≤ c1 is indifferent, c1 &lt; a ≤ c2 the pair next to
 * indifferent on the side of the sign, and so on; a &gt; c6 is strongly positive or negative.
 *
 * @param family the family name ("correctness", "resource", …)
 * @param cuts   six strictly increasing, positive, finite values
 */
public record CutPoints(String family, double[] cuts) {

    private static final Intensity[] POSITIVE = {Intensity.IF, Intensity.IF_WP, Intensity.WP, Intensity.WP_PO,
        Intensity.PO, Intensity.PO_SP, Intensity.SP};
    private static final Intensity[] NEGATIVE = {Intensity.IF, Intensity.WN_IF, Intensity.WN, Intensity.NE_WN,
        Intensity.NE, Intensity.SN_NE, Intensity.SN};

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if there are not six strictly increasing positive finite cuts
     */
    public CutPoints {
        cuts = cuts.clone();
        if (cuts.length != 6) {
            throw new IllegalArgumentException("cut points of family '" + family + "': expected 6 values c1..c6, got "
                    + cuts.length);
        }
        for (int i = 0; i < 6; i++) {
            if (!Double.isFinite(cuts[i]) || cuts[i] < 0.0) {
                throw new IllegalArgumentException("cut points of family '" + family + "': c" + (i + 1) + " = "
                        + cuts[i] + " must be a finite number ≥ 0");
            }
            if (i > 0 && !(cuts[i] > cuts[i - 1])) {
                throw new IllegalArgumentException("cut points of family '" + family + "': c" + (i + 1) + " = "
                        + cuts[i] + " must be greater than c" + i + " = " + cuts[i - 1]);
            }
        }
    }

    /** The family name of the cut table on |g| that standardized effects use. */
    public static final String STANDARDIZED = "standardized";

    /**
     * The default cut table on |g|, from Cohen's conventions (small 0.2, medium 0.5, large 0.8; Cohen,
     * Statistical Power Analysis for the Behavioral Sciences, 2nd ed., 1988): each convention is the
     * middle of a two-intensity band ±0.05 wide, so |g| ≤ 0.15 is indifferent, 0.25 &lt; |g| ≤ 0.45
     * weak (small), 0.55 &lt; |g| ≤ 0.75 moderate (medium), |g| &gt; 0.85 strong (large), and values
     * near a convention get the pair on both sides of it.
     */
    public static CutPoints standardized() {
        return new CutPoints(STANDARDIZED, new double[] {0.15, 0.25, 0.45, 0.55, 0.75, 0.85});
    }

    /** The quantization synthesis' correctness cuts: 2, 5, 10, 15, 20, 25. */
    public static CutPoints correctness() {
        return new CutPoints("correctness", new double[] {2, 5, 10, 15, 20, 25});
    }

    /** The quantization synthesis' resource cuts: 2, 10, 20, 30, 40, 50. */
    public static CutPoints resource() {
        return new CutPoints("resource", new double[] {2, 10, 20, 30, 40, 50});
    }

    /** The six cuts (a copy). */
    @Override
    public double[] cuts() {
        return cuts.clone();
    }

    /** Cut {@code i} (1-based, as c1..c6). */
    public double cut(int i) {
        return cuts[i - 1];
    }

    /** A copy with cut {@code i} (1-based) multiplied by {@code factor}, or null if that breaks the order. */
    public CutPoints scaled(int i, double factor) {
        double[] c = cuts.clone();
        c[i - 1] *= factor;
        try {
            return new CutPoints(family, c);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The intensity of a mean relative improvement.
     *
     * @throws IllegalArgumentException if the mean is NaN or infinite
     */
    public Intensity classify(double meanRi) {
        if (!Double.isFinite(meanRi)) {
            throw new IllegalArgumentException("mean relative improvement must be finite, got " + meanRi);
        }
        double a = Math.abs(meanRi);
        int band = 6;
        for (int i = 0; i < 6; i++) {
            if (a <= cuts[i]) {
                band = i;
                break;
            }
        }
        return meanRi >= 0.0 ? POSITIVE[band] : NEGATIVE[band];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CutPoints c && c.family.equals(family) && Arrays.equals(c.cuts, cuts);
    }

    @Override
    public int hashCode() {
        return family.hashCode() * 31 + Arrays.hashCode(cuts);
    }

    @Override
    public String toString() {
        return family + Arrays.toString(cuts);
    }
}
