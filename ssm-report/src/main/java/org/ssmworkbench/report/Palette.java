package org.ssmworkbench.report;

import java.util.List;

/**
 * Colours of the figures: a light diverging tint per band of the SSM scale (red for the negative side,
 * grey for indifferent, blue for the positive side, readable with the common colour-vision
 * deficiencies), pair bands blended from their two atoms, and strong colours for marks.
 */
final class Palette {

    /** Light tints of the seven atoms SN … SP. */
    static final List<String> ATOMS = List.of("#f1a994", "#f6c8b8", "#fae2d8", "#e9e9e9", "#d7e6f2", "#b9d4ea",
            "#9cc1e1");

    /** Strong colours of the seven atoms, for selected hypotheses. */
    static final List<String> STRONG = List.of("#8f1d21", "#b2182b", "#d6604d", "#4b5563", "#4393c3", "#2166ac",
            "#053061");

    /** Ink for text and finding marks. */
    static final String INK = "#1f2937";
    /** Secondary text. */
    static final String MUTED = "#6b7280";
    /** Hairlines. */
    static final String RULE = "#d1d5db";

    private Palette() {
    }

    private static final String[] BANDS = new String[13];

    static {
        for (int k = 0; k < 13; k++) {
            BANDS[k] = k % 2 == 0 ? ATOMS.get(k / 2)
                    : mix(mix(ATOMS.get(k / 2), ATOMS.get(k / 2 + 1), 0.5), "#ffffff", 0.45);
        }
    }

    /** Background tint of band {@code k} of the 13 (even: atom k/2, odd: the pair between). */
    static String band(int k) {
        return BANDS[k];
    }

    /** The strong colour of a hypothesis: the colour of its middle atom (the lower middle for even widths). */
    static String strong(long set) {
        int lo = Long.numberOfTrailingZeros(set);
        int hi = 63 - Long.numberOfLeadingZeros(set);
        int mid = (lo + hi) / 2;
        if ((lo + hi) % 2 != 0) {
            // a pair: lean to the side away from indifferent
            mid = hi <= 3 ? lo : lo >= 3 ? hi : mid;
        }
        return STRONG.get(Math.max(0, Math.min(6, mid)));
    }

    /** {@code a} moved by {@code t} towards {@code b} (both "#rrggbb"). */
    static String mix(String a, String b, double t) {
        int[] x = rgb(a);
        int[] y = rgb(b);
        StringBuilder s = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            int v = (int) Math.round(x[i] + (y[i] - x[i]) * t);
            s.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16));
        }
        return s.toString();
    }

    private static int[] rgb(String hex) {
        return new int[] {Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
            Integer.parseInt(hex.substring(5, 7), 16)};
    }
}
