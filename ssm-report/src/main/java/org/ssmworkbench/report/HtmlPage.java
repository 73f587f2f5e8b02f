package org.ssmworkbench.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ssmworkbench.core.belief.Combination;
import org.ssmworkbench.core.belief.CombinationStep;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.sensitivity.EffectSensitivity;
import org.ssmworkbench.core.sensitivity.SensitivityResult;
import org.ssmworkbench.core.sensitivity.Variant;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.synthesis.Citation;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.PublishedResult;
import org.ssmworkbench.core.synthesis.QualityBands;
import org.ssmworkbench.core.synthesis.StudyDescription;
import org.ssmworkbench.core.synthesis.StudyResult;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.results.Comparison;

/**
 * The report page: a view model of plain records built from the synthesis result, rendered by the
 * Mustache template {@code report.mustache}, which escapes every value it prints ({@code {{x}}}); only
 * the figures (built by {@link Svg}, which escapes on its own), the style sheet and the script (files of
 * this module) are inserted raw ({@code {{{x}}}}).
 */
final class HtmlPage {

    /**
     * {@code {{#thetaMark}}…{{/thetaMark}}}: the section is rendered (so escaped) first, then each Θ in it
     * is set in the serif face with a title, so that in the 12px trace tables it never reads as a zero.
     */
    private static final Map<String, Function<String, String>> THETA_MARK = Map.of("thetaMark",
            text -> text.replace("\u0398", "<span class=\"theta\" title=\"\u0398: the whole scale, SN to SP (mass"
                    + " left uncommitted)\">\u0398</span>"));

    private static final DefaultMustacheFactory TEMPLATES = new DefaultMustacheFactory("org/ssmworkbench/report");
    private static final Mustache TEMPLATE = TEMPLATES.compile("report.mustache");
    /** A page of evidence-model diagrams of a large report ({@link DiagramPages}). */
    private static final Mustache MODELS_TEMPLATE = TEMPLATES.compile("evidence-models.mustache");
    /** A page of the trace of an effect of many findings ({@link TracePages}). */
    private static final Mustache TRACE_TEMPLATE = TEMPLATES.compile("trace-page.mustache");
    /** The report's format id, stated in its provenance section. */
    static final String FORMAT = "ssm-workbench/report/1";

    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");

    private HtmlPage() {
    }

    // ---- the view model (public: the template reads it by reflection) ----

    /** The whole page. */
    public record Page(String title, String question, String intervention, String tool, String date,
            String dateSource, List<Stat> stats, String overview, List<SummaryRow> summary, List<Note> notes,
            List<Panel> forests, Models models, List<StudyRow> studies, List<TraceEffect> traces,
            Sensitivity sensitivity, String provenanceNum, String exportsNum, ProvenanceView provenance, List<Export> exports, String css, String js, Checks checks) {
    }

    /** The sanity warnings of the synthesis (absent when there are none). */
    public record Checks(List<String> items) {
    }

    /** The sensitivity section (absent when the report is built without a sensitivity analysis). */
    public record Sensitivity(String num, List<SensitivityEffect> effects, List<String> skipped,
            boolean hasSkipped, String styles) {
    }

    /** Styles of the sensitivity section (only in pages that have one, so other pages keep their bytes). */
    private static final String SENSITIVITY_CSS = """
            .sens-summary { margin: 0 0 6px; color: #374151; }
            details.variants { border: 1px solid var(--rule); border-radius: 6px; margin: 0 0 18px; }
            table.variants { margin: 0; font-size: 12.5px; }
            table.variants tr.flip td { font-weight: 700; }
            table.variants tr.flip td.note { font-weight: normal; }
            """;

    /** The sensitivity of one effect: its summary line, its figure and the table of every variant. */
    public record SensitivityEffect(String id, String label, String base, String summary, String svg,
            String caption, String file, int count, List<VariantRow> rows, List<SensitivityFigure> extras) {
    }

    /** A further figure of an effect's sensitivity (leave one study out, cumulative, order dependence). */
    public record SensitivityFigure(String id, String svg, String caption, String file) {
    }

    /** One variant in the table of every variant. */
    public record VariantRow(String analysis, String name, String hypothesis, String colour, boolean hasHypothesis,
            String belief, String plausibility, int findings, int studies, boolean flips, String note) {
    }

    /** A key number in the header. */
    public record Stat(String value, String label) {
    }

    /** A row of the summary of findings. */
    public record SummaryRow(String id, String label, boolean hasResult, String code, String intensity,
            String colour, String belief, String plausibility, int findings, int studies, String meanK,
            String lastK, String change, String published, String delta, String deltaNote, boolean deltaDiffers,
            String noteMark, String thin, String statement) {
    }

