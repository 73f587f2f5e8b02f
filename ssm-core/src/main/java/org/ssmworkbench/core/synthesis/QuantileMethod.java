package org.ssmworkbench.core.synthesis;

import java.util.Locale;

/**
 * How quartiles are computed from RI samples (docs/method.md section 3). The replication package used its
 * dataframe library's "nearest" rank, which is the default so that its numbers reproduce.
 */
public enum QuantileMethod {
    /**
     * The sample at position q·(n − 1), rounded to the nearest rank; a position exactly halfway between
     * two ranks goes to the even rank (as numpy and pandas round).
     */
    NEAREST("nearest"),
    /** Linear interpolation between the two samples around position q·(n − 1). */
    LINEAR("linear");

    private final String id;

    QuantileMethod(String id) {
        this.id = id;
    }

    /** "nearest" or "linear". */
    public String id() {
        return id;
    }

    /**
     * The q-quantile of values sorted in ascending order.
     *
     * @throws IllegalArgumentException if there are no values or q is outside [0, 1]
     */
    public double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        double pos = q * (sorted.length - 1);
        if (this == NEAREST) {
            return sorted[(int) Math.rint(pos)];
        }
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }

    /**
     * Parses "nearest" or "linear".
     *
     * @throws IllegalArgumentException for anything else
     */
    public static QuantileMethod byId(String text) {
        String k = text.strip().toLowerCase(Locale.ROOT);
        for (QuantileMethod m : values()) {
            if (m.id.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a quantile method (expected nearest or linear)");
    }
}
