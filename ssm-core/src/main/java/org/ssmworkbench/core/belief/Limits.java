package org.ssmworkbench.core.belief;

/**
 * Size limits of the belief-function engine. Each bounds the memory or time one operation may take,
 * whatever its input; exceeding one raises {@link LimitExceededException} before the work starts.
 * docs/formats/mass.md lists them for users.
 */
public final class Limits {

    /**
     * The most products of focal sets one pairwise step may form (|focal sets of the left operand| ×
     * |focal sets of the right one|): 2^26, about a second of work.
     */
    public static final long MAX_PRODUCTS_PER_STEP = 1L << 26;

    /** The most focal sets a combination result may have: 2^20 (every subset of a 20-atom frame). */
    public static final int MAX_FOCAL_SETS = 1 << 20;

    /**
     * The most focal sets whose Bel, Pl and Q are computed when the focal sets tell more than
     * {@link FocalMeasures#TRANSFORM_ATOMS} atom classes apart (no transform applies): 2^14.
     */
    public static final int MAX_FOCAL_SETS_WIDE = 1 << 14;

    private Limits() {
    }

    /** A count for messages, with thousands separators. */
    public static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
