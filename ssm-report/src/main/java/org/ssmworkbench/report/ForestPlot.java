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
import org.ssmworkbench.io.results.Decimals;

/**
 * The forest panel of one effect: a row per finding (study and evidence model, configuration, samples,
 * mass) with its mean relative improvement (a square whose area follows the mass), its interquartile
 * range (a bar) and ±1 standard deviation (a whisker) on a {@link BandAxis} whose background shows the
 * 13 intensity bands of the effect's family, then the combined row: the selected hypothesis as a
 * diamond across its bands, with belief and plausibility. Each row carries its details as a
 * {@code <title>} (shown on hover) and as data attributes.
 */
final class ForestPlot {

    /** The narrowest panel (wider when its columns need the room). */
    static final double WIDTH = 980;
    private static final double PAD = 16;
    private static final double BAND = 40;
    private static final double ROWS_TOP = 62;
    private static final double ROW = 19;
    /** The widest the finding column grows to; longer ids are shortened, the full id in a tooltip. */
    private static final double KEY_MAX = 240;
    /** The width of the configuration column; longer labels are shortened, the full label in a tooltip. */
    private static final double CONFIG_W = 126;

    private ForestPlot() {
    }

    /**
     * Where a panel's columns go, measured from the text they will hold (Liberation Sans metrics,
     * {@link TextMetrics}) so that no two texts meet: the finding ids, the sample sizes, the masses, the
     * means and the intensity codes. One layout can serve several panels (a shared axis).
     *
     * @param colConfig    left of the configuration column
     * @param colN         right edge of the n column
     * @param colMass      right edge of the mass column
     * @param plotX        left of the plot area
     * @param colMean      right edge of the mean column
     * @param colIntensity left of the intensity column
     * @param width        the panel's width
     * @param extent       the largest |value| the axis shows (NaN: each panel its own)
     */
    record Layout(double colConfig, double colN, double colMass, double plotX, double colMean, double colIntensity,
            double width, double extent) {

        /** The layout that fits every finding and combined result of {@code effects}. */
        static Layout of(List<EffectResult> effects, boolean sharedAxis) {
            double key = TextMetrics.width("Finding", 10, true);
            double n = TextMetrics.width("n", 10, true);
            double mass = TextMetrics.width("mass", 10, true);
            double mean = TextMetrics.width("mean RI %", 10, true);
            double intensity = TextMetrics.width("intensity", 10, true);
            double extent = 0;
            for (EffectResult e : effects) {
                for (Finding f : e.findings()) {
                    key = Math.max(key, TextMetrics.width(f.key(), 11, true));
                    mass = Math.max(mass, TextMetrics.width(Num.fixed(f.mass(), 3), 11));
                    intensity = Math.max(intensity, TextMetrics.width(f.intensity().code(), 11, true));
                    if (f.statistics().isPresent()) {
                        SummaryStatistics x = f.statistics().get();
                        n = Math.max(n, TextMetrics.width(nText(x), 11));
                        mean = Math.max(mean, TextMetrics.width(Num.fixed(x.mean(), 2), 11));
                        for (double v : spreadValues(x)) {
                            extent = Math.max(extent, Math.abs(v));
                        }
                    } else {
                        mean = Math.max(mean, TextMetrics.width("direct", 11));
                    }
                }
                if (e.selection().isPresent()) {
                    Selection sel = e.selection().get();
                    mean = Math.max(mean, TextMetrics.width("Bel " + Num.fixed(sel.belief(), 3), 11, true));
                    intensity = Math.max(intensity, TextMetrics.width(Scale.code(sel.set()), 11, true));
                }
            }
            double colConfig = PAD + Math.max(50, Math.min(key, KEY_MAX) + 12);
            double colN = colConfig + CONFIG_W + Math.max(22, n + 4);
            double colMass = colN + Math.max(38, mass + 10);
            double plotX = colMass + 16;
            double colMean = plotX + 13 * BAND + Math.max(70, mean + 12);
            double colIntensity = colMean + 12;
            double width = Math.max(WIDTH, colIntensity + intensity + PAD);
            return new Layout(colConfig, colN, colMass, plotX, colMean, colIntensity, width,
                    sharedAxis ? extent : Double.NaN);
        }

        /** The widest finding id shown in full. */
        double keyWidth() {
            return colConfig - PAD - 12;
        }
    }

