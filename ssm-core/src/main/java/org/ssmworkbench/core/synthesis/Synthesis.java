package org.ssmworkbench.core.synthesis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole synthesis as the method sees it: the effects, the concept-mapping decisions, the studies in
 * combination order, the policies and any published results to compare with.
 *
 * @param id        short id
 * @param title     title
 * @param question  research question
 * @param intervention the intervention's label ("model quantization")
 * @param effects   effects in order
 * @param mappings  concept-mapping decisions
 * @param checklist the quality checklist the studies answer, if any
 * @param studies   studies in combination order
 * @param policies  policies
 * @param published published results by effect id
 * @param order     the combination order across studies as evidence-model keys ("S6/e3"); empty: study
 *                  order, then evidence-model order. Findings of evidence models it does not name (e.g.
 *                  none, once a variant left models out) keep their study order after the named ones.
 */
public record Synthesis(String id, String title, String question, String intervention, List<Effect> effects,
        List<ConceptMapping> mappings, Optional<Checklist> checklist, List<Study> studies, Policies policies,
        Map<String, PublishedResult> published, List<String> order) {

    /** Defensive copies keeping order. */
    public Synthesis {
        effects = List.copyOf(effects);
        mappings = List.copyOf(mappings);
        studies = List.copyOf(studies);
        published = Collections.unmodifiableMap(new LinkedHashMap<>(published));
        order = List.copyOf(order);
    }

    /** A synthesis combined in study order, then evidence-model order. */
    public Synthesis(String id, String title, String question, String intervention, List<Effect> effects,
            List<ConceptMapping> mappings, Optional<Checklist> checklist, List<Study> studies, Policies policies,
            Map<String, PublishedResult> published) {
        this(id, title, question, intervention, effects, mappings, checklist, studies, policies, published, List.of());
    }

    /** The same synthesis under other policies. */
    public Synthesis withPolicies(Policies p) {
        return new Synthesis(id, title, question, intervention, effects, mappings, checklist, studies, p, published,
                order);
    }

    /** The same synthesis with other studies (e.g. one left out). */
    public Synthesis withStudies(List<Study> s) {
        return new Synthesis(id, title, question, intervention, effects, mappings, checklist, s, policies, published,
                order);
    }
}
