package org.ssmworkbench.core.ssm;

import java.util.Locale;
import java.util.Optional;

/**
 * The 13 selectable effect intensities of SSM: the seven atoms of the scale and the six adjacent
 * pairs. Each knows its frame mask, its code ("PO,SP") and its label ("positive - strongly positive").
 */
public enum Intensity {
    /** Strongly negative. */
    SN(SsmScale.SN),
    /** Strongly negative – negative. */
    SN_NE(SsmScale.SN | SsmScale.NE),
    /** Negative. */
    NE(SsmScale.NE),
    /** Negative – weakly negative. */
    NE_WN(SsmScale.NE | SsmScale.WN),
    /** Weakly negative. */
    WN(SsmScale.WN),
    /** Weakly negative – indifferent. */
    WN_IF(SsmScale.WN | SsmScale.IF),
    /** Indifferent. */
    IF(SsmScale.IF),
    /** Indifferent – weakly positive. */
    IF_WP(SsmScale.IF | SsmScale.WP),
    /** Weakly positive. */
    WP(SsmScale.WP),
    /** Weakly positive – positive. */
    WP_PO(SsmScale.WP | SsmScale.PO),
    /** Positive. */
    PO(SsmScale.PO),
    /** Positive – strongly positive. */
    PO_SP(SsmScale.PO | SsmScale.SP),
    /** Strongly positive. */
    SP(SsmScale.SP);

    private final long mask;

    Intensity(long mask) {
        this.mask = mask;
    }

    /** The set of scale atoms this intensity stands for. */
    public long mask() {
        return mask;
    }

    /** Whether this is an adjacent pair rather than a single atom. */
    public boolean isPair() {
        return Long.bitCount(mask) == 2;
    }

    /** Atom codes joined by commas, e.g. "PO,SP". */
    public String code() {
        return SsmScale.FRAME.format(mask);
    }

    /** The label as SSM writes it, e.g. "positive - strongly positive". */
    public String label() {
        return SsmScale.label(mask);
    }

    /** The intensity whose mask is {@code set}, if it is one of the 13. */
    public static Optional<Intensity> ofMask(long set) {
        for (Intensity i : values()) {
            if (i.mask == set) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a label ("weakly negative - indiferent", either spelling of indifferent, pair in either
     * order, case-insensitive) or a code ("WN,IF", "WN").
     *
     * @throws IllegalArgumentException naming the text when it is not one of the 13 intensities
     */
    public static Intensity parse(String text) {
        long m;
        try {
            m = SsmScale.FRAME.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not an SSM intensity (expected one of the 7"
                    + " scale labels such as \"weakly negative\" or an adjacent pair such as"
                    + " \"weakly negative - indifferent\", or codes such as \"WN\" or \"WN,IF\")");
        }
        return ofMask(m).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not one of the 13 SSM intensities (a single atom or two adjacent atoms)"));
    }

    @Override
    public String toString() {
        return code();
    }

    /** Lower-case id for files, e.g. "po-sp". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
