package org.ssmworkbench.report;

import org.ssmworkbench.core.belief.Frame;
import org.ssmworkbench.core.ssm.SsmScale;

/** How hypotheses on the SSM scale are written for people: codes in braces, Θ for the whole scale. */
final class Scale {

    private Scale() {
    }

    /** "{WN}", "{IF,WP}", "Θ". */
    static String braces(long set) {
        if (set == SsmScale.THETA) {
            return "\u0398";
        }
        return "{" + SsmScale.FRAME.format(set) + "}";
    }

    /** "WN", "IF,WP", "Θ". */
    static String code(long set) {
        return set == SsmScale.THETA ? "\u0398" : SsmScale.FRAME.format(set);
    }

    /** A set of any frame: its codes in braces, Θ for the whole frame, ∅ for the empty set. */
    static String braces(Frame frame, long set) {
        if (set == 0L) {
            return "\u2205";
        }
        if (set == frame.theta()) {
            return "\u0398";
        }
        return "{" + frame.format(set) + "}";
    }

    /** Lowest atom index of a non-empty set. */
    static int lo(long set) {
        return Long.numberOfTrailingZeros(set);
    }

    /** Highest atom index of a non-empty set. */
    static int hi(long set) {
        return 63 - Long.numberOfLeadingZeros(set);
    }
}
