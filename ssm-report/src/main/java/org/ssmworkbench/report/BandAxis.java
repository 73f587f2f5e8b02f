package org.ssmworkbench.report;

import org.ssmworkbench.core.synthesis.CutPoints;

/**
 * The horizontal axis of a forest panel: mean relative improvement RI (%) drawn so that each of the 13
 * intensity bands of the effect's family (SN, SN–NE, NE, …, SP) has the same width, linear inside a
 * band. Band boundaries are the cut points ±c1 … ±c6 and the outer limit ±M; values beyond ±M are
 * clamped (and marked by the caller). Equal bands keep the narrow bands near indifferent readable
 * beside the wide outer ones; the tick labels give the true values.
 */
final class BandAxis {

    private final double[] bounds = new double[14];
    private final double x0;
    private final double bandWidth;

    /**
     * @param cuts      the family's cut points
     * @param extent    the largest |value| the panel must show
     * @param x0        left pixel of the plot area
     * @param bandWidth pixel width of one band
     */
    BandAxis(CutPoints cuts, double extent, double x0, double bandWidth) {
        double c6 = cuts.cut(6);
        double limit = nice(Math.max(extent, c6 * 1.2));
        bounds[0] = -limit;
        bounds[13] = limit;
        for (int i = 1; i <= 6; i++) {
            bounds[7 - i] = -cuts.cut(i);
            bounds[6 + i] = cuts.cut(i);
        }
        this.x0 = x0;
        this.bandWidth = bandWidth;
    }

    /** The band boundaries in RI units, left to right (14 values: −M, −c6 … −c1, c1 … c6, M). */
    double[] bounds() {
        return bounds.clone();
    }

    /** The outer limit M. */
    double limit() {
        return bounds[13];
    }

    /** Left pixel of band {@code k} (0 … 13; 13 is the right edge). */
    double bandX(int k) {
        return x0 + k * bandWidth;
    }

    /** Pixel width of a band. */
    double bandWidth() {
        return bandWidth;
    }

    /** Left pixel of the plot area. */
    double left() {
        return x0;
    }

    /** Right pixel of the plot area. */
    double right() {
        return x0 + 13 * bandWidth;
    }

    /** Pixel of an RI value (clamped to ±M). */
    double x(double v) {
        if (v <= bounds[0]) {
            return x0;
        }
        if (v >= bounds[13]) {
            return right();
        }
        for (int k = 0; k < 13; k++) {
            if (v <= bounds[k + 1]) {
                double t = (v - bounds[k]) / (bounds[k + 1] - bounds[k]);
                return x0 + (k + t) * bandWidth;
            }
        }
        return right();
    }

    /** Left pixel of the bands of a hypothesis spanning atoms {@code lo} … {@code hi}. */
    double setLeft(int lo) {
        return bandX(2 * lo);
    }

    /** Right pixel of the bands of a hypothesis spanning atoms {@code lo} … {@code hi}. */
    double setRight(int hi) {
        return bandX(2 * hi + 1);
    }

    /** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k at or above {@code v}. */
    static double nice(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v - 1e-9 * p) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