    /** A footnote of the summary (a published result's note). */
    public record Note(String mark, String effect, String text) {
    }

    /** A figure in the page, with the findings it draws (evidence-model diagrams). */
    public record Panel(String id, String label, String svg, String caption, String file, List<FindingRow> rows) {
    }

    /** A finding beside its evidence-model diagram. */
    public record FindingRow(String effect, String mean, String iqr, String intensity, String colour, String mass) {
    }

    /**
     * The evidence-model diagrams of one study.
     *
     * @param open whether its section starts open (in a page of diagrams) or collapsed (in the report)
     */
    public record StudyFigures(String study, String citation, String count, List<Panel> figures, boolean open) {
    }

    /**
     * The section of evidence models: the aggregated theory, then each study's diagrams, or (in a report
     * of more than {@link Figure#INLINE_MODELS} evidence models) the pages that draw them.
     *
     * @param studies each study's diagrams; empty when {@code paged} is set
     * @param paged   the pages of diagrams, or null
     */
    public record Models(String theory, String theoryCaption, List<StudyFigures> studies, Paged paged) {
    }

    /** The pages of diagrams of a large report, as the report lists them. */
    public record Paged(String summary, List<PageLink> pages) {
    }

    /** A page of diagrams: its path, its studies ("S1 – S200") and how many diagrams it draws. */
    public record PageLink(String path, String range, int models) {
    }

    /** A page of evidence-model diagrams ({@code figures/evidence-models-K.html}). */
    public record ModelsPage(String title, String tool, String date, int number, int count, String range,
            String previous, String next, List<StudyFigures> studies, String css, String js) {
    }

    /**
     * A study.
     *
     * @param diagrams the link to the study's diagrams in a page of diagrams, or "" when the report draws
     *                 them itself
     */
    public record StudyRow(String id, String authors, String year, String title, String venue, String doi,
            String link, String key, String type, String reportedType, String quality, String computed,
            String belief, String beliefSource, int models, String diagrams, int findings, List<ContextRow> context,
            List<QuestionRow> questions, boolean hasQuestions) {
    }

    /** A context aspect of a study. */
    public record ContextRow(String archetype, String colour, String name, String text) {
    }

    /** A checklist question's score. */
    public record QuestionRow(String id, String text, String score) {
    }

    /**
     * The trace of one effect.
     *
     * @param pagedTrace for an effect whose inputs and steps are in pages of their own ({@link TracePages}),
     *                   the markup linking them (the report then shows neither); else ""
     */
    public record TraceEffect(String id, String label, String rule, int findings, boolean hasSteps,
            List<InputRow> inputs, List<StepRow> steps, String result, boolean hasSelection,
            List<CandidateRow> candidates, String selectorUsed, String efNote, List<PathRow> path,
            String santosResult, String santosNote, String summary, String pagedTrace) {
    }

    /** A page of an effect's trace ({@code figures/trace-EFFECT-K.html}): its inputs and steps. */
    public record TracePage(String title, String tool, String date, String id, String label, int number, int count,
            String range, String previous, String next, int findings, String rule, boolean hasSteps,
            List<InputRow> inputs, List<StepRow> steps, String css, String js) {
    }

    /** A finding entering a fold. */
    public record InputRow(String key, String label, String masses) {
    }

    /** One pairwise step. */
    public record StepRow(int step, String left, String right, String rightMasses, String conflict,
            boolean conflictHigh, String result) {
    }

    /** A hypothesis the Evidence Factory-compatible selector weighed. */
    public record CandidateRow(String set, String belief, String mass, String threshold, String verdict,
            boolean selected, boolean excluded) {
    }

    /** A node of Santos' descent. */
    public record PathRow(String set, String belief, String threshold, String sibling, String siblingBelief,
            String verdict, boolean accepted) {
    }

    /** Provenance. */
    public record ProvenanceView(String tool, String format, String jvm, String date, String dateIso, String dateSource,
            String results, List<InputFileRow> inputs, List<KeyValue> policies, List<MappingRow> mappings,
            List<String> dropped, boolean hasDropped, List<String> warnings, boolean hasWarnings, String published) {
    }

    /** An input file. */
    public record InputFileRow(String path, String sha256, long bytes) {
    }

    /** A name and value. */
    public record KeyValue(String name, String value) {
    }

    /** A concept-mapping decision. */
    public record MappingRow(String decision, String concepts, String into, String reason) {
    }

    /** An exported file. */
    public record Export(String path, String what) {
    }

    // ---- building ----

