package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.core.sensitivity.EffectSensitivity;
import org.ssmworkbench.core.sensitivity.Variant;
import org.ssmworkbench.core.ssm.Selection;

/**
 * The sensitivity of one effect's result, forest-style: the base result as the first row, then one row
 * per variant that flips it (grouped by analysis, with a small group label), each showing the
 * variant's selected hypothesis as a bar over its atoms of the seven-step SSM scale, its belief, the
 * findings and studies it combines and its note ("rests on one study"). Flipping rows are bold and
 * marked. The page lists every variant in a table beside the figure.
 */
final class SensitivityPlot {

    static final double WIDTH = 980;
    static final double PAD = 16;
    static final double MARK_X = PAD + 6;
    static final double LABEL_X = PAD + 18;
    static final double COL_N = 262;
    static final double COL_ST = 300;
    static final double SCALE_X = 320;
    static final double ATOM = 62;
    static final double COL_BEL = 800;
    static final double COL_NOTE = 816;
    static final double TOP = 52;
    static final double ROW = 24;
    private static final double GROUP = 20;

    private SensitivityPlot() {
    }

    /** The one-line summary of an effect's sensitivity. */
    static String summary(EffectSensitivity e) {
        int n = e.variants().size();
        int f = e.flips().size();
        return f + " of " + n + (n == 1 ? " variant flips" : " variants flip") + " the result; smallest cut-point"
                + " change that flips it: " + e.smallestCutFlip().map(Variant::name).orElse("none");
    }

    /** A hypothesis for people: "{WN,IF}", "(none)". */
    static String hypothesis(Variant v) {
        return v.hypothesis().map(Scale::braces).orElse("(none)");
    }

    static Figure of(String id, String name, String intervention, EffectSensitivity e) {
        Map<String, List<Variant>> groups = new LinkedHashMap<>();
        for (Variant v : e.flips()) {
            groups.computeIfAbsent(v.analysis().id(), k -> new ArrayList<>()).add(v);
        }
        int rows = 1;
        for (List<Variant> g : groups.values()) {
            rows += g.size();
        }
        double bottom = TOP + ROW + groups.size() * GROUP + (rows - 1) * ROW + (groups.isEmpty() ? ROW : 0);
        double height = bottom + 40;
        String label = e.effect().label();
        Svg s = new Svg(id, WIDTH, height, "Sensitivity: " + label,
                "The base result of " + intervention + " on " + label + " and every variant of the sensitivity"
                        + " analysis that flips it, on the seven-step SSM scale with its belief.");
        s.open("g", "class", "sensitivity");
        s.text(PAD, 22, TextMetrics.fit("Sensitivity: " + label, 15, true, 420), "font-size", 15, "font-weight",
                "bold", "fill", Palette.INK);
        s.text(PAD + Math.min(420, TextMetrics.width("Sensitivity: " + label, 15, true)) + 10, 22,
                TextMetrics.fit(summary(e), 11, false, WIDTH - PAD - 440), "fill", Palette.MUTED);
        double headY = TOP - 8;
        ScaleColumns.head(s, LABEL_X, headY, "Variant", "start");
        ScaleColumns.head(s, COL_N, headY, "findings", "end");
        ScaleColumns.head(s, COL_ST, headY, "studies", "end");
        ScaleColumns.head(s, COL_BEL, headY, "Bel", "end");
        ScaleColumns.head(s, COL_NOTE, headY, "note", "start");
        ScaleColumns.columns(s, SCALE_X, ATOM, TOP, bottom, headY);
        double y = TOP;
        baseRow(s, e, y);
        y += ROW;
        s.line(PAD, y, WIDTH - PAD, y, "stroke", Palette.RULE, "stroke-width", 1);
        if (groups.isEmpty()) {
            s.text(LABEL_X, y + ROW / 2 + 4, "no variant flips the result", "fill", Palette.MUTED, "font-style",
                    "italic");
        }
        for (Map.Entry<String, List<Variant>> g : groups.entrySet()) {
            s.text(PAD, y + GROUP - 6, g.getKey().toUpperCase(java.util.Locale.ROOT) + " (" + g.getValue().size()
                    + ")", "font-size", 9.5, "font-weight", "bold", "letter-spacing", 0.5, "fill", Palette.MUTED);
            y += GROUP;
            for (Variant v : g.getValue()) {
                variantRow(s, v, y);
                y += ROW;
            }
        }
        s.line(PAD, bottom, WIDTH - PAD, bottom, "stroke", Palette.RULE, "stroke-width", 1);
        s.text(PAD, bottom + 24, "First row: the base result. Below: the variants whose selected hypothesis differs"
                + " from it (bold, marked with a triangle), by analysis; every variant is listed in the table"
                + " below the figure.",
                "fill", Palette.MUTED, "font-size", 10);
        s.close();
        return s.figure(name, "sensitivity", "Sensitivity of " + label + ": " + summary(e) + ".");
    }

