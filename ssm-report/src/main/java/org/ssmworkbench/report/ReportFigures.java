package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.List;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.project.Project;

/**
 * Single figures of the report for callers that show one at a time (the workbench): the same
 * drawings as in report.html, each an SVG string whose texts are escaped by {@link Svg}.
 */
public final class ReportFigures {

    private ReportFigures() {
    }

    /** The overview of the aggregated results on the SSM scale. */
    public static Figure overview(SynthesisResult r) {
        return OverviewPlot.of("fig-overview", r.synthesis().title(), r.effects());
    }

    /** The aggregated theory diagram. */
    public static Figure theory(Project project, SynthesisResult r) {
        return Figures.theory(project, r);
    }

    /** The diagram of each evidence model of one study, in the study's order; empty for an unknown study. */
    public static List<Figure> evidence(Project project, SynthesisResult r, String studyId) {
        List<Figure> out = new ArrayList<>();
        FindingIndex index = FindingIndex.of(r);
        for (Study st : r.synthesis().studies()) {
            if (!st.id().equals(studyId)) {
                continue;
            }
            for (EvidenceModel m : st.evidence()) {
                String name = "evidence-" + Markup.slug(st.id()) + "-" + Markup.slug(m.id());
                out.add(Figures.evidenceModel(project, r, st, m, name, index.ofModel(st.id(), m.id()), index));
            }
        }
        return out;
    }
}