    /**
     * The parts of the page that do not depend on the figures (summary, studies, traces), built while the
     * figures are drawn.
     */
    record Prepared(List<Stat> stats, List<SummaryRow> summary, List<Note> notes, List<StudyRow> studies,
            List<TraceEffect> traces, TracePages tracePages) {
    }

    /**
     * The page as UTF-8, written straight into bytes: for a large report this saves the page twice over
     * as UTF-16 text (the writer's buffer and the string).
     */
    static byte[] renderUtf8(Project project, SynthesisResult r, Provenance prov, ReportDate date, Figures figs,
            Prepared prepared, Optional<DiagramPages> pages, SensitivityResult sensitivity,
            List<Figure> sensitivityFigs) {
        return utf8(TEMPLATE, new Object[] {THETA_MARK, page(project, r, prov, date, figs, prepared, pages, sensitivity,
                sensitivityFigs)});
    }

    /**
     * Page {@code p} of the diagrams of a large report ({@code figures/evidence-models-K.html}): each of its
     * studies' diagrams inline beside their findings, with links to the report and the pages before and
     * after it.
     *
     * @param studyList the page's studies, in its order
     * @param drawn     the diagrams of each of those studies
     */
    static byte[] modelsPage(Project project, SynthesisResult r, ReportDate date, String tool, DiagramPages pages,
            DiagramPages.Page p, List<org.ssmworkbench.core.synthesis.Study> studyList, List<List<Figure>> drawn,
            FindingIndex index) {
        List<StudyFigures> studies = new ArrayList<>();
        for (int i = 0; i < studyList.size(); i++) {
            studies.add(studyFigures(project, studyList.get(i).id(), drawn.get(i), studyList.get(i), index, true,
                    pages.files()));
        }
        int count = pages.pages().size();
        String previous = p.number() > 1 ? pages.pages().get(p.number() - 2).file() : "";
        String next = p.number() < count ? pages.pages().get(p.number()).file() : "";
        return utf8(MODELS_TEMPLATE, new Object[] {new ModelsPage(r.synthesis().title(), tool, date.display(),
                p.number(), count, range(p), previous, next, studies, CSS, JS)});
    }

    /**
     * Page {@code p} of an effect's trace: its findings as simple support functions and the pairwise steps
     * that add them (step t adds finding t + 1), with links to the report and the pages before and after.
     */
    static byte[] tracePage(SynthesisResult r, ReportDate date, String tool, Prepared prepared, TracePages.Page p) {
        TraceEffect t = prepared.traces().stream().filter(x -> x.id().equals(p.effect())).findFirst().orElseThrow();
        List<StepRow> steps = t.steps().subList(Math.max(0, p.from() - 1), Math.min(t.steps().size(), p.to() - 1));
        String previous = p.number() > 1 ? p.file(p.number() - 1) : "";
        String next = p.number() < p.count() ? p.file(p.number() + 1) : "";
        return utf8(TRACE_TEMPLATE, new Object[] {THETA_MARK, new TracePage(r.synthesis().title(), tool, date.display(),
                t.id(), t.label(), p.number(), p.count(), p.range(), previous, next, t.findings(), t.rule(),
                !steps.isEmpty(), t.inputs().subList(p.from(), p.to()), steps, CSS, JS)});
    }

    /** "S1 – S200", or the one study of a page. */
    private static String range(DiagramPages.Page p) {
        List<String> s = p.studies();
        return s.size() == 1 ? s.get(0) : s.get(0) + " – " + s.get(s.size() - 1);
    }