    private static void baseRow(Svg s, EffectSensitivity e, double top) {
        double cy = top + ROW / 2;
        double ty = cy + 4;
        s.open("g", "class", "ssm-row base");
        s.title("Base result: " + e.base().selection().map(x -> Scale.braces(x.set()) + " " + x.label() + ", Bel "
                + Num.fixed(x.belief(), 3)).orElse("no findings"));
        s.text(LABEL_X, ty, "base result", "font-weight", "bold", "fill", Palette.INK);
        s.text(COL_N, ty, Integer.toString(e.base().findings().size()), "fill", Palette.INK, "text-anchor", "end");
        s.text(COL_ST, ty, Integer.toString(e.base().studies()), "fill", Palette.INK, "text-anchor", "end");
        if (e.base().selection().isPresent()) {
            Selection sel = e.base().selection().get();
            ScaleColumns.bar(s, SCALE_X, ATOM, sel.set(), cy);
            s.text(COL_BEL, ty, Num.fixed(sel.belief(), 3), "font-weight", "bold", "fill", Palette.INK,
                    "text-anchor", "end");
        } else {
            s.text(SCALE_X + 3.5 * ATOM, ty, "no findings", "fill", Palette.MUTED, "text-anchor", "middle",
                    "font-style", "italic");
        }
        s.close();
    }

    private static void variantRow(Svg s, Variant v, double top) {
        double cy = top + ROW / 2;
        double ty = cy + 4;
        s.open("g", "class", v.flips() ? "ssm-row flip" : "ssm-row");
        s.title(v.name() + ": " + hypothesis(v) + (v.hypothesis().isPresent() ? " Bel " + Num.fixed(v.belief(), 3)
                + " Pl " + Num.fixed(v.plausibility(), 3) : "") + (v.flips() ? " (flips the result)" : "")
                + (v.note().isEmpty() ? "" : " \u2014 " + v.note()));
        if (v.flips()) {
            s.polygon(new double[] {MARK_X - 4, cy - 5, MARK_X + 4, cy, MARK_X - 4, cy + 5}, "fill", "#b45309");
        }
        s.text(LABEL_X, ty, TextMetrics.fit(v.name(), 11, v.flips(), COL_N - LABEL_X - 30), "font-weight",
                v.flips() ? "bold" : "normal", "fill", Palette.INK);
        s.text(COL_N, ty, Integer.toString(v.findings()), "fill", Palette.INK, "text-anchor", "end");
        s.text(COL_ST, ty, Integer.toString(v.studies()), "fill", Palette.INK, "text-anchor", "end");
        if (v.hypothesis().isPresent()) {
            ScaleColumns.bar(s, SCALE_X, ATOM, v.hypothesis().get(), cy);
            s.text(COL_BEL, ty, Num.fixed(v.belief(), 3), "fill", Palette.INK, "text-anchor", "end");
        } else {
            s.text(SCALE_X + 3.5 * ATOM, ty, "no result", "fill", Palette.MUTED, "text-anchor", "middle",
                    "font-style", "italic");
        }
        if (!v.note().isEmpty()) {
            s.text(COL_NOTE, ty, TextMetrics.fit(v.note(), 10.5, false, WIDTH - COL_NOTE - 4), "font-size", 10.5,
                    "fill", "#b45309");
        }
        s.close();
    }
}
