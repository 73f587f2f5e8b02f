package org.ssmworkbench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting for people: fixed decimals rounded half-up from the shortest decimal form of the
 * double (as {@code ssm synthesize} prints), the typographic minus sign, no locale dependence.
 */
final class Num {

    /** U+2212, the minus sign of typeset numbers. */
    static final String MINUS = "\u2212";

    private Num() {
    }

    /** {@code x} with exactly {@code decimals} decimals and an ASCII '-' ("-0.014"). */
    static String plain(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return new BigDecimal(Double.toString(x)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code x} with exactly {@code decimals} decimals and a typographic minus ("−0.014"). */
    static String fixed(double x, int decimals) {
        String s = plain(x, decimals);
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }

    /** Like {@link #fixed} with an explicit sign: "+0.002", "−0.014", and "−0.000" for a tiny negative. */
    static String signed(double x, int decimals) {
        String s = fixed(x, decimals);
        return x < 0 ? (s.startsWith(MINUS) ? s : MINUS + s) : "+" + s;
    }

    /** A compact coordinate for SVG: at most two decimals, no trailing zeros, ASCII minus. */
    static String coord(double x) {
        long r = Math.round(x * 100.0);
        if (r == 0) {
            return "0";
        }
        String sign = r < 0 ? "-" : "";
        long a = Math.abs(r);
        long whole = a / 100;
        long frac = a % 100;
        if (frac == 0) {
            return sign + whole;
        }
        if (frac % 10 == 0) {
            return sign + whole + "." + (frac / 10);
        }
        return sign + whole + "." + (frac < 10 ? "0" : "") + frac;
    }

    /** A cut-point or tick value without needless decimals: "2", "2.5", "−25". */
    static String tick(double x) {
        BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        String s = d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        if (s.equals("-0")) {
            s = "0";
        }
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }
}