    private static byte[] utf8(Mustache template, Object[] scopes) {
        Chunks bytes = new Chunks();
        try (java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                1 << 16)) {
            template.execute(w, scopes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * An output stream into chunks of 1 MiB, copied once into an array of the exact size: a
     * {@code ByteArrayOutputStream} doubles its buffer, so a 74 MB page (20,000 evidence models) was
     * copied seven times over and held in a 128 MB buffer beside its 74 MB copy at the end.
     */
    private static final class Chunks extends java.io.OutputStream {
        private static final int SIZE = 1 << 20;
        private final List<byte[]> full = new ArrayList<>();
        private byte[] chunk = new byte[SIZE];
        private int pos;

        @Override
        public void write(int x) {
            if (pos == SIZE) {
                next();
            }
            chunk[pos++] = (byte) x;
        }

        @Override
        public void write(byte[] src, int off, int len) {
            while (len > 0) {
                if (pos == SIZE) {
                    next();
                }
                int n = Math.min(len, SIZE - pos);
                System.arraycopy(src, off, chunk, pos, n);
                pos += n;
                off += n;
                len -= n;
            }
        }

        private void next() {
            full.add(chunk);
            chunk = new byte[SIZE];
            pos = 0;
        }

        byte[] toByteArray() {
            byte[] out = new byte[Math.toIntExact((long) full.size() * SIZE + pos)];
            int at = 0;
            for (byte[] c : full) {
                System.arraycopy(c, 0, out, at, SIZE);
                at += SIZE;
            }
            System.arraycopy(chunk, 0, out, at, pos);
            return out;
        }
    }

    static Prepared prepare(Project project, SynthesisResult r, Optional<DiagramPages> pages, TracePages tracePages) {
        var syn = r.synthesis();
        int models = 0;
        for (StudyResult s : r.studies()) {
            models += s.evidenceModels();
        }
        List<Stat> stats = List.of(new Stat(Integer.toString(r.studies().size()), "studies"),
                new Stat(Integer.toString(models), "evidence models"),
                new Stat(Integer.toString(r.findings().size()), "findings"),
                new Stat(Integer.toString(r.effects().size()), "effects"),
                new Stat(syn.policies().rule().title(), "combination rule"),
                new Stat(selectorName(syn.policies().selector()), "result selector"));
        List<SummaryRow> summary = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (EffectResult e : r.effects()) {
            String note = publishedNote(project, e.effect().id());
            String mark = "";
            if (!note.isEmpty()) {
                mark = Integer.toString(notes.size() + 1);
                notes.add(new Note(mark, e.effect().label(), note));
            }
            summary.add(summaryRow(syn.intervention(), e, mark));
        }
        List<StudyRow> studies = new ArrayList<>();
        FindingIndex index = FindingIndex.of(r);
        for (StudyResult s : r.studies()) {
            studies.add(studyRow(project, r, s, index, pages.map(p -> p.href(s.study())).orElse("")));
        }
        List<TraceEffect> traces = new ArrayList<>();
        for (EffectResult e : r.effects()) {
            traces.add(trace(e, syn.policies().selector(), tracePages));
        }
        return new Prepared(stats, summary, notes, studies, traces, tracePages);
    }

    static Page page(Project project, SynthesisResult r, Provenance prov, ReportDate date, Figures figs,
            Prepared prepared, Optional<DiagramPages> pages, SensitivityResult sensitivity,
            List<Figure> sensitivityFigs) {
        var syn = r.synthesis();
        List<Panel> forests = new ArrayList<>();
        for (int i = 0; i < figs.forests().size(); i++) {
            List<Figure> f = figs.forests().get(i);
            EffectResult e = r.effects().get(i);
            if (f.size() == 1 && e.findings().size() <= Figure.INLINE_FOREST_ROWS) {
                forests.add(panel(f.get(0)));
            } else {
                forests.add(new Panel("fig-" + f.get(0).name(), f.get(0).name(), Figure.pagesMarkup(f,
                        Figure.INLINE_FOREST_ROWS, e.findings().size()), "Forest plot of " + e.effect().label() + ", in "
                        + f.size() + " pages of up to " + Figure.INLINE_FOREST_ROWS + " findings. "
                        + Statements.of(syn.intervention(), e), f.get(0).path(), List.of()));
            }
        }
        List<StudyFigures> diagrams = new ArrayList<>();
        Paged paged = null;
        if (pages.isEmpty()) {
            var studyById = new java.util.HashMap<String, org.ssmworkbench.core.synthesis.Study>();
            syn.studies().forEach(st -> studyById.put(st.id(), st));
            FindingIndex index = FindingIndex.of(r);
            for (Map.Entry<String, List<Figure>> e : figs.evidence().entrySet()) {
                diagrams.add(studyFigures(project, e.getKey(), e.getValue(), studyById.get(e.getKey()), index, false,
                        true));
            }
        } else {
            DiagramPages dp = pages.get();
            List<PageLink> links = new ArrayList<>();
            for (DiagramPages.Page p : dp.pages()) {
                links.add(new PageLink(p.path(), range(p), p.models()));
            }
            paged = new Paged(dp.models() + " evidence models: too many to draw in this page, so their diagrams are"
                    + " drawn in " + dp.pages().size() + " pages of whole studies, up to " + DiagramPages.PER_PAGE
                    + " diagrams each, in the order the studies are combined"
                    + (dp.files() ? "; each is also a file in figures/." : "; a study's row below links its page."),
                    links);
        }
        Models models = new Models(figs.theory().svg(), figs.theory().caption(), diagrams, paged);
        return new Page(syn.title(), syn.question(), syn.intervention(), prov.tool(),
                date.display(), date.source(), prepared.stats(), figs.overview().svg(), prepared.summary(),
                prepared.notes(), forests, models, prepared.studies(),
                prepared.traces(), sensitivity == null ? null : sensitivity(sensitivity, sensitivityFigs),
                sensitivity == null ? "6" : "7", sensitivity == null ? "7" : "8",
                provenance(project, r, prov, date), exports(figs, pages, prepared.tracePages(), sensitivity != null,
                        sensitivityFigs), CSS,
                JS, checks(project, r));
    }

    /**
     * One study's diagrams beside their findings: inline in a page of diagrams ({@code inPage}), else inline
     * in the report; each links its file when one is written ({@code files}).
     */
    private static StudyFigures studyFigures(Project project, String study, List<Figure> figures,
            org.ssmworkbench.core.synthesis.Study st, FindingIndex index, boolean inPage, boolean files) {
        List<Panel> ps = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            String file = !files ? "" : inPage ? f.name() + ".svg" : f.path();
            ps.add(modelPanel(f, index.ofModel(study, st.evidence().get(i).id()), index, file));
        }
        return new StudyFigures(study, shortCitation(project.description(study)),
                ps.size() + (ps.size() == 1 ? " evidence model" : " evidence models"), ps, inPage);
    }

    private static Checks checks(Project project, SynthesisResult r) {
        List<String> items = new ArrayList<>();
        for (org.ssmworkbench.core.synthesis.SanityWarning w : org.ssmworkbench.io.results.Sanity.of(project, r)) {
            items.add(w.message());
        }
        return items.isEmpty() ? null : new Checks(items);
    }

    private static Sensitivity sensitivity(SensitivityResult s, List<Figure> figs) {
        List<SensitivityEffect> effects = new ArrayList<>();
        for (int i = 0; i < s.effects().size(); i++) {
            EffectSensitivity e = s.effects().get(i);
            Figure f = figs.get(4 * i);
            List<SensitivityFigure> extras = new ArrayList<>();
            for (int k = 1; k < 4; k++) {
                Figure x = figs.get(4 * i + k);
                extras.add(new SensitivityFigure("fig-" + x.name(), x.svg(), x.caption(), x.path()));
            }
            List<VariantRow> rows = new ArrayList<>();
            for (Variant v : e.variants()) {
                rows.add(new VariantRow(v.analysis().id(), v.name(), SensitivityPlot.hypothesis(v),
                        v.hypothesis().map(Palette::strong).orElse("#9ca3af"), v.hypothesis().isPresent(),
                        v.hypothesis().isPresent() ? Num.fixed(v.belief(), 3) : "",
                        v.hypothesis().isPresent() ? Num.fixed(v.plausibility(), 3) : "", v.findings(), v.studies(),
                        v.flips(), v.note()));
            }
            String base = e.base().selection().map(x -> Scale.braces(x.set()) + " " + x.label() + ", Bel "
                    + Num.fixed(x.belief(), 3)).orElse("no findings");
            effects.add(new SensitivityEffect(Markup.slug(e.effect().id()), e.effect().label(), base,
                    SensitivityPlot.summary(e), f.svg(), f.caption(), f.path(), rows.size(), rows, extras));
        }
        return new Sensitivity("6", effects, s.skipped(), !s.skipped().isEmpty(), SENSITIVITY_CSS);
    }

    private static Panel panel(Figure f) {
        return new Panel("fig-" + f.name(), f.name(), f.svg(), f.caption(), f.path(), List.of());
    }

    private static Panel modelPanel(Figure f, List<Finding> findings, FindingIndex index, String file) {
        List<FindingRow> rows = new ArrayList<>();
        for (Finding x : findings) {
            String effect = index.effectLabel(x.effect());
            rows.add(new FindingRow(effect, x.statistics().map(st -> Num.fixed(st.mean(), 2)).orElseGet(() -> x.derivation()
                    .filter(d -> d.values().containsKey("g_improvement"))
                    .map(d -> "g " + Num.fixed(d.values().get("g_improvement"), 2)).orElse("direct")),
                    x.statistics().map(st -> Num.fixed(st.iqr(), 2)).orElse(""), x.intensity().code(),
                    Palette.strong(x.intensity().mask()), Num.fixed(x.mass(), 3)));
        }
        return new Panel("fig-" + f.name(), f.name(), f.svg(), f.caption(), file, rows);
    }

    private static SummaryRow summaryRow(String intervention, EffectResult e, String mark) {
        String statement = Statements.of(intervention, e);
        String thin = Statements.thinness(e);
        Optional<PublishedResult> pub = e.published();
        String published = pub.map(p -> Scale.braces(p.hypothesis()) + " " + Num.fixed(p.belief(), printedDecimals(p.belief())))
                .orElse("");
        if (e.selection().isEmpty()) {
            return new SummaryRow(e.effect().id(), e.effect().label(), false, "", "no findings", "#9ca3af", "", "", 0, 0,
                    "", "", e.change().id(), published, "", "", false, mark, thin, statement);
        }
        Selection s = e.selection().get();
        Combination c = e.combination().orElseThrow();
        String delta = "";
        String deltaNote = "";
        boolean differs = false;
        if (pub.isPresent()) {
            PublishedResult p = pub.get();
            delta = Num.signed(s.belief() - p.belief(), 3);
            boolean same = s.set() == p.hypothesis();
            boolean printed = Comparison.matchesAsPrinted(s.belief(), p.belief());
            if (!same) {
                deltaNote = "other hypothesis";
                differs = true;
            } else if (printed) {
                deltaNote = "as printed";
            } else {
                deltaNote = "differs";
                differs = true;
            }
        }
        return new SummaryRow(e.effect().id(), e.effect().label(), true, Scale.code(s.set()), s.label(),
                Palette.strong(s.set()), Num.fixed(s.belief(), 3), Num.fixed(s.plausibility(), 3), e.findings().size(),
                e.studies(), Num.fixed(c.meanConflict(), 3), Num.fixed(c.lastConflict(), 3), e.change().id(), published,
                delta, deltaNote, differs, mark, thin, statement);
    }

    /** Decimals a printed value shows (at least two, as beliefs are printed). */
    static int printedDecimals(double printed) {
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(printed)).stripTrailingZeros();
        return Math.max(2, d.scale());
    }

