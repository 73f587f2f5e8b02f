package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence-model diagrams in SSM notation: the intervention (a Technology concept) with an arrow to
 * each effect (attributes of the System), every arrow labelled with its intensity and its mass or
 * belief; moderators in a box attached to the arrows; context aspects in a box attached to the
 * intervention, grouped by archetype. The same drawing serves one evidence model (one study
 * configuration) and the aggregated theory. Rows have a fixed pitch and every label is shortened to
 * its column, so that ten or more effects never overlap.
 */
final class EvidenceDiagram {

    /**
     * One cause → effect arrow.
     *
     * @param effectId   the effect's id
     * @param effect     the effect's label
     * @param boxLine    the second line of the effect box
     * @param set        the hypothesis (colours the arrow)
     * @param top        the label above the arrow (the intensity)
     * @param bottom     the label below it (mass or belief)
     * @param weight     0..1, the arrow's thickness
     * @param tip        hover text
     */
    record Arrow(String effectId, String effect, String boxLine, long set, String top, String bottom, double weight,
            String tip) {
    }

    /**
     * What to draw.
     *
     * @param id           document-unique figure id
     * @param name         file name
     * @param kind         "theory" or "evidence"
     * @param caption      caption
     * @param heading      the figure's heading
     * @param subheading   the line beside it
     * @param intervention the intervention's label
     * @param interventionLine the second line of the intervention box
     * @param arrows       the arrows, in effect order
     * @param moderators   moderator lines ("method = QAT")
     * @param context      context entries
     * @param maxContextLines lines each context entry may take
     * @param wide         the wide layout (aggregated theory) or the compact one (one evidence model)
     */
    record Spec(String id, String name, String kind, String caption, String heading, String subheading,
            String intervention, String interventionLine, List<Arrow> arrows, List<String> moderators,
            List<ContextText.Entry> context, int maxContextLines, boolean wide) {
    }

    private static final double PAD = 16;
    private static final double LINE = 13.5;

    private EvidenceDiagram() {
    }

