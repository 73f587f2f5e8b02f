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
        String d = Double.toString(x);
        if (decimals < 0 || d.indexOf('E') >= 0) {
            return new BigDecimal(d).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        }
        return roundPlain(d, decimals);
    }

    /**
     * {@code new BigDecimal(d).setScale(decimals, HALF_UP).toPlainString()} for a {@link Double#toString}
     * without an exponent ("-12.345"), done on the digits: a report prints hundreds of thousands of numbers
     * and the BigDecimal detour was a visible share of drawing one. Half-up on the shortest decimal form
     * is the first dropped digit deciding; a result that rounds to zero has no sign (BigDecimal has no −0).
     */
    private static String roundPlain(String d, int decimals) {
        boolean neg = d.charAt(0) == '-';
        int start = neg ? 1 : 0;
        int dot = d.indexOf('.');
        int intLen = dot - start;
        int fracLen = d.length() - dot - 1;
        // the digits kept: the integer part and `decimals` fraction digits (padded with zeros)
        char[] digits = new char[intLen + decimals + 1];
        digits[0] = '0';
        d.getChars(start, dot, digits, 1);
        int keep = Math.min(decimals, fracLen);
        d.getChars(dot + 1, dot + 1 + keep, digits, 1 + intLen);
        for (int i = 1 + intLen + keep; i < digits.length; i++) {
            digits[i] = '0';
        }
        if (fracLen > decimals && d.charAt(dot + 1 + decimals) >= '5') {
            int i = digits.length - 1;
            while (digits[i] == '9') {
                digits[i--] = '0';
            }
            digits[i]++;
        }
        // the carry digit only when a carry reached it
        int first = digits[0] == '0' ? 1 : 0;
        boolean zero = true;
        for (int i = first; i < digits.length; i++) {
            if (digits[i] != '0') {
                zero = false;
                break;
            }
        }
        StringBuilder b = new StringBuilder(digits.length + 2);
        if (neg && !zero) {
            b.append('-');
        }
        int intEnd = 1 + intLen;
        b.append(digits, first, intEnd - first);
        if (decimals > 0) {
            b.append('.').append(digits, intEnd, decimals);
        }
        return b.toString();
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