    static String publishedNote(Project project, String effect) {
        return project.publishedNotes().getOrDefault(effect, "");
    }

    static String selectorName(ResultSelector s) {
        return s == ResultSelector.EVIDENCE_FACTORY ? "Evidence Factory-compatible" : "Santos (2015)";
    }

    static String shortCitation(Optional<StudyDescription> d) {
        if (d.isEmpty() || d.get().citation().isEmpty()) {
            return d.map(StudyDescription::id).orElse("");
        }
        Citation c = d.get().citation().get();
        String authors = authors(c.authors(), true);
        return (authors.isEmpty() ? "" : authors + " ") + (c.year().isEmpty() ? "" : "(" + c.year().getAsInt() + ")");
    }

    static String authors(List<String> authors, boolean brief) {
        if (authors == null || authors.isEmpty()) {
            return "";
        }
        List<String> a = authors.stream().filter(x -> !x.equals("et al.")).toList();
        boolean etAl = authors.contains("et al.");
        if (a.isEmpty()) {
            return "";
        }
        if (brief) {
            if (a.size() == 1) {
                return a.get(0) + (etAl ? " et al." : "");
            }
            if (a.size() == 2 && !etAl) {
                return a.get(0) + " and " + a.get(1);
            }
            return a.get(0) + " et al.";
        }
        String joined = a.size() == 1 ? a.get(0)
                : String.join(", ", a.subList(0, a.size() - 1)) + (etAl ? ", " : " and ") + a.get(a.size() - 1);
        return joined + (etAl ? " et al." : "");
    }

