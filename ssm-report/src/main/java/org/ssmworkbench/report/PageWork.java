package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.project.Project;

/**
 * The pages of diagrams of a large report ({@link DiagramPages}) and, when asked, each diagram's own files,
 * made while they are written ({@link MadeAhead}): one task draws a page's diagrams and renders the page.
 * Drawn all at once, the 20,000 diagrams of a large report were held together with their pages, some
 * 450 MB.
 */
final class PageWork {

    private PageWork() {
    }

    /** Adds the task of each page of diagrams to {@code ahead}, in page order. */
    static void add(MadeAhead ahead, Project project, SynthesisResult result, ReportDate date, String tool,
            Figures figs, DiagramPages pages, FigureOptions options) {
        FindingIndex index = FindingIndex.of(result);
        Map<String, Study> byId = new HashMap<>();
        result.synthesis().studies().forEach(st -> byId.put(st.id(), st));
        FigureExport export = pages.files() && (options.pdf() || options.png())
                ? new FigureExport(options.widthMm(), date.instant()) : null;
        for (DiagramPages.Page p : pages.pages()) {
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
            ahead.add(names, () -> {
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
        }
    }
}