    private static String nText(SummaryStatistics x) {
        return x.n().isPresent() ? Long.toString(x.n().getAsLong()) : "\u2013";
    }

    /**
     * The panel of {@code e}.
     *
     * @param id           document-unique figure id
     * @param intervention the intervention's label, for the caption
     * @param cuts         the cut points of the effect's family
     */
    static Figure of(String id, String name, String intervention, EffectResult e, CutPoints cuts) {
        return of(id, name, intervention, e, cuts, Layout.of(List.of(e), false));
    }

    /** The panel of {@code e} laid out by {@code lay} (shared by several panels for a common axis). */
    static Figure of(String id, String name, String intervention, EffectResult e, CutPoints cuts, Layout lay) {
        return of(id, name, intervention, e, cuts, lay, 0, e.findings().size(), 0, 0);
    }

    /**
     * The panel of {@code e} in pages of at most {@code rows} findings each (figure ids and names
     * {@code id-1}, {@code name-1}, …), every page with the same columns and axis (those of all the
     * effect's findings, or of {@code lay} when it is shared), the combined row and the legend, and its
     * page and rows in its title: a panel of 20,000 rows is 380,000 px tall, which nothing shows well.
     * One page when the findings fit.
     */
    static List<Figure> pages(String id, String name, String intervention, EffectResult e, CutPoints cuts,
            Layout lay, int rows) {
        int n = e.findings().size();
        int count = Math.max(1, (n + rows - 1) / rows);
        List<Figure> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            out.add(of(id + "-" + (k + 1), name + "-" + (k + 1), intervention, e, cuts, lay, k * rows,
                    Math.min(n, (k + 1) * rows), k + 1, count));
        }
        return out;
    }

    /** Findings {@code from} to {@code to} of the panel, as page {@code page} of {@code pages} (0: no pages). */
    private static Figure of(String id, String name, String intervention, EffectResult e, CutPoints cuts, Layout lay,
            int from, int to, int page, int pages) {
        List<Finding> all = e.findings();
        List<Finding> fs = all.subList(from, to);
        double extent = lay.extent();
        if (Double.isNaN(extent)) {
            extent = 0;
            for (Finding f : all) {
                if (f.statistics().isPresent()) {
                    for (double v : spreadValues(f.statistics().get())) {
                        extent = Math.max(extent, Math.abs(v));
                    }
                }
            }
        }
        double width = lay.width();
        BandAxis axis = new BandAxis(cuts, extent, lay.plotX(), BAND);
        int rows = Math.max(1, fs.size());
        double rowsBottom = ROWS_TOP + rows * ROW;
        double aggTop = rowsBottom + 6;
        double aggCy = aggTop + 15;
        double plotBottom = aggTop + 30;
        String selected = e.selection().map(x -> Palette.strong(x.set())).orElse(Palette.MUTED);
        List<LegendItem> legend = legend(selected, fs.stream().anyMatch(f -> f.statistics().isEmpty()));
        int legendLines = legendLines(legend, width);
        double height = plotBottom + 66 + (legendLines - 1) * 16;

        String label = e.effect().label();
        String statement = Statements.of(intervention, e);
        String pageNote = pages == 0 ? "" : " (page " + page + " of " + pages + ": findings " + (from + 1) + "\u2013" + to
                + " of " + all.size() + ")";
        Svg s = new Svg(id, width, height, "Forest plot: " + label + pageNote,
                "Findings on " + label + " by evidence model, mean relative improvement on the "
                        + cuts.family() + " intensity bands, and the combined result. " + statement);
        s.open("g", "class", "forest", "data-effect", e.effect().id());

        // title
        String shownLabel = TextMetrics.fit(label, 15, true, width - 2 * PAD);
        s.textFull(PAD, 22, shownLabel, label, "font-size", 15, "font-weight", "bold", "fill", Palette.INK);
        String sub = cuts.family() + " cut points " + cutList(cuts) + " \u00b7 " + e.effect().direction().id()
                + " is better \u00b7 " + all.size() + (all.size() == 1 ? " finding" : " findings") + " from "
                + e.studies() + (e.studies() == 1 ? " study" : " studies")
                + (pages == 0 ? "" : " \u00b7 page " + page + " of " + pages + ", findings " + (from + 1) + "\u2013" + to);
        double subX = PAD + TextMetrics.width(shownLabel, 15, true) + 10;
        if (subX + TextMetrics.width(sub, 11) <= width - PAD) {
            s.text(subX, 22, sub, "fill", Palette.MUTED);
        } else if (subX + 60 <= width - PAD) {
            s.textFull(subX, 22, TextMetrics.fit(sub, 11, false, width - PAD - subX), sub, "fill", Palette.MUTED);
        }

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
        s.text(lay.colConfig(), headY, "Configuration", "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED);
        s.text(lay.colN(), headY, "n", "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED, "text-anchor", "end");
        s.text(lay.colMass(), headY, "mass", "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED,
                "text-anchor", "end");
        s.text(lay.colMean(), headY, "mean RI %", "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED,
                "text-anchor", "end");
        s.text(lay.colIntensity(), headY, "intensity", "font-size", 10, "font-weight", "bold", "fill", Palette.MUTED);

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
            row(s, axis, lay, fs.get(i), from + i, ROWS_TOP + i * ROW);
        }
        s.close();

        // combined row
        s.line(PAD, aggTop, width - PAD, aggTop, "stroke", Palette.INK, "stroke-width", 0.8);
        combined(s, axis, lay, e, aggTop, aggCy);

        // axis
        axis(s, axis, plotBottom, legend, width);
        s.close();
        return s.figure(name, "forest", "Forest plot of " + label + pageNote + ". " + statement);
    }

    private static void row(Svg s, BandAxis axis, Layout lay, Finding f, int i, double top) {
        double cy = top + ROW / 2;
        String tip = tooltip(f);
        Optional<SummaryStatistics> st = f.statistics();
        s.open("g", "class", "ssm-row", "data-finding", f.key(), "data-intensity", f.intensity().code(),
                "data-mass", Num.plain(f.mass(), 3), "data-mean", st.map(x -> Decimals.text(x.mean())).orElse(null),
                "tabindex", "0");
        s.title(tip);
        s.rect(0, top, lay.width(), ROW, "class", "hl", "fill", i % 2 == 1 ? "#000000" : "#ffffff",
                "fill-opacity", i % 2 == 1 ? 0.035 : 0.0);
        double ty = cy + 3.8;
        s.textFull(PAD, ty, TextMetrics.fit(f.key(), 11, true, lay.keyWidth()), f.key(), "font-weight", "bold",
                "fill", Palette.INK);
        s.textFull(lay.colConfig(), ty, TextMetrics.fit(f.label(), 11, false, CONFIG_W), f.label(), "fill",
                Palette.INK);
        String n = st.map(ForestPlot::nText).orElse("\u2013");
        s.text(lay.colN(), ty, n, "fill", Palette.MUTED, "text-anchor", "end");
        s.text(lay.colMass(), ty, Num.fixed(f.mass(), 3), "fill", Palette.INK, "text-anchor", "end");

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
            s.text(lay.colMean(), ty, Num.fixed(mean, 2), "fill", Palette.INK, "text-anchor", "end");
        } else {
            // a direct input has no mean: its intensity's bands, hollow, and no square
            long set = f.intensity().mask();
            double a = axis.setLeft(Scale.lo(set));
            double b = axis.setRight(Scale.hi(set));
            s.rect(a + 2, cy - 4, b - a - 4, 8, "fill", "none", "stroke", Palette.INK, "stroke-width", 1);
            s.text(lay.colMean(), ty, "direct", "fill", Palette.MUTED, "text-anchor", "end", "font-style", "italic");
        }
        s.text(lay.colIntensity(), ty, f.intensity().code(), "fill", Palette.strong(f.intensity().mask()),
                "font-weight", "bold");
        s.close();
    }

    private static void combined(Svg s, BandAxis axis, Layout lay, EffectResult e, double top, double cy) {
        s.open("g", "class", "ssm-combined", "data-effect", e.effect().id(),
                "data-hypothesis", e.selection().map(Selection::code).orElse(""),
                "data-belief", e.selection().map(x -> Decimals.text(x.belief())).orElse(null));
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
        s.rect(0, top, lay.width(), 30, "class", "hl", "fill", "#ffffff", "fill-opacity", 0.0);
        s.text(PAD, cy + 4, "Combined", "font-weight", "bold", "fill", Palette.INK);
        double rx = PAD + TextMetrics.width("Combined", 11, true) + 8;
        s.textFull(rx, cy + 4, TextMetrics.fit(rule, 11, false, lay.plotX() - rx - 10), rule, "fill", Palette.MUTED);

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
        s.text(lay.colMean(), cy + 4, "Bel " + Num.fixed(sel.belief(), 3), "font-weight", "bold", "fill", Palette.INK,
                "text-anchor", "end");
        s.text(lay.colIntensity(), cy + 4, Scale.code(sel.set()), "font-weight", "bold", "fill",
                Palette.strong(sel.set()));
        s.close();
    }

    private static void axis(Svg s, BandAxis axis, double y, List<LegendItem> legend, double width) {
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
        // legend, wrapped to the panel's width
        double ly = y + 50;
        double lx = PAD;
        for (LegendItem item : legend) {
            if (lx > PAD && lx + item.width() > width - PAD) {
                ly += 16;
                lx = PAD;
            }
            item.symbol().draw(s, lx, ly);
            s.text(lx + item.symbolWidth(), ly, item.text(), "fill", Palette.MUTED, "font-size", 10);
            lx += item.width() + 16;
        }
        s.close();
    }

    /** A symbol of the legend drawn with its left at x on the base line y. */
    private interface Symbol {
        void draw(Svg s, double x, double y);
    }

    /** A legend entry: a symbol {@code symbolWidth} wide (gap included), then its text. */
    private record LegendItem(Symbol symbol, double symbolWidth, String text) {
        double width() {
            return symbolWidth + TextMetrics.width(text, 10);
        }
    }

    /**
     * The legend's entries: the selected hypothesis's diamond in {@code selected}, the colour the combined
     * row uses; the hollow box of a direct input only when the panel has one.
     */
    private static List<LegendItem> legend(String selected, boolean direct) {
        List<LegendItem> l = new ArrayList<>();
        l.add(new LegendItem((s, x, y) -> s.rect(x, y - 8, 8, 8, "fill", Palette.INK), 12,
                "mean RI (area grows with mass)"));
        l.add(new LegendItem((s, x, y) -> s.rect(x, y - 6.5, 22, 5, "fill", Palette.INK, "fill-opacity", 0.45), 27,
                "IQR (Q1\u2013Q3; centred on the mean when quartiles are not given)"));
        l.add(new LegendItem((s, x, y) -> {
            s.line(x, y - 4, x + 22, y - 4, "stroke", Palette.INK, "stroke-width", 1);
            s.line(x, y - 7, x, y - 1, "stroke", Palette.INK, "stroke-width", 1);
            s.line(x + 22, y - 7, x + 22, y - 1, "stroke", Palette.INK, "stroke-width", 1);
        }, 27, "\u00b11 sd"));
        if (direct) {
            l.add(new LegendItem((s, x, y) -> s.rect(x, y - 8, 22, 8, "fill", "none", "stroke", Palette.INK,
                    "stroke-width", 1), 27, "intensity given directly (no mean)"));
        }
        l.add(new LegendItem((s, x, y) -> s.polygon(new double[] {x, y - 4, x + 9, y - 10, x + 18, y - 4, x + 9, y + 2},
                "fill", selected), 23, "selected hypothesis"));
        l.add(new LegendItem((s, x, y) -> s.polygon(new double[] {x, y - 4, x + 9, y - 10, x + 18, y - 4, x + 9, y + 2},
                "fill", "none", "stroke", Palette.INK, "stroke-dasharray", "3 2"), 23, "published, where it differs"));
        return l;
    }

    /** The lines the legend takes in a panel {@code width} wide. */
    private static int legendLines(List<LegendItem> legend, double width) {
        int lines = 1;
        double lx = PAD;
        for (LegendItem item : legend) {
            if (lx > PAD && lx + item.width() > width - PAD) {
                lines++;
                lx = PAD;
            }
            lx += item.width() + 16;
        }
        return lines;
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