    private static StudyRow studyRow(Project project, SynthesisResult r, StudyResult s, FindingIndex index,
            String diagrams) {
        Optional<StudyDescription> f = project.description(s.study());
        Citation c = f.flatMap(StudyDescription::citation).orElse(null);
        String doi = c == null ? "" : c.doi().orElse("");
        String url = c == null ? "" : c.url().orElse("");
        String link = "";
        if (!doi.isEmpty()) {
            link = "https://doi.org/" + doi;
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            link = url;
        }
        List<ContextRow> ctx = new ArrayList<>();
        if (f.isPresent()) {
            for (ContextText.Entry e : ContextText.of(f.get().context())) {
                ctx.add(new ContextRow(e.archetype().title(), e.archetype().colour(), e.name(), e.text()));
            }
        }
        List<QuestionRow> qs = new ArrayList<>();
        if (s.score().isPresent() && r.synthesis().checklist().isPresent()) {
            var perQ = s.score().get().perQuestion();
            for (var q : r.synthesis().checklist().get().questions()) {
                Double v = perQ.get(q.id());
                if (v != null) {
                    qs.add(new QuestionRow(q.id(), q.text(), v.isNaN() ? "n.a." : Num.fixed(v, 2)));
                }
            }
        }
        long findings = index.ofStudy(s.study()).size();
        String reported = f.flatMap(StudyDescription::reportedType).orElse("");
        return new StudyRow(s.study(), c == null ? "" : authors(c.authors(), false),
                c == null || c.year().isEmpty() ? "" : Integer.toString(c.year().getAsInt()),
                c == null ? "" : c.title(), c == null ? "" : c.venue(), doi,
                link, f.flatMap(StudyDescription::key).orElse(""), s.type(), reported,
                s.score().map(x -> Num.fixed(x.quality(), 3)).orElse("\u2013"),
                s.computed().isPresent() ? Num.fixed(s.computed().getAsDouble(), 3) : "\u2013",
                s.beliefKnown() ? Num.fixed(s.belief(), 3) : "\u2013",
                s.explicit() ? "given" : s.beliefKnown() ? "band \u00d7 checklist" : "not given (direct findings)",
                s.evidenceModels(), diagrams,
                (int) findings, ctx, qs, !qs.isEmpty());
    }