    static Figure draw(Spec d) {
        double width = d.wide() ? 980 : 680;
        double leftW = d.wide() ? 262 : 196;
        double effectW = d.wide() ? 270 : 222;
        // effect labels wrap (up to three lines) instead of being cut; every row gets the room of the tallest
        List<List<String>> effectLines = new ArrayList<>();
        int maxLines = 1;
        for (Arrow a : d.arrows()) {
            List<String> lines = TextMetrics.wrap(a.effect(), 11.5, true, effectW - 40);
            if (lines.size() > 3) {
                lines = new ArrayList<>(lines.subList(0, 3));
                lines.set(2, TextMetrics.fit(lines.get(2) + "\u2026", 11.5, true, effectW - 40));
            }
            if (lines.isEmpty()) {
                lines = List.of("");
            }
            effectLines.add(lines);
            maxLines = Math.max(maxLines, lines.size());
        }
        double extra = (maxLines - 1) * 13;
        double pitch = (d.wide() ? 50 : 46) + extra;
        double busX = PAD + leftW + 28;
        double effX = width - PAD - effectW;
        double labelX = busX + 12;
        double labelW = effX - 14 - labelX;

        double y0 = d.subheading().isEmpty() ? 34 : 48;
        int n = Math.max(1, d.arrows().size());
        double effTop = y0 + 26;
        double firstCy = effTop + 18;
        double lastCy = firstCy + (n - 1) * pitch;
        double effBottom = lastCy + 18 + extra + 10;

        // intervention, centred on the effects
        double ibH = 46;
        double icy = Math.max((firstCy + lastCy) / 2, y0 + 26 + ibH / 2);
        double ibTop = icy - ibH / 2;
        double techTop = ibTop - 24;
        double techBottom = ibTop + ibH + 10;

        // context box (left column, below the intervention)
        double ctxTop = techBottom + 26;
        double ctxInner = leftW - 20;
        List<String[]> ctxLines = contextLines(d.context(), ctxInner, d.maxContextLines());
        double ctxH = d.context().isEmpty() ? 0 : 26 + ctxLines.size() * LINE + 8;

        // moderators box (middle column, below the arrows)
        double modW = Math.min(labelW + 12, 300);
        List<String> modLines = new ArrayList<>();
        for (String m : d.moderators()) {
            modLines.addAll(TextMetrics.wrap(m, 10.5, false, modW - 20));
        }
        double modTop = lastCy + 34 + extra;
        double modH = modLines.isEmpty() ? 0 : 26 + modLines.size() * LINE + 6;

        double height = Math.max(Math.max(effBottom, techBottom), Math.max(ctxTop + ctxH, modTop + modH)) + PAD;
        Svg s = new Svg(d.id(), width, height, d.heading(), d.caption());
        s.open("g", "class", "diagram", "data-kind", d.kind());
        s.text(PAD, 22, TextMetrics.fit(d.heading(), 14, true, width - 2 * PAD), "font-size", 14, "font-weight", "bold",
                "fill", Palette.INK);
        if (!d.subheading().isEmpty()) {
            s.text(PAD, 38, TextMetrics.fit(d.subheading(), 10.5, false, width - 2 * PAD), "font-size", 10.5,
                    "fill", Palette.MUTED);
        }

        // archetype frames
        frame(s, Archetype.TECHNOLOGY, PAD, techTop, leftW, techBottom - techTop);
        frame(s, Archetype.SYSTEM, effX, y0, effectW, effBottom - y0);

        // intervention box
        s.open("g", "class", "concept intervention");
        s.title("Intervention: " + d.intervention() + (d.interventionLine().isEmpty() ? "" : " (" + d.interventionLine() + ")"));
        s.rect(PAD + 10, ibTop, leftW - 20, ibH, "rx", 4, "fill", "#ffffff", "stroke", Archetype.TECHNOLOGY.colour(),
                "stroke-width", 1.4);
        s.text(PAD + 20, ibTop + 19, TextMetrics.fit(d.intervention(), 12, true, leftW - 40), "font-size", 12,
                "font-weight", "bold", "fill", Palette.INK);
        s.text(PAD + 20, ibTop + 35, TextMetrics.fit(d.interventionLine(), 10.5, false, leftW - 40), "font-size", 10.5,
                "fill", Palette.MUTED);
        s.close();

        // bus and arrows
        double ibRight = PAD + leftW - 10;
        s.line(ibRight, icy, busX, icy, "stroke", Palette.INK, "stroke-width", 1.4);
        double busTop = Math.min(icy, firstCy);
        double busBottom = Math.max(icy, lastCy);
        if (busBottom > busTop) {
            s.line(busX, busTop, busX, busBottom, "stroke", Palette.INK, "stroke-width", 1.4);
        }
        for (int i = 0; i < d.arrows().size(); i++) {
            Arrow a = d.arrows().get(i);
            double cy = firstCy + i * pitch;
            double top = cy - 18;
            String colour = Palette.strong(a.set());
            double sw = 1.2 + 2.4 * Math.max(0, Math.min(1, a.weight()));
            s.open("g", "class", "relation", "data-effect", a.effectId());
            s.title(a.tip());
            double tip = effX + 10;
            s.line(busX, cy, tip - 8, cy, "stroke", colour, "stroke-width", sw);
            s.polygon(new double[] {tip, cy, tip - 10, cy - 5, tip - 10, cy + 5}, "fill", colour);
            s.text(labelX, cy - 6, TextMetrics.fit(a.top(), 11, true, labelW), "font-size", 11, "font-weight", "bold",
                    "fill", colour, "class", "arrow-label");
            s.text(labelX, cy + 14, TextMetrics.fit(a.bottom(), 10, false, labelW), "font-size", 10,
                    "fill", Palette.MUTED, "class", "arrow-label");
            List<String> lines = effectLines.get(i);
            double more = (lines.size() - 1) * 13;
            s.rect(effX + 10, top, effectW - 20, 36 + more, "rx", 4, "fill", "#ffffff", "stroke",
                    Archetype.SYSTEM.colour(), "stroke-width", 1.2);
            for (int k = 0; k < lines.size(); k++) {
                s.text(effX + 20, top + 15 + k * 13, lines.get(k), "font-size", 11.5, "font-weight", "bold", "fill",
                        Palette.INK);
            }
            String boxLine = TextMetrics.fit(a.boxLine(), 10, false, effectW - 40);
            s.textFull(effX + 20, top + 29 + more, boxLine, a.boxLine(), "font-size", 10, "fill", Palette.MUTED);
            s.close();
        }
        if (d.arrows().isEmpty()) {
            s.text(effX + 20, firstCy + 4, "no effects", "fill", Palette.MUTED, "font-style", "italic");
        }

        // moderators
        if (!modLines.isEmpty()) {
            double mx = busX - 12;
            s.open("g", "class", "moderators");
            s.title("Moderators: " + String.join("; ", d.moderators()));
            s.line(busX, busBottom, busX, modTop, "stroke", Palette.MUTED, "stroke-width", 1.1,
                    "stroke-dasharray", "4 3");
            s.empty("circle", "cx", busX, "cy", busBottom, "r", 3, "fill", Palette.MUTED);
            s.rect(mx, modTop, modW, modH, "rx", 4, "fill", "#ffffff", "stroke", Palette.MUTED, "stroke-width", 1,
                    "stroke-dasharray", "4 3");
            s.text(mx + 10, modTop + 16, "MODERATORS", "font-size", 9.5, "font-weight", "bold", "fill", Palette.MUTED,
                    "letter-spacing", 0.6);
            for (int i = 0; i < modLines.size(); i++) {
                s.text(mx + 10, modTop + 32 + i * LINE, modLines.get(i), "font-size", 10.5, "fill", Palette.INK);
            }
            s.close();
        }

        // context
        if (!d.context().isEmpty()) {
            s.open("g", "class", "context");
            s.title("Context: " + contextTip(d.context()));
            double cx = PAD + leftW / 2;
            s.line(cx, ibTop + ibH, cx, ctxTop, "stroke", Palette.MUTED, "stroke-width", 1.1, "stroke-dasharray", "4 3");
            s.rect(PAD, ctxTop, leftW, ctxH, "rx", 4, "fill", "#fafafa", "stroke", Palette.RULE, "stroke-width", 1);
            s.text(PAD + 10, ctxTop + 16, "CONTEXT", "font-size", 9.5, "font-weight", "bold", "fill", Palette.MUTED,
                    "letter-spacing", 0.6);
            for (int i = 0; i < ctxLines.size(); i++) {
                String[] l = ctxLines.get(i);
                double ly = ctxTop + 32 + i * LINE;
                if (l[0].equals("archetype")) {
                    Archetype a = Archetype.valueOf(l[2]);
                    s.text(PAD + 10, ly, l[1].toUpperCase(java.util.Locale.ROOT), "font-size", 9, "font-weight", "bold",
                            "fill", a.colour(), "letter-spacing", 0.5);
                } else {
                    s.text(PAD + (l[0].equals("first") ? 14 : 22), ly, l[1], "font-size", 10.5, "fill", Palette.INK);
                }
            }
            s.close();
        }
        s.close();
        return s.figure(d.name(), d.kind(), d.caption());
    }

