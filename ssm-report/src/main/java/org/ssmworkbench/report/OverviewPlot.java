package org.ssmworkbench.report;

import java.util.List;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.PublishedResult;

/**
 * The aggregated results at a glance, as in the case paper's figure: a row per effect, the seven-step
 * SSM scale across, the selected hypothesis as a bar over its atoms with its belief, and the published
 * hypothesis and belief beside it where the project records one.
 */
final class OverviewPlot {

    static final double WIDTH = 980;
    private static final double PAD = 16;
    private static final double COL_N = 262;
    private static final double COL_ST = 300;
    private static final double SCALE_X = 320;
    private static final double ATOM = 62;
    private static final double COL_BEL = 802;
    private static final double COL_PL = 850;
    private static final double COL_PUB = 866;
    private static final double TOP = 52;
    private static final double ROW = 26;

    private OverviewPlot() {
    }

    static Figure of(String id, String title, List<EffectResult> effects) {
        int rows = Math.max(1, effects.size());
        double bottom = TOP + rows * ROW;
        double height = bottom + 40;
        Svg s = new Svg(id, WIDTH, height, "Aggregated results: " + title,
                "One row per effect: the selected hypothesis on the seven-step SSM scale with its belief, and the"
                        + " published result where one is recorded.");
        s.open("g", "class", "overview");
        s.text(PAD, 22, "Aggregated results", "font-size", 15, "font-weight", "bold", "fill", Palette.INK);
        s.text(PAD + TextMetrics.width("Aggregated results", 15, true) + 10, 22,
                "selected hypothesis per effect on the SSM scale (strongly negative \u2026 strongly positive)",
                "fill", Palette.MUTED);
        double headY = TOP - 8;
        ScaleColumns.head(s, PAD, headY, "Effect", "start");
        ScaleColumns.head(s, COL_N, headY, "findings", "end");
        ScaleColumns.head(s, COL_ST, headY, "studies", "end");
        ScaleColumns.head(s, COL_BEL, headY, "Bel", "end");
        ScaleColumns.head(s, COL_PL, headY, "Pl", "end");
        ScaleColumns.head(s, COL_PUB, headY, "published (\u0394 Bel)", "start");
        ScaleColumns.columns(s, SCALE_X, ATOM, TOP, bottom, headY);
        for (int i = 0; i < effects.size(); i++) {
            row(s, effects.get(i), i, TOP + i * ROW);
        }
        s.line(PAD, bottom, WIDTH - PAD, bottom, "stroke", Palette.RULE, "stroke-width", 1);
        s.text(PAD, bottom + 24, "Bars span the atoms of the selected hypothesis; the hollow outline marks a"
                + " published hypothesis that differs. Positive = the intervention improved the metric.",
                "fill", Palette.MUTED, "font-size", 10);
        s.close();
        return s.figure("overview", "overview", "Aggregated results per effect on the SSM scale.");
    }

    private static void row(Svg s, EffectResult e, int i, double top) {
        double cy = top + ROW / 2;
        double ty = cy + 4;
        String label = e.effect().label();
        s.open("g", "class", "ssm-row", "data-effect", e.effect().id(),
                "data-hypothesis", e.selection().map(Selection::code).orElse(""), "tabindex", "0");
        String tip = label + ": " + e.selection().map(x -> Scale.braces(x.set()) + " " + x.label() + ", belief "
                + Num.fixed(x.belief(), 3) + ", plausibility " + Num.fixed(x.plausibility(), 3)).orElse("no findings")
                + ", " + e.findings().size() + " findings from " + e.studies() + " studies"
                + e.published().map(p -> "; published " + Scale.braces(p.hypothesis()) + " " + Num.fixed(p.belief(), 2))
                        .orElse("");
        s.title(tip);
        s.rect(0, top, WIDTH, ROW, "class", "hl", "fill", i % 2 == 1 ? "#000000" : "#ffffff", "fill-opacity",
                i % 2 == 1 ? 0.03 : 0.0);
        s.text(PAD, ty, TextMetrics.fit(label, 11.5, true, COL_N - PAD - 44), "font-size", 11.5, "font-weight", "bold",
                "fill", Palette.INK);
        s.text(COL_N, ty, Integer.toString(e.findings().size()), "fill", Palette.INK, "text-anchor", "end");
        s.text(COL_ST, ty, Integer.toString(e.studies()), "fill", Palette.INK, "text-anchor", "end");
        if (e.published().isPresent() && SsmScale.isInterval(e.published().get().hypothesis())
                && e.selection().map(x -> x.set() != e.published().get().hypothesis()).orElse(true)) {
            long p = e.published().get().hypothesis();
            double a = SCALE_X + Scale.lo(p) * ATOM + 3;
            double b = SCALE_X + (Scale.hi(p) + 1) * ATOM - 3;
            s.rect(a, cy - 8, b - a, 16, "rx", 3, "fill", "none", "stroke", Palette.INK, "stroke-width", 1,
                    "stroke-dasharray", "3 2");
        }
        if (e.selection().isPresent()) {
            Selection sel = e.selection().get();
            if (SsmScale.isInterval(sel.set())) {
                ScaleColumns.bar(s, SCALE_X, ATOM, sel.set(), cy);
            }
            s.text(COL_BEL, ty, Num.fixed(sel.belief(), 3), "font-weight", "bold", "fill", Palette.INK,
                    "text-anchor", "end");
            s.text(COL_PL, ty, Num.fixed(sel.plausibility(), 3), "fill", Palette.MUTED, "text-anchor", "end");
        } else {
            s.text(SCALE_X + 3.5 * ATOM, ty, "no findings", "fill", Palette.MUTED, "text-anchor", "middle",
                    "font-style", "italic");
        }
        if (e.published().isPresent()) {
            PublishedResult p = e.published().get();
            String t = Scale.code(p.hypothesis()) + " " + Num.fixed(p.belief(), 2)
                    + e.selection().map(x -> " (" + Num.signed(x.belief() - p.belief(), 3) + ")").orElse("");
            s.text(COL_PUB, ty, TextMetrics.fit(t, 11, false, WIDTH - COL_PUB - 4), "fill", Palette.MUTED);
        }
        s.close();
    }
}