    private static TraceEffect trace(EffectResult e, ResultSelector used, TracePages pages) {
        String label = e.effect().label();
        if (e.combination().isEmpty() || e.selection().isEmpty()) {
            return new TraceEffect(e.effect().id(), label, "", 0, false, List.of(), List.of(), "", false, List.of(),
                    "", "", List.of(), "", "", "No findings: nothing was combined.", "");
        }
        Combination c = e.combination().get();
        List<InputRow> inputs = new ArrayList<>();
        for (int i = 0; i < c.inputs().size(); i++) {
            Finding f = e.findings().get(i);
            inputs.add(new InputRow(c.labels().get(i), f.label(), masses(c.inputs().get(i))));
        }
        List<StepRow> steps = new ArrayList<>();
        for (CombinationStep st : c.steps()) {
            steps.add(new StepRow(st.step(), st.leftLabel(), st.rightLabel(), masses(st.right()),
                    Num.fixed(st.conflict(), 4), st.conflict() >= 0.5, masses(st.result())));
        }
        MassFunction m = c.result();
        Selection ef = used == ResultSelector.EVIDENCE_FACTORY ? e.selection().get()
                : ResultSelector.EVIDENCE_FACTORY.select(m);
        Selection santos = used == ResultSelector.SANTOS ? e.selection().get() : ResultSelector.SANTOS.select(m);
        List<CandidateRow> cands = new ArrayList<>();
        for (Selection.Candidate cd : ef.candidates()) {
            boolean pair = Long.bitCount(cd.set()) == 2;
            cands.add(new CandidateRow(Scale.braces(cd.set()), Num.fixed(cd.belief(), 4), Num.fixed(cd.mass(), 4),
                    pair ? Num.fixed(ResultSelector.THRESHOLD * cd.belief(), 4) : "", cd.text(),
                    cd.verdict() == Selection.Verdict.SELECTED, cd.verdict() == Selection.Verdict.EXCLUDED));
        }
        List<PathRow> path = new ArrayList<>();
        double parentBel = Double.NaN;
        for (int i = 0; i < santos.path().size(); i++) {
            Selection.DescentStep d = santos.path().get(i);
            String threshold = i == 0 ? "" : Num.fixed(ResultSelector.THRESHOLD * parentBel, 4);
            String verdict = i == 0 ? "start: the better half-scale" : d.accepted() ? "descend (\u2265 75% of parent)"
                    : "stop (< 75% of parent)";
            path.add(new PathRow(Scale.braces(d.set()), Num.fixed(d.belief(), 4), threshold,
                    d.alternative() == 0 ? "" : Scale.braces(d.alternative()), Num.fixed(d.altBelief(), 4), verdict,
                    d.accepted()));
            if (d.accepted()) {
                parentBel = d.belief();
            }
        }
        Selection chosen = e.selection().get();
        String summary = selectorName(used) + " selector: " + Scale.braces(chosen.set()) + " " + chosen.label()
                + ", Bel " + Num.fixed(chosen.belief(), 4) + ", Pl " + Num.fixed(chosen.plausibility(), 4);
        return new TraceEffect(e.effect().id(), label, c.rule().title(), c.inputs().size(), !steps.isEmpty(), inputs,
                steps, masses(m), true, cands, selectorName(used), ef.note(), path,
                Scale.braces(santos.set()) + " " + santos.label() + ", Bel " + Num.fixed(santos.belief(), 4),
                santos.note(), summary, pages.markup(e.effect().id(), c.inputs().size()));
    }

