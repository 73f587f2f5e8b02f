package org.ssmworkbench.core.ssm;

/**
 * A hypothesis on the SSM scale, as a person reads it: a non-empty set of the seven intensities
 * (one, an adjacent pair, a half-scale, the whole scale Θ …). The belief-function engine works on bit
 * masks (decision 2); this is the value results, the report and the command line show.
 *
 * @param mask the set as a bit mask of {@link SsmScale#FRAME} (bit i = {@link SsmScale#CODES} i)
 */
public record Hypothesis(long mask) {

    /** The whole scale Θ: the evidence does not narrow it. */
    public static final Hypothesis WHOLE_SCALE = new Hypothesis(SsmScale.THETA);

    /**
     * Checks the mask.
     *
     * @throws IllegalArgumentException if it is empty or has a bit outside the seven intensities
     */
    public Hypothesis {
        if (mask == 0L || (mask & ~SsmScale.THETA) != 0L) {
            throw new IllegalArgumentException("not a hypothesis on the SSM scale: mask " + mask);
        }
    }

    /** The hypothesis of a mask. */
    public static Hypothesis of(long mask) {
        return mask == SsmScale.THETA ? WHOLE_SCALE : new Hypothesis(mask);
    }

    /** Whether this is the whole scale Θ. */
    public boolean isWholeScale() {
        return mask == SsmScale.THETA;
    }

    /** Whether the intensities are adjacent on the scale (one, a pair, a half-scale, Θ …). */
    public boolean isInterval() {
        return SsmScale.isInterval(mask);
    }

    /** Its codes in scale order, comma-separated: "WN", "IF,WP", "SN,NE,WN,IF,WP,PO,SP" for Θ. */
    public String codes() {
        return SsmScale.FRAME.format(mask);
    }

    /** As people write it: "{WN}", "{IF,WP}", "Θ" for the whole scale. */
    public String braces() {
        return isWholeScale() ? "\u0398" : "{" + codes() + "}";
    }

    /** In words, e.g. "positive - strongly positive". */
    public String label() {
        return SsmScale.label(mask);
    }

    /** Its lowest intensity's position on the scale (0 = SN … 6 = SP). */
    public int lowest() {
        return Long.numberOfTrailingZeros(mask);
    }

    /** Its highest intensity's position on the scale (0 = SN … 6 = SP). */
    public int highest() {
        return 63 - Long.numberOfLeadingZeros(mask);
    }

    @Override
    public String toString() {
        return braces();
    }
}
