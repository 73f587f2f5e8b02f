package org.ssmworkbench.io.save;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.whatif.Scenario;
import org.ssmworkbench.io.project.ProjectLoader;

/**
 * Changes of synthesis.yaml that the workbench makes from domain values: a new concept-mapping
 * decision appended to {@code concepts:}, and a what-if's policy overrides written into
 * {@code policies:}. Each gives synthesis.yaml's new tree; {@link EditableProject#draft} checks it (the
 * whole project loads with the new text) and {@link EditableProject#save} writes it, keeping the
 * file's comments and layout.
 */
public final class ProjectEdits {

    private ProjectEdits() {
    }

    /** synthesis.yaml's tree with the decision appended to {@code concepts:} (created when the file has none). */
    public static ObjectNode withConceptDecision(EditableProject p, ConceptMapping m) {
        ObjectNode tree = synthesis(p);
        ArrayNode concepts = tree.get("concepts") instanceof ArrayNode a ? a : tree.putArray("concepts");
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        ArrayNode names = entry.putArray(m.decision().id());
        m.concepts().forEach(names::add);
        if (m.decision() == ConceptMapping.Decision.JOIN) {
            entry.put("into", m.into());
        }
        entry.put("reason", m.reason());
        concepts.add(entry);
        return tree;
    }

    /**
     * synthesis.yaml's tree with a scenario's policy overrides (rule, selector, assignment, cut points per
     * family) in {@code policies:}; the scenario's studies and findings switched off are not policies and
     * are not written (the caller says so to the user). Other policies stay as written.
     */
    public static ObjectNode withPolicies(EditableProject p, Scenario sc) {
        ObjectNode tree = synthesis(p);
        ObjectNode policies = tree.get("policies") instanceof ObjectNode o ? o : tree.putObject("policies");
        sc.rule().ifPresent(r -> policies.put("rule", r.id()));
        sc.selector().ifPresent(s -> policies.put("selector", s.id()));
        sc.assignment().ifPresent(a -> policies.put("assignment", a.id()));
        if (!sc.cuts().isEmpty()) {
            ObjectNode cuts = policies.get("cut_points") instanceof ObjectNode o ? o : policies.putObject("cut_points");
            for (Map.Entry<String, CutPoints> c : sc.cuts().entrySet()) {
                ArrayNode values = cuts.putArray(c.getKey());
                for (double v : c.getValue().cuts()) {
                    values.add(v);
                }
            }
        }
        return tree;
    }

    private static ObjectNode synthesis(EditableProject p) {
        JsonNode t = p.tree(ProjectLoader.SYNTHESIS_FILE)
                .orElseThrow(() -> new IllegalStateException("the project has no " + ProjectLoader.SYNTHESIS_FILE));
        return (ObjectNode) t;
    }
}
