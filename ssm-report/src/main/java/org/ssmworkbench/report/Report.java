package org.ssmworkbench.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.ssmworkbench.core.sensitivity.EffectSensitivity;
import org.ssmworkbench.core.sensitivity.SensitivityResult;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.results.ResultsJson;

/**
 * The synthesis report and its exports, built from the result of a synthesis (what {@code ssm
 * synthesize} computes and writes as {@code results.json}): one self-contained, offline HTML page with
 * inline SVG figures, a CSV of the findings, two LaTeX tables and every figure as a standalone SVG
 * (in a report of more than {@link Figure#INLINE_MODELS} evidence models, their diagrams are drawn in
 * pages of their own, {@code figures/evidence-models-K.html}, and are files only when asked: decision
 * 0054). The same project, result, tool version and date give the same bytes.
 */
public final class Report {

    /** The page. */
    public static final String HTML = "report.html";
    /** One row per finding. */
    public static final String FINDINGS_CSV = "findings.csv";
    /** LaTeX: summary of findings. */
    public static final String SUMMARY_TEX = "summary.tex";
    /** LaTeX: evidence per study. */
    public static final String EVIDENCE_TEX = "evidence.tex";
    /** The folder of standalone SVG figures. */
    public static final String FIGURES = "figures";

    /**
     * The top-level names of everything {@link #files} writes ({@code figures} being a folder): what an
     * output folder may hold for the tool to replace it.
     */
    public static final Set<String> OUTPUT_NAMES = Set.of(HTML, FINDINGS_CSV, SUMMARY_TEX, EVIDENCE_TEX, FIGURES);

    private Report() {
    }

    /**
     * The report's files, by path relative to the output folder ("report.html", "findings.csv",
     * "summary.tex", "evidence.tex", "figures/overview.svg", …), in a fixed order. The report's date is
     * the project's {@code date:}, else {@code SOURCE_DATE_EPOCH}, else the run's time ({@link ReportDate}).
     *
     * @param project     the loaded project (citations, context, input hashes)
     * @param result      the synthesis result of that project
     * @param toolVersion the workbench version, e.g. "0.1.0-SNAPSHOT"
     * @throws IllegalArgumentException if SOURCE_DATE_EPOCH is set but not a number of seconds
     */
    public static Map<String, byte[]> files(Project project, SynthesisResult result, String toolVersion) {
        return files(project, result, toolVersion, ReportDate.of(project));
    }

    /** The report's files with a given date (see {@link #files(Project, SynthesisResult, String)}). */
    public static Map<String, byte[]> files(Project project, SynthesisResult result, String toolVersion,
            ReportDate date) {
        return files(project, result, toolVersion, date, null);
    }

    /**
     * The report's files with a given date, for the {@code results.json} written beside them (its
     * SHA-256 goes into the provenance section; when null, it is rendered here with {@link ResultsJson}).
     */
    public static Map<String, byte[]> files(Project project, SynthesisResult result, String toolVersion,
            ReportDate date, byte[] resultsJson) {
        return files(project, result, toolVersion, date, resultsJson, null);
    }

    /**
     * The report's files as {@link #files(Project, SynthesisResult, String, ReportDate, byte[])}, with a
     * "Sensitivity" section when {@code sensitivity} is not null: per effect a one-line summary, a
     * forest-style figure of the base result and every variant that flips it (also exported as
     * {@code figures/sensitivity-EFFECT.svg}) and a table of every variant.
     *
     * @param sensitivity the sensitivity analysis of {@code result}, or null for no such section
     */
    public static Map<String, byte[]> files(Project project, SynthesisResult result, String toolVersion,
            ReportDate date, byte[] resultsJson, SensitivityResult sensitivity) {
        return files(project, result, toolVersion, date, resultsJson, sensitivity, FigureOptions.DEFAULT);
    }

    /**
     * The report's files as {@link #files(Project, SynthesisResult, String, ReportDate, byte[],
     * SensitivityResult)}, the figures drawn and exported as {@code figures} says: with PDF and PNG files
     * beside the SVG files ({@code figures/NAME.pdf}, {@code figures/NAME.png}) when asked for.
     */
    public static Map<String, byte[]> files(Project project, SynthesisResult result, String toolVersion,
            ReportDate date, byte[] resultsJson, SensitivityResult sensitivity, FigureOptions figures) {
        return files(project, result, project.provenance(toolVersion).withPolicies(result.synthesis().policies()), date,
                resultsJson, sensitivity, figures);
    }

    /**
     * The report's files as {@link #files(Project, SynthesisResult, String, ReportDate, byte[],
     * SensitivityResult, FigureOptions)}, stating the given provenance (the one the {@code resultsJson}
     * beside it states; its trace reference becomes the SHA-256 of those bytes).
     */
    public static Map<String, byte[]> files(Project project, SynthesisResult result, Provenance prov,
            ReportDate date, byte[] resultsJson, SensitivityResult sensitivity, FigureOptions figures) {
        try (Rendering r = render(project, result, prov, date, resultsJson, sensitivity, figures)) {
            Map<String, byte[]> out = new LinkedHashMap<>();
            out.put(HTML, r.page());
            out.putAll(r.files());
            r.later().forEach((name, bytes) -> out.put(name, bytes.get()));
            return out;
        }
    }

