package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.core.sensitivity.AnalysisKind;
import org.ssmworkbench.core.sensitivity.CumulativeStep;
import org.ssmworkbench.core.sensitivity.EffectSensitivity;
import org.ssmworkbench.core.sensitivity.OrderSpread;
import org.ssmworkbench.core.sensitivity.Variant;

/**
 * Three robustness figures of one effect, forest-style on the seven-step SSM scale as the sensitivity
 * figure: leave one study out (every study, not only those that flip the result), the cumulative
 * synthesis (the result after each study, in publication order) and the order dependence (per rule,
 * each hypothesis some order selects, with the share of orders, the belief range and the range of the
 * last K).
 */
final class RobustnessPlots {

    // the layout of the sensitivity figure, so the four figures of an effect line up
    private static final double WIDTH = SensitivityPlot.WIDTH;
    private static final double PAD = SensitivityPlot.PAD;
    private static final double MARK_X = SensitivityPlot.MARK_X;
    private static final double LABEL_X = SensitivityPlot.LABEL_X;
    private static final double COL_A = SensitivityPlot.COL_N;
    private static final double COL_B = SensitivityPlot.COL_ST;
    private static final double SCALE_X = SensitivityPlot.SCALE_X;
    private static final double ATOM = SensitivityPlot.ATOM;
    private static final double COL_BEL = SensitivityPlot.COL_BEL;
    private static final double COL_NOTE = SensitivityPlot.COL_NOTE;
    private static final double TOP = SensitivityPlot.TOP;
    private static final double ROW = SensitivityPlot.ROW;

    /** One row: a label, two small columns, a hypothesis bar (or none), its belief and a note. */
    private record Row(String label, String a, String b, Long set, String belief, String note, boolean marked,
            boolean bold, String tip) {
    }

    private RobustnessPlots() {
    }

    /** Leave one study out: the base, then the result without each study. */
    static Figure leaveOneOut(String id, String name, EffectSensitivity e) {
        List<Row> rows = new ArrayList<>();
        rows.add(base(e));
        for (Variant v : e.variants()) {
            if (v.analysis() != AnalysisKind.LEAVE_ONE_STUDY_OUT) {
                continue;
            }
            rows.add(new Row(v.name(), Integer.toString(v.findings()), Integer.toString(v.studies()),
                    v.hypothesis().orElse(null), v.hypothesis().isPresent() ? Num.fixed(v.belief(), 3) : "",
                    "K " + Num.fixed(v.lastConflict(), 3) + (v.note().isEmpty() ? "" : " \u00b7 " + v.note()),
                    v.flips(), v.flips(), v.name() + ": " + SensitivityPlot.hypothesis(v)
                            + (v.flips() ? " (flips the result)" : "")));
        }
        String label = e.effect().label();
        return draw(id, name, "Leave one study out: " + label, "findings", "studies", rows,
                "First row: the base result; below, the result without each study (▶: the hypothesis changes);"
                        + " K: the last step's conflict.",
                "Leave-one-study-out of " + label + ": " + (rows.size() - 1) + " studies, "
                        + rows.stream().filter(Row::marked).count() + " of them change the hypothesis.");
    }

