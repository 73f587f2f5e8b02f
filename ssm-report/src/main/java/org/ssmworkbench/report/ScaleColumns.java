package org.ssmworkbench.report;

import org.ssmworkbench.core.ssm.SsmScale;

/**
 * The parts the overview and the sensitivity figures share: column heads, the seven shaded atom
 * columns of the SSM scale with their codes, and a hypothesis drawn as bars over its atoms.
 */
final class ScaleColumns {

    private ScaleColumns() {
    }

    /** A bold, muted column head. */
    static void head(Svg s, double x, double y, String text, String anchor) {
        s.text(x, y, text, "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED, "text-anchor", anchor);
    }

    /** The seven atom columns from {@code top − 22} to {@code bottom}, their codes at {@code headY}. */
    static void columns(Svg s, double scaleX, double atom, double top, double bottom, double headY) {
        for (int a = 0; a < 7; a++) {
            double x = scaleX + a * atom;
            s.rect(x, top - 22, atom, bottom - top + 22, "fill", Palette.ATOMS.get(a), "fill-opacity", 0.55);
            if (a > 0) {
                s.line(x, top - 22, x, bottom, "stroke", "#ffffff", "stroke-width", 1.5);
            }
            s.open("g", "class", "band-label");
            s.title(SsmScale.LABELS.get(a));
            s.text(x + atom / 2, headY, SsmScale.CODES.get(a), "text-anchor", "middle", "font-size", 10.5,
                    "font-weight", "bold", "fill", a == 3 ? Palette.MUTED : Palette.STRONG.get(a));
            s.close();
        }
    }

    /** The atoms of a hypothesis as bars centred on {@code cy}: one bar for an interval, else one per atom. */
    static void bar(Svg s, double scaleX, double atom, long set, double cy) {
        if (set == 0L) {
            return;
        }
        if (SsmScale.isInterval(set)) {
            double a = scaleX + Scale.lo(set) * atom + 6;
            double b = scaleX + (Scale.hi(set) + 1) * atom - 6;
            s.rect(a, cy - 5.5, b - a, 11, "rx", 2.5, "fill", Palette.strong(set));
            return;
        }
        for (int k = 0; k < 7; k++) {
            if ((set & (1L << k)) != 0) {
                s.rect(scaleX + k * atom + 6, cy - 5.5, atom - 12, 11, "rx", 2.5, "fill", Palette.strong(1L << k));
            }
        }
    }
}
