package org.ssmworkbench.io.save;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.whatif.Scenario;
import org.ssmworkbench.io.project.ProjectFiles;

/**
 * Changes of a project's model that the workbench makes from domain values: a new concept-mapping
 * decision appended to synthesis.yaml's {@code concepts:}, and a what-if's policy overrides written
 * into its {@code policies:}. Each gives new content for {@link ProjectWriter}; nothing is written
 * here, and the content should be checked ({@link CheckedSave}) before it is.
 */
public final class ProjectEdits {

    private ProjectEdits() {
    }

    /** The content of an editor's project, as read, for the edits below. */
    public static ProjectContent content(EditableProject p) {
        return ProjectContent.of(p.sources());
    }

    /** The content with the decision appended to {@code concepts:} (created when the file has none). */
    public static ProjectContent withConceptDecision(ProjectContent content, ConceptMapping m) {
        ProjectFiles.SynthesisFile f = content.synthesis();
        List<ProjectFiles.ConceptEntry> concepts = new ArrayList<>(f.concepts() == null ? List.of() : f.concepts());
        List<String> names = List.copyOf(m.concepts());
        concepts.add(switch (m.decision()) {
            case JOIN -> new ProjectFiles.ConceptEntry(names, null, null, m.into(), m.reason());
            case DROP -> new ProjectFiles.ConceptEntry(null, names, null, null, m.reason());
            case KEEP -> new ProjectFiles.ConceptEntry(null, null, names, null, m.reason());
        });
        return content.withSynthesis(new ProjectFiles.SynthesisFile(f.format(), f.id(), f.title(), f.question(),
                f.intervention(), f.effects(), concepts, f.policies(), f.checklist(), f.studies(), f.order(),
                f.published(), f.sensitivity(), f.date()));
    }

    /**
     * The content with a scenario's policy overrides (rule, selector, assignment, cut points per
     * family) in {@code policies:}; the scenario's studies and findings switched off are not policies
     * and are not written (the caller says so to the user). Other policies stay as written.
     */
    public static ProjectContent withPolicies(ProjectContent content, Scenario sc) {
        ProjectFiles.SynthesisFile f = content.synthesis();
        ProjectFiles.PoliciesEntry p = f.policies() != null ? f.policies()
                : new ProjectFiles.PoliciesEntry(null, null, null, null, null, null, null, null, null);
        LinkedHashMap<String, List<Double>> cuts = p.cutPoints() == null ? null : new LinkedHashMap<>(p.cutPoints());
        for (Map.Entry<String, CutPoints> c : sc.cuts().entrySet()) {
            if (cuts == null) {
                cuts = new LinkedHashMap<>();
            }
            List<Double> values = new ArrayList<>();
            for (double v : c.getValue().cuts()) {
                values.add(v);
            }
            cuts.put(c.getKey(), values);
        }
        ProjectFiles.PoliciesEntry q = new ProjectFiles.PoliciesEntry(
                sc.rule().map(r -> r.id()).orElse(p.rule()),
                sc.selector().map(s -> s.id()).orElse(p.selector()),
                sc.assignment().map(a -> a.id()).orElse(p.assignment()),
                p.quantiles(), p.zeroBaseline(), p.discount(), cuts, p.qualityBands(), p.spread());
        return content.withSynthesis(new ProjectFiles.SynthesisFile(f.format(), f.id(), f.title(), f.question(),
                f.intervention(), f.effects(), f.concepts(), q, f.checklist(), f.studies(), f.order(), f.published(),
                f.sensitivity(), f.date()));
    }
}