    private static void frame(Svg s, Archetype a, double x, double y, double w, double h) {
        s.open("g", "class", "archetype", "data-archetype", a.title());
        s.rect(x, y, w, h, "rx", 6, "fill", a.tint(), "stroke", a.colour(), "stroke-width", 0.8, "stroke-opacity", 0.5);
        s.text(x + 10, y + 15, a.title().toUpperCase(java.util.Locale.ROOT), "font-size", 9.5, "font-weight", "bold",
                "fill", a.colour(), "letter-spacing", 0.6);
        s.close();
    }

    /** Lines of the context box: an archetype heading, then its entries wrapped to the width. */
    private static List<String[]> contextLines(List<ContextText.Entry> entries, double width, int maxLines) {
        Map<Archetype, List<ContextText.Entry>> groups = new EnumMap<>(Archetype.class);
        for (ContextText.Entry e : entries) {
            groups.computeIfAbsent(e.archetype(), k -> new ArrayList<>()).add(e);
        }
        List<String[]> out = new ArrayList<>();
        for (Map.Entry<Archetype, List<ContextText.Entry>> g : groups.entrySet()) {
            out.add(new String[] {"archetype", g.getKey().title(), g.getKey().name()});
            for (ContextText.Entry e : g.getValue()) {
                List<String> lines = entryLines(e, width - 12, maxLines);
                for (int i = 0; i < lines.size(); i++) {
                    out.add(new String[] {i == 0 ? "first" : "more", lines.get(i)});
                }
            }
        }
        return out;
    }

    /** "models: a, b, c (+25 more)" in at most {@code maxLines} lines of {@code width}. */
    static List<String> entryLines(ContextText.Entry e, double width, int maxLines) {
        List<String> vs = e.values();
        if (vs.isEmpty()) {
            return TextMetrics.wrap(e.name(), 10.5, false, width).subList(0, 1);
        }
        // the most values that fit (fitting is monotone in the number of values shown)
        List<String> best = null;
        for (int k = 1; k <= vs.size(); k++) {
            String text = e.name() + ": " + String.join(", ", vs.subList(0, k))
                    + (k < vs.size() ? " (+" + (vs.size() - k) + " more)" : "");
            List<String> lines = TextMetrics.wrap(text, 10.5, false, width);
            if (lines.size() > maxLines) {
                break;
            }
            best = lines;
        }
        if (best != null) {
            return best;
        }
        // even the first value alone is too long: cut it, keeping the count of the others
        String more = vs.size() > 1 ? " (+" + (vs.size() - 1) + " more)" : "";
        List<String> lines = new ArrayList<>(TextMetrics.wrap(e.name() + ": " + vs.get(0), 10.5, false, width)
                .subList(0, maxLines));
        String last = lines.get(maxLines - 1);
        lines.set(maxLines - 1, TextMetrics.fit(last + "\u2026", 10.5, false, width - TextMetrics.width(more, 10.5))
                + more);
        return lines;
    }

    private static String contextTip(List<ContextText.Entry> entries) {
        List<String> parts = new ArrayList<>();
        for (ContextText.Entry e : entries) {
            String t = e.text();
            parts.add(e.name() + ": " + (t.length() > 300 ? t.substring(0, 300) + "\u2026" : t));
        }
        return String.join("; ", parts);
    }
}
