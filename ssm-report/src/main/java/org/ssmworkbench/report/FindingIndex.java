package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.SynthesisResult;

/**
 * The findings of a result grouped by study and by evidence model, and the effects' labels by id, built
 * in one pass: the report looks findings up per study and per model, which scanning the whole list
 * each time made quadratic in the number of evidence models.
 */
final class FindingIndex {

    private final Map<String, List<Finding>> byStudy = new HashMap<>();
    private final Map<String, Map<String, List<Finding>>> byModel = new HashMap<>();
    private final Map<String, String> effectLabels = new HashMap<>();

    private FindingIndex(SynthesisResult r) {
        for (Finding f : r.findings()) {
            byStudy.computeIfAbsent(f.study(), k -> new ArrayList<>()).add(f);
            byModel.computeIfAbsent(f.study(), k -> new HashMap<>()).computeIfAbsent(f.evidence(),
                    k -> new ArrayList<>()).add(f);
        }
        for (Effect e : r.synthesis().effects()) {
            effectLabels.putIfAbsent(e.id(), e.label());
        }
    }

    static FindingIndex of(SynthesisResult r) {
        return new FindingIndex(r);
    }

    /** The study's findings in combination order (empty when it has none). */
    List<Finding> ofStudy(String study) {
        return byStudy.getOrDefault(study, List.of());
    }

    /** The evidence model's findings in combination order (empty when it has none). */
    List<Finding> ofModel(String study, String evidence) {
        return byModel.getOrDefault(study, Map.of()).getOrDefault(evidence, List.of());
    }

    /** The label of the synthesis' effect {@code id}, or the id itself when there is no such effect. */
    String effectLabel(String id) {
        return effectLabels.getOrDefault(id, id);
    }
}