    /**
     * Starts the report of {@link #files(Project, SynthesisResult, Provenance, ReportDate, byte[],
     * SensitivityResult, FigureOptions)}: returns once every file but the page is made, while the page
     * (the last and largest part) is still being rendered on a thread of the report's pool, so that a
     * caller can write the other files meanwhile and {@link Rendering#page()} then waits for it. The
     * bytes are those of {@code files}.
     */
    public static Rendering render(Project project, SynthesisResult result, Provenance prov,
            ReportDate date, byte[] resultsJson, SensitivityResult sensitivity, FigureOptions figures) {
        Tasks pool = new Tasks();
        try {
            Optional<DiagramPages> pages = DiagramPages.of(result, figures.evidenceFiles());
            Supplier<String> resultsSha = pool.submit(() -> sha256(resultsJson != null ? resultsJson
                    : ResultsJson.write(project, result, prov)));
            Supplier<byte[]> csv = pool.submit(() -> FindingsCsv.write(result));
            Supplier<byte[]> summary = pool.submit(() -> Latex.summary(result, prov.tool()));
            Supplier<byte[]> evidence = pool.submit(() -> Latex.evidence(project, result, prov.tool()));
            // also loads and compiles the page template while the figures are drawn
            TracePages tracePages = TracePages.of(result);
            Supplier<HtmlPage.Prepared> prepared = pool.submit(() -> HtmlPage.prepare(project, result, pages,
                    tracePages));
            List<Supplier<Figure>> sens = new ArrayList<>();
            if (sensitivity != null) {
                Set<String> names = new HashSet<>();
                for (EffectSensitivity e : sensitivity.effects()) {
                    String base = "sensitivity-" + Markup.slug(e.effect().id());
                    String n = base;
                    for (int i = 2; !names.add(n); i++) {
                        n = base + "-" + i;
                    }
                    String name = n;
                    sens.add(pool.submit(() -> SensitivityPlot.of("fig-" + name, name,
                            result.synthesis().intervention(), e)));
                    sens.add(pool.submit(() -> RobustnessPlots.leaveOneOut("fig-" + name + "-loo", name + "-loo", e)));
                    sens.add(pool.submit(() -> RobustnessPlots.cumulative("fig-" + name + "-cumulative",
                            name + "-cumulative", e, sensitivity.cumulativeBasis())));
                    sens.add(pool.submit(() -> RobustnessPlots.orders("fig-" + name + "-orders", name + "-orders", e)));
                }
            }
            Figures figs = Figures.of(project, result, pool, figures.sharedAxis(), pages.isEmpty());
            List<Figure> sensFigs = sens.stream().map(Supplier::get).toList();
            Supplier<byte[]> page = pool.submit(() -> HtmlPage.renderUtf8(project, result,
                    prov.withTrace(resultsSha.get()), date, figs, prepared.get(), pages, sensitivity, sensFigs));

            Map<String, byte[]> out = new LinkedHashMap<>();
            out.put(FINDINGS_CSV, csv.get());
            out.put(SUMMARY_TEX, summary.get());
            out.put(EVIDENCE_TEX, evidence.get());
            List<Figure> all = new ArrayList<>(figs.all());
            all.addAll(sensFigs);
            for (Figure f : all) {
                out.put(f.path(), f.fileBytes());
            }
            if (figures.pdf() || figures.png()) {
                FigureExport export = new FigureExport(figures.widthMm(), date.instant());
                List<Supplier<byte[]>> pdfs = new ArrayList<>();
                List<Supplier<byte[]>> pngs = new ArrayList<>();
                for (Figure f : all) {
                    if (figures.pdf()) {
                        pdfs.add(pool.submit(() -> export.pdf(f)));
                    }
                    if (figures.png()) {
                        pngs.add(pool.submit(() -> export.png(f)));
                    }
                }
                for (int i = 0; i < all.size(); i++) {
                    String base = "figures/" + all.get(i).name();
                    if (figures.pdf()) {
                        out.put(base + ".pdf", pdfs.get(i).get());
                    }
                    if (figures.png()) {
                        out.put(base + ".png", pngs.get(i).get());
                    }
                }
            }
            MadeAhead ahead = new MadeAhead(pool);
            pages.ifPresent(p -> PageWork.add(ahead, project, result, date, prov.tool(), figs, p, figures));
            for (TracePages.Page p : tracePages.all()) {
                ahead.add(List.of(p.path()), () -> List.of(HtmlPage.tracePage(result, date, prov.tool(), prepared.get(),
                        p)));
            }
            Map<String, Supplier<byte[]>> later = ahead.files();
            return new Rendering(pool, Collections.unmodifiableMap(out), later, page);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    /**
     * A report being made (see {@link #render}): every file but the page, and the page once rendered.
     * Closing it stops the page's rendering if it is still under way.
     */
    public static final class Rendering implements AutoCloseable {
        private final Tasks pool;
        private final Map<String, byte[]> files;
        private final Map<String, Supplier<byte[]>> later;
        private final Supplier<byte[]> page;

        private Rendering(Tasks pool, Map<String, byte[]> files, Map<String, Supplier<byte[]>> later,
                Supplier<byte[]> page) {
            this.pool = pool;
            this.files = files;
            this.later = later;
            this.page = page;
        }

        /**
         * The files of the report made already, by path, in the order {@code files} gives them: every file but
         * {@link #HTML} and {@link #later()}.
         */
        public Map<String, byte[]> files() {
            return files;
        }

        /**
         * The files made while they are written, by path, in the order {@code files} gives them after
         * {@link #files()}: in a report of more than {@link Figure#INLINE_MODELS} evidence models, the
         * pages of diagrams (and each diagram's files when asked), drawn a few pages ahead of the one asked
         * for; take each once and in order, so that what is written is not held (empty for other reports).
         */
        public Map<String, Supplier<byte[]>> later() {
            return later;
        }

        /** The page ({@link #HTML}), waiting for its rendering to end; rethrows what the rendering threw. */
        public byte[] page() {
            return page.get();
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
