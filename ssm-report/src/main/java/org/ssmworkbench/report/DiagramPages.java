package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.SynthesisResult;

/**
 * Where a report of more than {@link Figure#INLINE_MODELS} evidence models draws their diagrams
 * (decision 0054): in pages of whole studies, {@code figures/evidence-models-1.html}, {@code -2.html}, …,
 * each holding up to {@link #PER_PAGE} diagrams inline (a study of more models has a page to itself),
 * in the order the studies are combined. The report's page links each page and, from each study's row,
 * the study's place in its page.
 *
 * @param pages  the pages in order
 * @param models the evidence models of the report
 * @param files  whether each diagram is also written as its own file ({@code figures/NAME.svg})
 * @param byStudy the page of each study, by study id
 */
record DiagramPages(List<Page> pages, int models, boolean files, Map<String, Page> byStudy) {

    /** The diagrams of one page at most, unless one study has more. */
    static final int PER_PAGE = Figure.INLINE_MODELS;

    private static final String NAME = "evidence-models-";

    /** One page: its number (from 1), its studies in order, and their evidence models. */
    record Page(int number, List<String> studies, int models) {
        /** The file name inside {@code figures/}. */
        String file() {
            return NAME + number + ".html";
        }

        /** The path inside the output folder. */
        String path() {
            return Report.FIGURES + "/" + file();
        }
    }

    /**
     * The pages of a result, or empty when it has at most {@link Figure#INLINE_MODELS} evidence models
     * (the report's page then draws them inline, and every diagram is a file).
     *
     * @param files whether the report also writes each diagram as a file
     */
    static Optional<DiagramPages> of(SynthesisResult r, boolean files) {
        int models = 0;
        for (Study st : r.synthesis().studies()) {
            models += st.evidence().size();
        }
        if (models <= Figure.INLINE_MODELS) {
            return Optional.empty();
        }
        List<Page> pages = new ArrayList<>();
        Map<String, Page> byStudy = new HashMap<>();
        List<String> studies = new ArrayList<>();
        int count = 0;
        for (Study st : r.synthesis().studies()) {
            int n = st.evidence().size();
            if (!studies.isEmpty() && count + n > PER_PAGE) {
                close(pages, byStudy, studies, count);
                studies = new ArrayList<>();
                count = 0;
            }
            studies.add(st.id());
            count += n;
        }
        if (!studies.isEmpty()) {
            close(pages, byStudy, studies, count);
        }
        return Optional.of(new DiagramPages(List.copyOf(pages), models, files, Collections.unmodifiableMap(byStudy)));
    }

    private static void close(List<Page> pages, Map<String, Page> byStudy, List<String> studies, int models) {
        Page p = new Page(pages.size() + 1, List.copyOf(studies), models);
        pages.add(p);
        for (String s : studies) {
            byStudy.putIfAbsent(s, p);
        }
    }

    /** The link from the report's page to a study's diagrams: its page and the study's anchor there. */
    String href(String study) {
        Page p = byStudy.get(study);
        return p == null ? "" : p.path() + "#diagrams-" + study;
    }
}
