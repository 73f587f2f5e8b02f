package org.ssmworkbench.io.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;

/**
 * Numbers as the outputs print them: in full (the shortest form that reads back as the same double,
 * decision 0009), except floating-point noise. A value that lies within {@link #TOLERANCE} × max(|x|,
 * 0.01) of a decimal with at most {@link #DIGITS} significant digits is that decimal: 0.13999999999999999
 * (from 0.4 × 0.35) prints as 0.14, 1.0000000000000002 as 1.0, 0.0040000000000000036 (from 1 − 0.996)
 * as 0.004. Values computed from measurements (0.2716678805535324) are untouched: a decimal that short
 * lies that close to such a value by chance about once in 10^5 values, and then moves it by less than
 * 10^-15. The internal values stay full doubles; this is display only.
 */
public final class Decimals {

    /** At most this many significant digits make a decimal "short". */
    public static final int DIGITS = 10;
    /** How close (relative, with an absolute floor at 0.01) a value must be to the short decimal. */
    public static final double TOLERANCE = 1e-15;

    private static final double[] POW10 = new double[23];
    private static final double TWO_52 = 0x1p52;

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Decimals() {
    }

    /** The value to print: the nearest double to the short decimal {@code x} is noise around, else {@code x}. */
    public static double clean(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        double abs = Math.abs(x);
        int exp = floor(Math.log10(abs));
        int scale = DIGITS - 1 - exp; // round to DIGITS significant digits: x · 10^scale to an integer
        double r;
        if (scale >= 0 && scale < POW10.length) {
            r = rint(x * POW10[scale]) / POW10[scale];
        } else if (scale < 0 && -scale < POW10.length) {
            r = rint(x / POW10[-scale]) * POW10[-scale];
        } else {
            return x; // far outside the range of any value this tool prints
        }
        double tolerance = TOLERANCE * Math.max(abs, 0.01);
        return Math.abs(r - x) <= tolerance ? r : x;
    }

    /**
     * {@code (int) Math.floor(v)} for a finite v of int range, by a cast: the same value, without
     * {@code StrictMath.floor}, which is what {@code Math.floor} runs under the C1 compiler.
     */
    private static int floor(double v) {
        int i = (int) v; // toward zero
        return i > v ? i - 1 : i;
    }

    /**
     * {@link Math#rint} (the nearest integer, ties to even, the sign kept), by the addition of 2^52:
     * below 2^52 in size the sum has no fraction bits left, so the addition itself rounds to the
     * nearest integer, ties to even, and the subtraction is exact. Same value as {@code Math.rint},
     * which runs {@code StrictMath.rint} under the C1 compiler.
     */
    static double rint(double v) {
        if (!(Math.abs(v) < TWO_52)) {
            return v; // already an integer (or not finite)
        }
        double r = v >= 0 ? (v + TWO_52) - TWO_52 : (v - TWO_52) + TWO_52;
        return Math.copySign(r, v);
    }

    /** {@link Double#toString} of the cleaned value. */
    public static String text(double x) {
        return Double.toString(clean(x));
    }

    /** A JSON generator that writes every double cleaned; everything else passes through. */
    public static JsonGenerator cleaning(JsonGenerator g) {
        return new JsonGeneratorDelegate(g, true) {
            @Override
            public void writeNumber(double v) throws IOException {
                super.writeNumber(clean(v));
            }

            @Override
            public void writeArray(double[] array, int offset, int length) throws IOException {
                double[] c = new double[length];
                for (int i = 0; i < length; i++) {
                    c[i] = clean(array[offset + i]);
                }
                super.writeArray(c, 0, length);
            }
        };
    }
}
