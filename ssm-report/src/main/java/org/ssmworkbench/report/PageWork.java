package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.project.Project;

/**
 * The pages of diagrams of a large report ({@link DiagramPages}) and, when asked, each diagram's own files,
 * made while they are written: one task of the report's pool draws a page's diagrams and renders the page,
 * at most {@link #AHEAD} pages ahead of the page being written, and a page's bytes are dropped once its
 * last file is taken. Drawn all at once, the 20,000 diagrams of a large report were held together with
 * their pages, some 450 MB.
 */
final class PageWork {

    /** Pages made ahead of the one being written: enough to keep every core busy. */
    static final int AHEAD = 4;

    private final Tasks pool;
    private final List<Callable<List<byte[]>>> work = new ArrayList<>();
    private final List<Supplier<List<byte[]>>> running = new ArrayList<>();
    private final Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
    private int submitted;

    PageWork(Project project, SynthesisResult result, ReportDate date, String tool, Figures figs,
            DiagramPages pages, FigureOptions options, Tasks pool) {
        this.pool = pool;
        FindingIndex index = FindingIndex.of(result);
        Map<String, Study> byId = new HashMap<>();
        result.synthesis().studies().forEach(st -> byId.put(st.id(), st));
        FigureExport export = pages.files() && (options.pdf() || options.png())
                ? new FigureExport(options.widthMm(), date.instant()) : null;
        for (DiagramPages.Page p : pages.pages()) {
            int k = p.number() - 1;
            List<Study> studies = p.studies().stream().map(byId::get).toList();
            List<String> names = new ArrayList<>();
            names.add(p.path());
            if (pages.files()) {
                for (String s : p.studies()) {
                    for (String n : figs.evidenceNames().get(s)) {
                        String base = Report.FIGURES + "/" + n;
                        names.add(base + ".svg");
                        if (export != null && options.pdf()) {
                            names.add(base + ".pdf");
                        }
                        if (export != null && options.png()) {
                            names.add(base + ".png");
                        }
                    }
                }
            }
            work.add(() -> {
                List<List<Figure>> drawn = new ArrayList<>();
                for (Study st : studies) {
                    drawn.add(Figures.drawStudy(project, result, st, figs.evidenceNames().get(st.id()), index));
                }
                List<byte[]> out = new ArrayList<>();
                out.add(HtmlPage.modelsPage(project, result, date, tool, pages, p, studies, drawn, index));
                if (pages.files()) {
                    for (List<Figure> fs : drawn) {
                        for (Figure f : fs) {
                            out.add(f.fileBytes());
                            if (export != null && options.pdf()) {
                                out.add(export.pdf(f));
                            }
                            if (export != null && options.png()) {
                                out.add(export.png(f));
                            }
                        }
                    }
                }
                return out;
            });
            running.add(null);
            for (int i = 0; i < names.size(); i++) {
                int at = i;
                boolean last = i == names.size() - 1;
                files.put(names.get(i), () -> take(k, at, last));
            }
        }
    }

    /** Every file, by path, in order; each made when it is first asked for (and a few pages ahead). */
    Map<String, Supplier<byte[]>> files() {
        return Collections.unmodifiableMap(files);
    }

    private synchronized Supplier<List<byte[]>> started(int page) {
        int until = Math.min(work.size(), page + AHEAD + 1);
        for (; submitted < until; submitted++) {
            running.set(submitted, pool.submit(work.get(submitted)));
            work.set(submitted, null);
        }
        Supplier<List<byte[]>> s = running.get(page);
        if (s == null) {
            throw new IllegalStateException("page " + (page + 1) + " of diagrams asked for after its last file");
        }
        return s;
    }

    private byte[] take(int page, int at, boolean last) {
        byte[] b = started(page).get().get(at);
        if (last) {
            synchronized (this) {
                running.set(page, null);
            }
        }
        return b;
    }
}
