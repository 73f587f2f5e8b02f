package org.ssmworkbench.core.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.Synthesizer;

/**
 * The findings a concept-mapping decision brings together, recorded or proposed: for a join, every
 * finding that ends up combined under the effect it joins into (those of the joined concepts and
 * those already named as the effect); for a keep, the findings of each kept concept, which stay their
 * own; for a drop, the evidence models whose concept is left out (never computed).
 *
 * @param decision the decision
 * @param effect   the effect the findings are combined under (a join), empty otherwise
 * @param findings the findings, in combination order
 * @param studies  the number of distinct studies among them
 */
public record DecisionFindings(ConceptMapping decision, Optional<String> effect, List<Brought> findings,
        int studies) {

    /** Defensive copy. */
    public DecisionFindings {
        findings = List.copyOf(findings);
    }

    /**
     * One finding a decision is about.
     *
     * @param study    study id
     * @param evidence evidence-model id
     * @param label    the evidence model's configuration
     * @param concept  the study's own name for the concept
     * @param finding  the finding as the synthesis computes it under the decision (empty for a drop)
     */
    public record Brought(String study, String evidence, String label, String concept, Optional<Finding> finding) {
    }

    /**
     * The findings of a decision under the synthesis' decisions with this one added (when it is not
     * among them already).
     *
     * @throws org.ssmworkbench.core.synthesis.SynthesisException when the decisions with this one do not
     *     let the synthesis run (e.g. a concept joined twice, a join into an unknown effect)
     */
    public static DecisionFindings of(Synthesis s, ConceptMapping decision) {
        Synthesis with = s;
        if (!s.mappings().contains(decision)) {
            List<ConceptMapping> m = new ArrayList<>(s.mappings());
            m.add(decision);
            with = new Synthesis(s.id(), s.title(), s.question(), s.intervention(), s.effects(), m, s.checklist(),
                    s.studies(), s.policies(), s.published(), s.order());
        }
        Set<String> concepts = Set.copyOf(decision.concepts());
        List<Brought> out = new ArrayList<>();
        if (decision.decision() == ConceptMapping.Decision.DROP) {
            for (Study st : s.studies()) {
                for (EvidenceModel em : st.evidence()) {
                    for (String c : em.effects().keySet()) {
                        if (concepts.contains(c)) {
                            out.add(new Brought(st.id(), em.id(), em.label(), c, Optional.empty()));
                        }
                    }
                }
            }
            return new DecisionFindings(decision, Optional.empty(), out, studies(out));
        }
        List<Finding> findings = Synthesizer.prepare(with).findings();
        boolean join = decision.decision() == ConceptMapping.Decision.JOIN;
        for (Finding f : findings) {
            if (join ? f.effect().equals(decision.into()) : concepts.contains(f.concept())) {
                out.add(new Brought(f.study(), f.evidence(), f.label(), f.concept(), Optional.of(f)));
            }
        }
        return new DecisionFindings(decision, join ? Optional.of(decision.into()) : Optional.empty(), out,
                studies(out));
    }

    private static int studies(List<Brought> b) {
        Set<String> s = new HashSet<>();
        b.forEach(x -> s.add(x.study()));
        return s.size();
    }
}
