package org.ssmworkbench.report;

import org.ssmworkbench.core.belief.Frame;
import org.ssmworkbench.core.ssm.Hypothesis;

/**
 * How hypotheses on the SSM scale are written for people: codes in braces, Θ for the whole scale (as
 * the core's {@link Hypothesis} writes them), and sets of any other frame.
 */
final class Scale {

    private Scale() {
    }

    /** "{WN}", "{IF,WP}", "Θ". */
    static String braces(long set) {
        return Hypothesis.of(set).braces();
    }

    /** "WN", "IF,WP", "Θ". */
    static String code(long set) {
        Hypothesis h = Hypothesis.of(set);
        return h.isWholeScale() ? "\u0398" : h.codes();
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
