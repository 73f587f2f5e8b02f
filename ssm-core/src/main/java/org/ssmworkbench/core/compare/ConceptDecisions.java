package org.ssmworkbench.core.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ssmworkbench.core.synthesis.ConceptMap;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.Context;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisException;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.core.text.NameHint;

/**
 * Checks a new concept-mapping decision before it is recorded: every concept it names occurs in the
 * project (an effect concept of some evidence model or a declared effect, a context aspect, a
 * moderator); no earlier decision names it; a join is about effect concepts only (a context aspect
 * or moderator can be kept or dropped, not joined into an effect); and the synthesis still runs with
 * it (a drop of a declared effect or a join into an unknown one is refused by {@link ConceptMap}).
 */
public final class ConceptDecisions {

    private ConceptDecisions() {
    }

    /**
     * The synthesis' decisions with {@code proposal} appended.
     *
     * @throws SynthesisException saying what is wrong with the proposal
     */
    public static List<ConceptMapping> add(Synthesis s, Map<String, Context> contexts, ConceptMapping proposal) {
        Set<String> effectConcepts = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (Effect e : s.effects()) {
            effectConcepts.add(e.id());
        }
        for (Study st : s.studies()) {
            for (EvidenceModel em : st.evidence()) {
                effectConcepts.addAll(em.effects().keySet());
                others.addAll(em.moderators().keySet());
            }
            for (Context.Aspect a : contexts.getOrDefault(st.id(), Context.NONE).aspects()) {
                others.add(a.key());
            }
        }
        for (String c : proposal.concepts()) {
            if (!effectConcepts.contains(c) && !others.contains(c)) {
                List<String> known = new ArrayList<>(effectConcepts);
                known.addAll(others);
                throw new SynthesisException("concept '" + c + "' occurs nowhere in the project (no evidence"
                        + " model, effect, context aspect or moderator has it)" + NameHint.didYouMean(c, known));
            }
            if (proposal.decision() == ConceptMapping.Decision.JOIN && !effectConcepts.contains(c)) {
                throw new SynthesisException("'" + c + "' is a context aspect or moderator: it can be kept or"
                        + " dropped, not joined into an effect");
            }
        }
        List<ConceptMapping> all = new ArrayList<>(s.mappings());
        for (int i = 0; i < all.size(); i++) {
            for (String c : proposal.concepts()) {
                if (all.get(i).concepts().contains(c)) {
                    throw new SynthesisException("concept '" + c + "' is already decided by decision " + (i + 1)
                            + " (" + all.get(i).decision().id() + " " + all.get(i).concepts() + ")");
                }
            }
        }
        all.add(proposal);
        Synthesis with = new Synthesis(s.id(), s.title(), s.question(), s.intervention(), s.effects(), all,
                s.checklist(), s.studies(), s.policies(), s.published(), s.order());
        Synthesizer.prepare(with);
        return all;
    }
}