    /** The cumulative synthesis: one row per study added. */
    static Figure cumulative(String id, String name, EffectSensitivity e, String basis) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < e.cumulative().size(); i++) {
            CumulativeStep c = e.cumulative().get(i);
            String year = c.year().isPresent() ? " (" + c.year().getAsInt() + ")" : "";
            rows.add(new Row("+ " + c.study() + year, Integer.toString(c.findings()), Integer.toString(c.studies()),
                    c.hypothesis().orElse(null), Num.fixed(c.belief(), 3), "K " + Num.fixed(c.lastConflict(), 3)
                            + (c.changed() ? " \u00b7 changed" : ""), c.changed(), i + 1 == e.settledAfter(),
                    "after " + c.study() + year + ": " + c.hypothesis().map(Scale::braces).orElse("(none)")
                            + " Bel " + Num.fixed(c.belief(), 3)));
        }
        String label = e.effect().label();
        return draw(id, name, "Cumulative synthesis: " + label, "findings", "studies", rows,
                "Studies added one at a time (" + basis + "); ▶: the hypothesis changes; bold: the step after"
                        + " which it no longer changed.",
                "Cumulative synthesis of " + label + ": settled after " + e.settledAfter() + " of "
                        + e.cumulative().size() + " studies.");
    }

    /** Order dependence: per rule, each hypothesis selected by some order. */
    static Figure orders(String id, String name, EffectSensitivity e) {
        List<Row> rows = new ArrayList<>();
        for (OrderSpread o : e.orders()) {
            boolean first = true;
            for (Map.Entry<Long, Long> h : o.hypotheses().entrySet()) {
                String share = h.getValue().longValue() == o.orders() ? "all" : h.getValue() + "/" + o.orders();
                rows.add(new Row(first ? o.rule().title() : "", first ? (o.exhaustive() ? "all" : "sample") : "",
                        share, h.getKey(), first ? Num.fixed(o.minBelief(), 3) + "\u2013" + Num.fixed(o.maxBelief(), 3)
                                : "", first ? "last K " + Num.fixed(o.minLastConflict(), 3) + "\u2013"
                                        + Num.fixed(o.maxLastConflict(), 3) + " (in order "
                                        + Num.fixed(o.baseLastConflict(), 3) + ")" : "",
                        o.hypothesisCanChange(), first, o.rule().title() + ": " + Scale.braces(h.getKey()) + " in "
                                + share + " orders; " + o.note()));
                first = false;
            }
            if (o.hypotheses().isEmpty()) {
                rows.add(new Row(o.rule().title(), "", "", null, "", o.note(), false, true, o.note()));
            }
        }
        String label = e.effect().label();
        long changing = e.orders().stream().filter(OrderSpread::hypothesisCanChange).count();
        return draw(id, name, "Order dependence: " + label, "orders", "share", rows,
                "Per rule, each hypothesis some combination order selects, with the share of the orders tried,"
                        + " the belief range and the range of the last K (▶: the order can change the hypothesis).",
                "Order dependence of " + label + ": the hypothesis can change with the order under " + changing
                        + " of " + e.orders().size() + " rules.");
    }

    private static Row base(EffectSensitivity e) {
        return new Row("base result", Integer.toString(e.base().findings().size()),
                Integer.toString(e.base().studies()), e.base().selection().map(x -> x.set()).orElse(null),
                e.base().selection().map(x -> Num.fixed(x.belief(), 3)).orElse(""),
                e.base().combination().map(c -> "K " + Num.fixed(c.lastConflict(), 3)).orElse(""), false, true,
                "base result");
    }

    private static Figure draw(String id, String name, String title, String headA, String headB, List<Row> rows,
            String foot, String caption) {
        double bottom = TOP + Math.max(1, rows.size()) * ROW;
        double height = bottom + 40;
        Svg s = new Svg(id, WIDTH, height, title, caption);
        s.open("g", "class", "robustness");
        s.text(PAD, 22, TextMetrics.fit(title, 15, true, WIDTH - 2 * PAD), "font-size", 15, "font-weight", "bold",
                "fill", Palette.INK);
        double headY = TOP - 8;
        ScaleColumns.head(s, COL_A, headY, headA, "end");
        ScaleColumns.head(s, COL_B, headY, headB, "end");
        ScaleColumns.head(s, COL_BEL, headY, "Bel", "end");
        ScaleColumns.head(s, COL_NOTE, headY, "note", "start");
        ScaleColumns.columns(s, SCALE_X, ATOM, TOP, bottom, headY);
        double y = TOP;
        if (rows.isEmpty()) {
            s.text(LABEL_X, y + ROW / 2 + 4, "no findings", "fill", Palette.MUTED, "font-style", "italic");
        }
        for (Row r : rows) {
            double cy = y + ROW / 2;
            double ty = cy + 4;
            s.open("g", "class", r.marked() ? "ssm-row flip" : "ssm-row");
            s.title(r.tip());
            if (r.marked()) {
                s.polygon(new double[] {MARK_X - 4, cy - 5, MARK_X + 4, cy, MARK_X - 4, cy + 5}, "fill", "#b45309");
            }
            s.text(LABEL_X, ty, TextMetrics.fit(r.label(), 11, r.bold(), COL_A - LABEL_X - 36), "font-weight",
                    r.bold() ? "bold" : "normal", "fill", Palette.INK);
            s.text(COL_A, ty, r.a(), "fill", Palette.INK, "text-anchor", "end");
            s.text(COL_B, ty, r.b(), "fill", Palette.INK, "text-anchor", "end");
            if (r.set() != null) {
                ScaleColumns.bar(s, SCALE_X, ATOM, r.set(), cy);
            }
            s.text(COL_BEL, ty, r.belief(), "fill", Palette.INK, "text-anchor", "end", "font-size", 10.5);
            if (!r.note().isEmpty()) {
                s.text(COL_NOTE, ty, TextMetrics.fit(r.note(), 10, false, WIDTH - COL_NOTE - 4), "font-size", 10,
                        "fill", Palette.MUTED);
            }
            s.close();
            y += ROW;
        }
        s.line(PAD, bottom, WIDTH - PAD, bottom, "stroke", Palette.RULE, "stroke-width", 1);
        s.text(PAD, bottom + 24, TextMetrics.fit(foot, 10, false, WIDTH - 2 * PAD), "fill", Palette.MUTED,
                "font-size", 10);
        s.close();
        return s.figure(name, "sensitivity", caption);
    }
}