    /** "{WN} 0.3730 · Θ 0.6270", focal sets in canonical order, four decimals. */
    static String masses(MassFunction m) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < m.size(); i++) {
            if (i > 0) {
                b.append(" \u00b7 ");
            }
            b.append(Scale.braces(m.frame(), m.focalSet(i))).append(' ').append(Num.fixed(m.massAt(i), 4));
        }
        if (m.emptyMass() > 0 && m.size() == 0) {
            b.append("\u2205 ").append(Num.fixed(m.emptyMass(), 4));
        }
        return b.toString();
    }

    private static ProvenanceView provenance(Project project, SynthesisResult r, Provenance prov, ReportDate date) {
        List<InputFileRow> inputs = new ArrayList<>();
        for (Provenance.Input f : prov.inputs()) {
            inputs.add(new InputFileRow(f.path(), f.sha256(), f.bytes()));
        }
        Policies p = prov.policies();
        List<KeyValue> pol = new ArrayList<>();
        pol.add(new KeyValue("combination rule", p.rule().id() + " (" + p.rule().title() + ")"));
        pol.add(new KeyValue("result selector", p.selector().id() + " (" + selectorName(p.selector()) + ")"));
        pol.add(new KeyValue("mass assignment", p.assignment().id()));
        pol.add(new KeyValue("quantiles", p.quantiles().id()));
        pol.add(new KeyValue("zero baseline", prov.zeroBaseline().map(z -> "substitute " + z).orElse("reject")));
        pol.add(new KeyValue("discount", "d = 1 \u2212 exp(\u2212" + Num.tick(p.discount().factor())
                + " \u00b7 |IQR / mean RI|), rounded to " + p.discount().decimals() + " decimals; mass rounded to "
                + p.discount().massDecimals() + " decimals"));
        for (Map.Entry<String, CutPoints> c : p.cutPoints().entrySet()) {
            pol.add(new KeyValue("cut points: " + c.getKey(), ForestPlot.cutList(c.getValue())));
        }
        for (Map.Entry<String, QualityBands.Band> b : p.bands().bands().entrySet()) {
            pol.add(new KeyValue("belief band: " + b.getKey(), "[" + Num.tick(b.getValue().lower()) + ", "
                    + Num.tick(b.getValue().upper()) + "]"));
        }
        List<MappingRow> maps = new ArrayList<>();
        for (ConceptMapping m : r.synthesis().mappings()) {
            maps.add(new MappingRow(m.decision().id(), String.join(", ", m.concepts()), m.into() == null ? "" : m.into(),
                    m.reason()));
        }
        String published = project.publishedSource().orElse("");
        return new ProvenanceView(prov.tool(), FORMAT, prov.jvm().version() + " (" + prov.jvm().vendor() + ")",
                date.display(), date.iso(), date.source(), prov.trace().orElseThrow(), inputs, pol, maps, r.dropped(), !r.dropped().isEmpty(), project.warnings(),
                !project.warnings().isEmpty(), published);
    }

    private static List<Export> exports(Figures figs, Optional<DiagramPages> pages, TracePages tracePages,
            boolean sensitivity, List<Figure> sensitivityFigs) {
        List<Export> out = new ArrayList<>();
        out.add(new Export("results.json", "every result with provenance and full traces (ssm synthesize)"));
        out.add(new Export("results.csv", "one row per effect (ssm synthesize)"));
        if (sensitivity) {
            out.add(new Export("sensitivity.json", "every variant of the sensitivity analysis (ssm sensitivity)"));
            out.add(new Export("sensitivity.csv", "one row per effect and variant (ssm sensitivity)"));
        }
        out.add(new Export("findings.csv", "one row per finding: statistics, intensity, discount, mass"));
        out.add(new Export("summary.tex", "LaTeX table: summary of findings (booktabs)"));
        out.add(new Export("evidence.tex", "LaTeX table: evidence per study (booktabs, longtable)"));
        for (Figure f : figs.all()) {
            out.add(new Export(f.path(), f.caption()));
        }
        for (DiagramPages.Page p : pages.map(DiagramPages::pages).orElse(List.of())) {
            out.add(new Export(p.path(), "Evidence-model diagrams of " + range(p) + " (" + p.models()
                    + (p.models() == 1 ? " model" : " models") + "), page " + p.number() + " of "
                    + pages.get().pages().size() + (pages.get().files() ? "; each also as its own file in figures/"
                            : "")));
        }
        for (TracePages.Page p : tracePages.all()) {
            out.add(new Export(p.path(), "Trace of " + p.effect() + ", findings " + p.range() + " and their steps, page "
                    + p.number() + " of " + p.count()));
        }
        for (Figure f : sensitivityFigs) {
            out.add(new Export(f.path(), f.caption()));
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
