package org.ssmworkbench.core.synthesis;

/**
 * The per-finding discount for spread (docs/method.md section 4): d = 1 − exp(−factor × |IQR / mean RI|),
 * rounded to {@code decimals}; an IQR of 0 (a single sample) gives 0; a mean of 0 with IQR &gt; 0
 * gives 1 (all spread, no direction). The finding's mass is then rounded to {@code massDecimals}.
 *
 * @param factor       the exponent's factor (0.1 in the quantization synthesis)
 * @param decimals     decimals the discount is rounded to (3), or -1 for no rounding
 * @param massDecimals decimals the finding's mass is rounded to (3), or -1 for no rounding
 */
public record DiscountPolicy(double factor, int decimals, int massDecimals) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the factor is negative or not finite, or decimals below -1 or above 15
     */
    public DiscountPolicy {
        if (!Double.isFinite(factor) || factor < 0.0) {
            throw new IllegalArgumentException("discount factor must be a finite number ≥ 0, got " + factor);
        }
        if (decimals < -1 || decimals > 15 || massDecimals < -1 || massDecimals > 15) {
            throw new IllegalArgumentException("decimals must be between 0 and 15, or -1 for no rounding");
        }
    }

    /** The quantization synthesis' policy: factor 0.1, both rounded to 3 decimals. */
    public static DiscountPolicy quantization() {
        return new DiscountPolicy(0.1, 3, 3);
    }

    /** The discount of a finding with this mean RI and IQR. */
    public double discount(double meanRi, double iqr) {
        if (iqr == 0.0) {
            return 0.0;
        }
        double ratio = meanRi == 0.0 ? Double.POSITIVE_INFINITY : Math.abs(iqr / meanRi);
        return round(1.0 - Math.exp(-factor * ratio), decimals);
    }

    /** Rounds a mass by {@link #massDecimals()}. */
    public double roundMass(double mass) {
        return round(mass, massDecimals);
    }

    /**
     * Rounds to a number of decimals (-1: unchanged) as Python's {@code round} does: the exact binary
     * value is rounded, exact ties go to even. The replication package rounded this way.
     */
    public static double round(double value, int decimals) {
        if (decimals < 0 || !Double.isFinite(value)) {
            return value;
        }
        double scale = POWERS[decimals];
        double scaled = value * scale;
        if (Math.abs(scaled) < 1e15) {
            // fast path: far from a tie, rounding the scaled double decides the same way as the exact
            // value, and dividing the integer by the power of ten gives the double nearest the decimal
            double frac = scaled - Math.floor(scaled);
            if (Math.abs(frac - 0.5) > 1e-6) {
                return Math.rint(scaled) / scale;
            }
        }
        return exactRound(value, decimals);
    }

    /** The reference rounding: exact binary value, half to even (slow; used near ties). */
    static double exactRound(double value, int decimals) {
        return new java.math.BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};
}
