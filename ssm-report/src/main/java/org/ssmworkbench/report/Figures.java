package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.synthesis.Context;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.StudyDescription;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.project.Project;

/**
 * Every figure of a report: the overview, a forest panel per effect, the aggregated theory and a
 * diagram per evidence model (grouped by study), with unique names.
 *
 * @param overview the aggregated results on the SSM scale
 * @param forests  forest panels in effect order: one figure per effect, or its pages when the effect has
 *                 more than {@link Figure#INLINE_FOREST_ROWS} findings
 * @param theory   the aggregated theory diagram
 * @param evidence evidence-model diagrams by study id, in combination order; empty when they are drawn
 *                 page by page instead ({@link DiagramPages}, drawn with {@link #drawStudy})
 * @param evidenceNames the names of the evidence-model diagrams by study id, in combination order (also
 *                 when they are not drawn here)
 */
record Figures(Figure overview, List<List<Figure>> forests, Figure theory, Map<String, List<Figure>> evidence,
        Map<String, List<String>> evidenceNames) {

    /**
     * All figures drawn here, in page order: those written as {@code figures/NAME.svg} (and PDF and PNG
     * when asked); without the evidence-model diagrams when they are drawn page by page.
     */
    List<Figure> all() {
        List<Figure> out = new ArrayList<>();
        out.add(overview);
        forests.forEach(out::addAll);
        out.add(theory);
        evidence.values().forEach(out::addAll);
        return out;
    }

    /** Draws the figures of a result, in parallel on {@code pool}; the result does not depend on the order. */
    static Figures of(Project project, SynthesisResult r, Tasks pool) {
        return of(project, r, pool, false, true);
    }

    /**
     * As {@link #of(Project, SynthesisResult, Tasks)}; with {@code sharedAxis} every forest panel has the
     * same columns and the same outer limit of its axis, and without {@code drawEvidence} the evidence-model
     * diagrams are only named (for {@link #drawStudy}).
     */
    static Figures of(Project project, SynthesisResult r, Tasks pool, boolean sharedAxis, boolean drawEvidence) {
        ForestPlot.Layout shared = sharedAxis ? ForestPlot.Layout.of(r.effects(), true) : null;
        Set<String> names = new LinkedHashSet<>();
        names.add("overview");
        names.add("theory");
        Supplier<Figure> overview = pool.submit(() -> OverviewPlot.of("fig-overview", r.synthesis().title(),
                r.effects()));
        List<Supplier<List<Figure>>> forests = new ArrayList<>();
        for (EffectResult e : r.effects()) {
            String name = unique(names, "forest-" + Markup.slug(e.effect().id()));
            var cuts = r.synthesis().policies().cuts(e.effect().family());
            String intervention = r.synthesis().intervention();
            int rows = Figure.INLINE_FOREST_ROWS;
            if (e.findings().size() <= rows) {
                forests.add(pool.submit(() -> List.of(ForestPlot.of("fig-" + name, name, intervention, e, cuts,
                        shared != null ? shared : ForestPlot.Layout.of(List.of(e), false)))));
            } else {
                // pages name-1, name-2, …: a base whose page names are all free
                int count = (e.findings().size() + rows - 1) / rows;
                String base = name;
                for (int i = 2; taken(names, base, count); i++) {
                    base = name + "-" + i;
                }
                for (int k = 1; k <= count; k++) {
                    names.add(base + "-" + k);
                }
                String pageBase = base;
                forests.add(pool.submit(() -> ForestPlot.pages("fig-" + pageBase, pageBase, intervention, e, cuts,
                        shared != null ? shared : ForestPlot.Layout.of(List.of(e), true), rows)));
            }
        }
        Supplier<Figure> theory = pool.submit(() -> theory(project, r));
        Map<String, List<Supplier<Figure>>> evidence = new LinkedHashMap<>();
        Map<String, List<String>> evidenceNames = new LinkedHashMap<>();
        FindingIndex index = drawEvidence ? FindingIndex.of(r) : null;
        for (Study st : r.synthesis().studies()) {
            List<Supplier<Figure>> fs = new ArrayList<>();
            List<String> ns = new ArrayList<>();
            for (EvidenceModel m : st.evidence()) {
                String name = unique(names, "evidence-" + Markup.slug(st.id()) + "-" + Markup.slug(m.id()));
                ns.add(name);
                if (drawEvidence) {
                    fs.add(pool.submit(() -> evidenceModel(project, r, st, m, name, index.ofModel(st.id(), m.id()),
                            index)));
                }
            }
            evidenceNames.put(st.id(), List.copyOf(ns));
            if (drawEvidence) {
                evidence.put(st.id(), fs);
            }
        }
        List<List<Figure>> fo = forests.stream().map(Supplier::get).toList();
        Map<String, List<Figure>> ev = new LinkedHashMap<>();
        evidence.forEach((k, v) -> ev.put(k, v.stream().map(Supplier::get).toList()));
        return new Figures(overview.get(), fo, theory.get(), ev, evidenceNames);
    }

    /** The evidence-model diagrams of one study, named as {@code names} says (from {@link #evidenceNames}). */
    static List<Figure> drawStudy(Project project, SynthesisResult r, Study st, List<String> names,
            FindingIndex index) {
        List<Figure> out = new ArrayList<>();
        for (int i = 0; i < st.evidence().size(); i++) {
            EvidenceModel m = st.evidence().get(i);
            out.add(evidenceModel(project, r, st, m, names.get(i), index.ofModel(st.id(), m.id()), index));
        }
        return out;
    }

    private static boolean taken(Set<String> names, String base, int pages) {
        for (int k = 1; k <= pages; k++) {
            if (names.contains(base + "-" + k)) {
                return true;
            }
        }
        return false;
    }

    private static String unique(Set<String> names, String base) {
        String n = base;
        for (int i = 2; !names.add(n); i++) {
            n = base + "-" + i;
        }
        return n;
    }

    static Figure theory(Project project, SynthesisResult r) {
        List<EvidenceDiagram.Arrow> arrows = new ArrayList<>();
        for (EffectResult e : r.effects()) {
            if (e.selection().isEmpty()) {
                continue;
            }
            Selection s = e.selection().get();
            String tip = Statements.of(r.synthesis().intervention(), e);
            arrows.add(new EvidenceDiagram.Arrow(e.effect().id(), e.effect().label(),
                    Scale.braces(s.set()) + " \u00b7 " + e.findings().size()
                            + (e.findings().size() == 1 ? " finding, " : " findings, ") + e.studies()
                            + (e.studies() == 1 ? " study" : " studies"),
                    s.set(), s.label(), "Bel " + Num.fixed(s.belief(), 3) + " \u00b7 Pl " + Num.fixed(s.plausibility(), 3),
                    s.belief(), tip));
        }
        Map<String, LinkedHashSet<String>> mods = new LinkedHashMap<>();
        int models = 0;
        for (Study st : r.synthesis().studies()) {
            for (EvidenceModel m : st.evidence()) {
                models++;
                for (Map.Entry<String, String> x : m.moderators().entrySet()) {
                    mods.computeIfAbsent(x.getKey(), k -> new LinkedHashSet<>()).add(x.getValue());
                }
            }
        }
        List<String> modLines = new ArrayList<>();
        for (Map.Entry<String, LinkedHashSet<String>> x : mods.entrySet()) {
            // "name: a, b": the figures keep to the glyphs of Liberation Sans, which has no \u2208
            modLines.add(x.getKey().replace('_', ' ') + ": " + String.join(", ", sorted(x.getValue())));
        }
        List<List<ContextText.Entry>> contexts = new ArrayList<>();
        for (Study st : r.synthesis().studies()) {
            contexts.add(ContextText.of(project.description(st.id()).map(StudyDescription::context)
                    .orElse(Context.NONE)));
        }
        int skipped = r.effects().size() - arrows.size();
        String sub = r.synthesis().studies().size() + " studies, " + models + " evidence models, "
                + r.findings().size() + " findings; arrows: selected intensity, belief and plausibility"
                + (skipped > 0 ? "; " + skipped + " effect(s) without findings left out" : "");
        String intervention = r.synthesis().intervention();
        return EvidenceDiagram.draw(new EvidenceDiagram.Spec("fig-theory", "theory", "theory",
                "The aggregated theory: " + intervention + " and its effects as combined over all studies.",
                "Aggregated theory", sub, intervention, r.synthesis().studies().size() + " studies \u00b7 " + models
                        + " evidence models", arrows, modLines, ContextText.union(contexts), 2, true));
    }

    /** Values in numeric order when all are numbers, else in order of appearance. */
    static List<String> sorted(Set<String> values) {
        List<String> out = new ArrayList<>(values);
        try {
            for (String v : out) {
                Double.parseDouble(v);
            }
        } catch (NumberFormatException e) {
            return out;
        }
        out.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        return out;
    }

    static Figure evidenceModel(Project project, SynthesisResult r, Study st, EvidenceModel m, String name,
            List<Finding> findings, FindingIndex index) {
        List<EvidenceDiagram.Arrow> arrows = new ArrayList<>();
        for (Finding f : findings) {
            String effectLabel = index.effectLabel(f.effect());
            String box = Scale.braces(f.intensity().mask()) + f.statistics().map(x -> " \u00b7 mean RI "
                    + Num.fixed(x.mean(), 2) + " %").orElse(" \u00b7 given directly");
            String tip = f.key() + " (" + f.label() + "): " + f.intensity().label() + " on " + effectLabel + ", mass "
                    + Num.fixed(f.mass(), 3);
            arrows.add(new EvidenceDiagram.Arrow(f.effect(), effectLabel, box, f.intensity().mask(),
                    f.intensity().label(), "mass " + Num.fixed(f.mass(), 3)
                            + f.discount().stream().mapToObj(d -> " \u00b7 discount " + Num.fixed(d, 3)).findFirst()
                                    .orElse(""),
                    f.mass(), tip));
        }
        List<String> mods = new ArrayList<>();
        for (Map.Entry<String, String> x : m.moderators().entrySet()) {
            mods.add(x.getKey().replace('_', ' ') + " = " + x.getValue());
        }
        Optional<StudyDescription> d = project.description(st.id());
        Context ctx = d.map(StudyDescription::context).orElse(Context.NONE);
        String cite = HtmlPage.shortCitation(d);
        String heading = st.id() + "/" + m.id() + " \u00b7 " + m.label();
        String sub = cite + (m.explanation().isEmpty() ? "" : (cite.isEmpty() ? "" : " \u2014 ") + m.explanation());
        return EvidenceDiagram.draw(new EvidenceDiagram.Spec("fig-" + name, name, "evidence",
                "Evidence model " + st.id() + "/" + m.id() + " (" + m.label() + ")" + (cite.isEmpty() ? "" : " of " + cite)
                        + ".",
                heading, sub, r.synthesis().intervention(), "at " + m.label(), arrows, mods, ContextText.of(ctx), 2,
                false));
    }
}
