package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.PublishedResult;
import org.ssmworkbench.core.synthesis.SummaryStatistics;

/**
 * The forest panel of one effect: a row per finding (study and evidence model, configuration, samples,
 * mass) with its mean relative improvement (a square whose area follows the mass), its interquartile
 * range (a bar) and ±1 standard deviation (a whisker) on a {@link BandAxis} whose background shows the
 * 13 intensity bands of the effect's family, then the combined row: the selected hypothesis as a
 * diamond across its bands, with belief and plausibility. Each row carries its details as a
 * {@code <title>} (shown on hover) and as data attributes.
 */
final class ForestPlot {

    static final double WIDTH = 980;
    private static final double PAD = 16;
    private static final double COL_CONFIG = 66;
    private static final double COL_N = 214;
    private static final double COL_MASS = 252;
    private static final double PLOT_X = 268;
    private static final double BAND = 40;
    private static final double COL_MEAN = 858;
    private static final double COL_INTENSITY = 870;
    private static final double ROWS_TOP = 62;
    private static final double ROW = 19;

    private ForestPlot() {
    }

    /**
     * The panel of {@code e}.
     *
     * @param id           document-unique figure id
     * @param intervention the intervention's label, for the caption
     * @param cuts         the cut points of the effect's family
     */
    static Figure of(String id, String name, String intervention, EffectResult e, CutPoints cuts) {
        List<Finding> fs = e.findings();
        double extent = 0;
        for (Finding f : fs) {
            if (f.statistics().isPresent()) {
                for (double v : spreadValues(f.statistics().get())) {
                    extent = Math.max(extent, Math.abs(v));
                }
            }
        }
        BandAxis axis = new BandAxis(cuts, extent, PLOT_X, BAND);
        int rows = Math.max(1, fs.size());
        double rowsBottom = ROWS_TOP + rows * ROW;
        double aggTop = rowsBottom + 6;
        double aggCy = aggTop + 15;
        double plotBottom = aggTop + 30;
        double height = plotBottom + 66;

        String label = e.effect().label();
        String statement = Statements.of(intervention, e);
        Svg s = new Svg(id, WIDTH, height, "Forest plot: " + label,
                "Findings on " + label + " by evidence model, mean relative improvement on the "
                        + cuts.family() + " intensity bands, and the combined result. " + statement);
        s.open("g", "class", "forest", "data-effect", e.effect().id());

        // title
        s.text(PAD, 22, label, "font-size", 15, "font-weight", "bold", "fill", Palette.INK);
        String sub = cuts.family() + " cut points " + cutList(cuts) + " \u00b7 " + e.effect().direction().id()
                + " is better \u00b7 " + fs.size() + (fs.size() == 1 ? " finding" : " findings") + " from "
                + e.studies() + (e.studies() == 1 ? " study" : " studies");
        s.text(PAD + TextMetrics.width(label, 15, true) + 10, 22, sub, "fill", Palette.MUTED);

        // bands
        double bandTop = ROWS_TOP - 22;
        s.open("g", "class", "bands");
        for (int k = 0; k < 13; k++) {
            s.rect(axis.bandX(k), bandTop, BAND, plotBottom - bandTop, "fill", Palette.band(k));
            if (k > 0) {
                s.line(axis.bandX(k), bandTop, axis.bandX(k), plotBottom, "stroke", "#ffffff", "stroke-width", 1);
            }
        }
        for (int a = 0; a < 7; a++) {
            double cx = axis.bandX(2 * a) + BAND / 2;
            s.open("g", "class", "band-label");
            s.title(SsmScale.LABELS.get(a));
            s.text(cx, ROWS_TOP - 8, SsmScale.CODES.get(a), "text-anchor", "middle", "font-size", 10.5,
                    "font-weight", "bold", "fill", a == 3 ? Palette.MUTED : Palette.STRONG.get(a));
            s.close();
        }
        s.close();

        // column heads
        double headY = ROWS_TOP - 8;
        s.text(PAD, headY, "Finding", "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED);
        s.text(COL_CONFIG, headY, "Configuration", "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED);
        s.text(COL_N, headY, "n", "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED, "text-anchor", "end");
        s.text(COL_MASS, headY, "mass", "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED,
                "text-anchor", "end");
        s.text(COL_MEAN, headY, "mean RI %", "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED,
                "text-anchor", "end");
        s.text(COL_INTENSITY, headY, "intensity", "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED);

        // zero line
        double zx = axis.x(0);
        s.line(zx, ROWS_TOP - 2, zx, rowsBottom + 2, "stroke", Palette.MUTED, "stroke-width", 0.8,
                "stroke-dasharray", "3 3");

        // rows
        s.open("g", "class", "rows");
        if (fs.isEmpty()) {
            s.text(PAD, ROWS_TOP + ROW * 0.68, "No study reports this effect.", "fill", Palette.MUTED,
                    "font-style", "italic");
        }
        for (int i = 0; i < fs.size(); i++) {
            row(s, axis, fs.get(i), i, ROWS_TOP + i * ROW);
        }
        s.close();

        // combined row
        s.line(PAD, aggTop, WIDTH - PAD, aggTop, "stroke", Palette.INK, "stroke-width", 0.8);
        combined(s, axis, e, aggTop, aggCy);

        // axis
        axis(s, axis, plotBottom);
        s.close();
        return new Figure(name, "forest", "Forest plot of " + label + ". " + statement, s.end());
    }

    private static void row(Svg s, BandAxis axis, Finding f, int i, double top) {
        double cy = top + ROW / 2;
        String tip = tooltip(f);
        Optional<SummaryStatistics> st = f.statistics();
        s.open("g", "class", "ssm-row", "data-finding", f.key(), "data-intensity", f.intensity().code(),
                "data-mass", Num.plain(f.mass(), 3), "data-mean", st.map(x -> Double.toString(x.mean())).orElse(null),
                "tabindex", "0");
        s.title(tip);
        s.rect(0, top, WIDTH, ROW, "class", "hl", "fill", i % 2 == 1 ? "#000000" : "#ffffff",
                "fill-opacity", i % 2 == 1 ? 0.035 : 0.0);
        double ty = cy + 3.8;
        s.text(PAD, ty, f.key(), "font-weight", "bold", "fill", Palette.INK);
        s.text(COL_CONFIG, ty, TextMetrics.fit(f.label(), 11, false, COL_N - COL_CONFIG - 22), "fill", Palette.INK);
        String n = st.flatMap(x -> x.n().isPresent() ? Optional.of(Long.toString(x.n().getAsLong())) : Optional.empty())
                .orElse("\u2013");
        s.text(COL_N, ty, n, "fill", Palette.MUTED, "text-anchor", "end");
        s.text(COL_MASS, ty, Num.fixed(f.mass(), 3), "fill", Palette.INK, "text-anchor", "end");

        double side = 4 + 8 * Math.sqrt(Math.max(0, Math.min(1, f.mass())));
        if (st.isPresent()) {
            SummaryStatistics x = st.get();
            double mean = x.mean();
            if (x.std().isPresent() && x.std().getAsDouble() > 0) {
                double sd = x.std().getAsDouble();
                double a = axis.x(mean - sd);
                double b = axis.x(mean + sd);
                s.line(a, cy, b, cy, "stroke", Palette.INK, "stroke-width", 1);
                s.line(a, cy - 3, a, cy + 3, "stroke", Palette.INK, "stroke-width", 1);
                s.line(b, cy - 3, b, cy + 3, "stroke", Palette.INK, "stroke-width", 1);
            }
            if (x.iqr() > 0) {
                double lo = x.q1().isPresent() && x.q3().isPresent() ? x.q1().getAsDouble() : mean - x.iqr() / 2;
                double hi = x.q1().isPresent() && x.q3().isPresent() ? x.q3().getAsDouble() : mean + x.iqr() / 2;
                double a = axis.x(lo);
                double b = axis.x(hi);
                s.rect(a, cy - 2.5, b - a, 5, "fill", Palette.INK, "fill-opacity", 0.45);
            }
            double mx = axis.x(mean);
            if (mean < -axis.limit() || mean > axis.limit()) {
                double d = mean < 0 ? -1 : 1;
                s.polygon(new double[] {mx, cy, mx - d * 7, cy - 5, mx - d * 7, cy + 5}, "fill", Palette.INK);
            } else {
                s.rect(mx - side / 2, cy - side / 2, side, side, "fill", Palette.INK);
            }
            s.text(COL_MEAN, ty, Num.fixed(mean, 2), "fill", Palette.INK, "text-anchor", "end");
        } else {
            // a direct input: its intensity's bands, hollow
            long set = f.intensity().mask();
            double a = axis.setLeft(Scale.lo(set));
            double b = axis.setRight(Scale.hi(set));
            s.rect(a + 2, cy - 4, b - a - 4, 8, "fill", "none", "stroke", Palette.INK, "stroke-width", 1);
            s.rect((a + b) / 2 - side / 2, cy - side / 2, side, side, "fill", Palette.INK);
            s.text(COL_MEAN, ty, "direct", "fill", Palette.MUTED, "text-anchor", "end", "font-style", "italic");
        }
        s.text(COL_INTENSITY, ty, f.intensity().code(), "fill", Palette.strong(f.intensity().mask()),
                "font-weight", "bold");
        s.close();
    }

    private static void combined(Svg s, BandAxis axis, EffectResult e, double top, double cy) {
        s.open("g", "class", "ssm-combined", "data-effect", e.effect().id(),
                "data-hypothesis", e.selection().map(Selection::code).orElse(""),
                "data-belief", e.selection().map(x -> Double.toString(x.belief())).orElse(null));
        String rule = e.combination().map(c -> c.rule().title()).orElse("");
        if (e.selection().isEmpty()) {
            s.title("No findings to combine.");
            s.text(PAD, cy + 4, "Combined: no findings", "font-weight", "bold", "fill", Palette.MUTED);
            s.close();
            return;
        }
        Selection sel = e.selection().get();
        String tip = "Combined (" + rule + ", " + e.findings().size() + " findings from " + e.studies()
                + " studies): " + Scale.braces(sel.set()) + " " + sel.label() + ", belief "
                + Num.fixed(sel.belief(), 3) + ", plausibility " + Num.fixed(sel.plausibility(), 3)
                + e.combination().map(c -> ", last K " + Num.fixed(c.lastConflict(), 3) + ", mean K "
                        + Num.fixed(c.meanConflict(), 3)).orElse("")
                + e.published().map(p -> "; published " + Scale.braces(p.hypothesis()) + " "
                        + Num.fixed(p.belief(), 2)).orElse("");
        s.title(tip);
        s.rect(0, top, WIDTH, 30, "class", "hl", "fill", "#ffffff", "fill-opacity", 0.0);
        s.text(PAD, cy + 4, "Combined", "font-weight", "bold", "fill", Palette.INK);
        double rx = PAD + TextMetrics.width("Combined", 11, true) + 8;
        s.text(rx, cy + 4, TextMetrics.fit(rule, 11, false, PLOT_X - rx - 10), "fill", Palette.MUTED);

        Optional<PublishedResult> pub = e.published();
        if (pub.isPresent() && pub.get().hypothesis() != sel.set() && SsmScale.isInterval(pub.get().hypothesis())) {
            long p = pub.get().hypothesis();
            double a = axis.setLeft(Scale.lo(p));
            double b = axis.setRight(Scale.hi(p));
            s.polygon(new double[] {a, cy, (a + b) / 2, cy - 9, b, cy, (a + b) / 2, cy + 9}, "fill", "none",
                    "stroke", Palette.INK, "stroke-width", 1, "stroke-dasharray", "3 2");
        }
        if (SsmScale.isInterval(sel.set())) {
            double a = axis.setLeft(Scale.lo(sel.set()));
            double b = axis.setRight(Scale.hi(sel.set()));
            s.polygon(new double[] {a + 1, cy, (a + b) / 2, cy - 8, b - 1, cy, (a + b) / 2, cy + 8},
                    "fill", Palette.strong(sel.set()), "stroke", "#ffffff", "stroke-width", 1);
        }
        s.text(COL_MEAN, cy + 4, "Bel " + Num.fixed(sel.belief(), 3), "font-weight", "bold", "fill", Palette.INK,
                "text-anchor", "end");
        s.text(COL_INTENSITY, cy + 4, Scale.code(sel.set()), "font-weight", "bold", "fill",
                Palette.strong(sel.set()));
        s.close();
    }

    private static void axis(Svg s, BandAxis axis, double y) {
        s.open("g", "class", "axis", "font-size", 9.5, "fill", Palette.MUTED);
        s.line(axis.left(), y, axis.right(), y, "stroke", Palette.MUTED, "stroke-width", 0.8);
        double[] bounds = axis.bounds();
        for (int k = 0; k < bounds.length; k++) {
            double x = axis.bandX(k);
            s.line(x, y, x, y + 4, "stroke", Palette.MUTED, "stroke-width", 0.8);
            s.text(x, y + 14, Num.tick(bounds[k]), "text-anchor", "middle");
        }
        double zx = axis.x(0);
        s.line(zx, y, zx, y + 4, "stroke", Palette.MUTED, "stroke-width", 0.8);
        s.text(zx, y + 14, "0", "text-anchor", "middle");
        double mid = (axis.left() + axis.right()) / 2;
        s.text(mid, y + 30, "mean relative improvement RI (%): positive = improved; every intensity band has the"
                + " same width", "text-anchor", "middle", "font-size", 10.5, "fill", Palette.INK);
        // legend
        double ly = y + 50;
        double lx = PAD;
        s.rect(lx, ly - 8, 8, 8, "fill", Palette.INK);
        lx += 12;
        lx = legendText(s, lx, ly, "mean RI (area \u221d mass)");
        s.rect(lx, ly - 6.5, 22, 5, "fill", Palette.INK, "fill-opacity", 0.45);
        lx += 27;
        lx = legendText(s, lx, ly, "IQR (Q1\u2013Q3; centred on the mean when quartiles are not given)");
        s.line(lx, ly - 4, lx + 22, ly - 4, "stroke", Palette.INK, "stroke-width", 1);
        s.line(lx, ly - 7, lx, ly - 1, "stroke", Palette.INK, "stroke-width", 1);
        s.line(lx + 22, ly - 7, lx + 22, ly - 1, "stroke", Palette.INK, "stroke-width", 1);
        lx += 27;
        lx = legendText(s, lx, ly, "\u00b11 sd");
        s.polygon(new double[] {lx, ly - 4, lx + 9, ly - 10, lx + 18, ly - 4, lx + 9, ly + 2}, "fill", Palette.STRONG.get(2));
        lx += 23;
        lx = legendText(s, lx, ly, "selected hypothesis");
        s.polygon(new double[] {lx, ly - 4, lx + 9, ly - 10, lx + 18, ly - 4, lx + 9, ly + 2}, "fill", "none",
                "stroke", Palette.INK, "stroke-dasharray", "3 2");
        lx += 23;
        legendText(s, lx, ly, "published, where it differs");
        s.close();
    }

    private static double legendText(Svg s, double x, double y, String text) {
        s.text(x, y, text, "fill", Palette.MUTED, "font-size", 10);
        return x + TextMetrics.width(text, 10) + 16;
    }

    private static String tooltip(Finding f) {
        StringBuilder t = new StringBuilder();
        t.append(f.key()).append(" (").append(f.label()).append(")");
        if (!f.concept().equals(f.effect())) {
            t.append(", reported as ").append(f.concept());
        }
        if (f.statistics().isPresent()) {
            SummaryStatistics x = f.statistics().get();
            t.append(": mean RI ").append(Num.fixed(x.mean(), 3)).append(" %");
            t.append(", IQR ").append(Num.fixed(x.iqr(), 3));
            if (x.q1().isPresent() && x.q3().isPresent()) {
                t.append(" (Q1 ").append(Num.fixed(x.q1().getAsDouble(), 3)).append(", Q3 ")
                        .append(Num.fixed(x.q3().getAsDouble(), 3)).append(")");
            }
            if (x.std().isPresent()) {
                t.append(", sd ").append(Num.fixed(x.std().getAsDouble(), 3));
            }
            if (x.n().isPresent()) {
                t.append(", n ").append(x.n().getAsLong());
            }
        } else {
            t.append(": intensity given directly");
        }
        t.append("; intensity ").append(Scale.braces(f.intensity().mask())).append(' ').append(f.intensity().label());
        if (f.discount().isPresent()) {
            t.append("; discount ").append(Num.fixed(f.discount().getAsDouble(), 3));
        }
        if (!Double.isNaN(f.studyBelief())) {
            t.append("; study belief ").append(Num.fixed(f.studyBelief(), 3));
        }
        t.append("; mass ").append(Num.fixed(f.mass(), 3));
        if (!f.source().equals("summary") && !f.source().equals("direct")) {
            t.append("; from ").append(f.source());
        }
        return t.toString();
    }

    private static double[] spreadValues(SummaryStatistics x) {
        List<Double> v = new ArrayList<>();
        v.add(x.mean());
        v.add(x.mean() - x.iqr() / 2);
        v.add(x.mean() + x.iqr() / 2);
        x.q1().ifPresent(v::add);
        x.q3().ifPresent(v::add);
        if (x.std().isPresent()) {
            v.add(x.mean() - x.std().getAsDouble());
            v.add(x.mean() + x.std().getAsDouble());
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String cutList(CutPoints cuts) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            if (i > 1) {
                b.append(", ");
            }
            b.append(Num.tick(cuts.cut(i)));
        }
        return b.toString();
    }
}
