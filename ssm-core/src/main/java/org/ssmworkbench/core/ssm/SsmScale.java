package org.ssmworkbench.core.ssm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.core.belief.Frame;

/**
 * The SSM effect scale: seven atoms in a fixed bit order, and the frame built on them, whose aliases
 * accept the intensity labels ("positive - strongly positive"), pairs written in either order, and
 * both spellings of indifferent ("indifferent", and "indiferent" as the quantization data spells it).
 */
public final class SsmScale {
    /** Strongly negative (bit 0). */
    public static final long SN = 1L;
    /** Negative (bit 1). */
    public static final long NE = 1L << 1;
    /** Weakly negative (bit 2). */
    public static final long WN = 1L << 2;
    /** Indifferent (bit 3). */
    public static final long IF = 1L << 3;
    /** Weakly positive (bit 4). */
    public static final long WP = 1L << 4;
    /** Positive (bit 5). */
    public static final long PO = 1L << 5;
    /** Strongly positive (bit 6). */
    public static final long SP = 1L << 6;
    /** Θ: all seven atoms. */
    public static final long THETA = (1L << 7) - 1;
    /** The negative half-scale {SN, NE, WN, IF} where Santos' descent may start. */
    public static final long LOWER_HALF = SN | NE | WN | IF;
    /** The positive half-scale {IF, WP, PO, SP}. */
    public static final long UPPER_HALF = IF | WP | PO | SP;

    /** Atom codes in bit order. */
    public static final List<String> CODES = List.of("SN", "NE", "WN", "IF", "WP", "PO", "SP");

    /** Atom labels in bit order. */
    public static final List<String> LABELS = List.of("strongly negative", "negative", "weakly negative",
            "indifferent", "weakly positive", "positive", "strongly positive");

    /** The SSM frame of discernment, with label aliases. */
    public static final Frame FRAME = Frame.withAliases(CODES, aliases());

    private SsmScale() {
    }

    private static Map<String, Long> aliases() {
        Map<String, Long> a = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            for (String l : spellings(i)) {
                a.put(l, 1L << i);
            }
        }
        for (int i = 0; i < 6; i++) {
            long pair = (1L << i) | (1L << (i + 1));
            for (String lo : spellings(i)) {
                for (String hi : spellings(i + 1)) {
                    a.put(lo + " - " + hi, pair);
                    a.put(hi + " - " + lo, pair);
                }
            }
        }
        return a;
    }

    private static List<String> spellings(int atom) {
        return atom == 3 ? List.of("indifferent", "indiferent") : List.of(LABELS.get(atom));
    }

    /**
     * A readable label of a set of the scale: an atom's label, "x - y" for an adjacent pair, "x to y"
     * for a wider contiguous interval, the codes otherwise.
     */
    public static String label(long set) {
        int n = Long.bitCount(set);
        if (n == 0) {
            return "(none)";
        }
        int lo = Long.numberOfTrailingZeros(set);
        int hi = 63 - Long.numberOfLeadingZeros(set);
        if (n == 1) {
            return LABELS.get(lo);
        }
        if (!isInterval(set)) {
            return FRAME.format(set);
        }
        if (n == 2) {
            return LABELS.get(lo) + " - " + LABELS.get(hi);
        }
        return LABELS.get(lo) + " to " + LABELS.get(hi);
    }

    /** Whether the set is a non-empty run of adjacent atoms. */
    public static boolean isInterval(long set) {
        if (set == 0L) {
            return false;
        }
        long shifted = set >>> Long.numberOfTrailingZeros(set);
        return (shifted & (shifted + 1)) == 0L;
    }

    /** Whether {@code frame} is the SSM frame (same atoms in the same order). */
    public static boolean isSsmFrame(Frame frame) {
        return frame.atoms().equals(CODES);
    }
}
