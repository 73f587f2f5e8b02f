package org.ssmworkbench.core.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ssmworkbench.core.synthesis.Archetype;
import org.ssmworkbench.core.synthesis.ConceptMap;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.Context;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisException;
import org.ssmworkbench.core.synthesis.SynthesisResult;

/**
 * Builds concept trees: of one evidence model (its findings as the synthesis computes them) and of
 * the aggregate (the synthesis' effects with their aggregated results, and the union of the studies'
 * context aspects and moderators, without the concepts a drop decision leaves out).
 */
public final class ConceptTrees {

    private ConceptTrees() {
    }

    /**
     * The tree of one evidence model.
     *
     * @param result   the synthesis' result (its findings give the intensities and masses)
     * @param contexts each study's context, by study id (a study without one has no context aspects)
     * @param study    the study id
     * @param evidence the evidence-model id
     * @throws SynthesisException naming the study or evidence model when there is none of that id
     */
    public static ConceptTree model(SynthesisResult result, Map<String, Context> contexts, String study,
            String evidence) {
        Synthesis s = result.synthesis();
        Study st = s.studies().stream().filter(x -> x.id().equals(study)).findFirst()
                .orElseThrow(() -> new SynthesisException("no study '" + study + "' in the synthesis"));
        EvidenceModel em = st.evidence().stream().filter(x -> x.id().equals(evidence)).findFirst()
                .orElseThrow(() -> new SynthesisException("study " + study + " has no evidence model '" + evidence
                        + "'"));
        ConceptMap map = map(s);
        Map<String, ConceptNode.Decided> decided = decisions(s.mappings());
        Map<String, Finding> findings = new HashMap<>();
        for (Finding f : result.findings()) {
            if (f.study().equals(study) && f.evidence().equals(evidence)) {
                findings.put(f.concept(), f);
            }
        }
        List<ConceptNode> nodes = new ArrayList<>();
        nodes.add(new ConceptNode(ConceptLevel.INTERVENTION, Optional.empty(), s.intervention(), "intervention",
                List.of(em.label()), Optional.empty(), Optional.empty()));
        for (String concept : em.effects().keySet()) {
            Finding f = findings.get(concept);
            String slot = map.dropped(concept) ? concept : map.joined(concept);
            nodes.add(new ConceptNode(ConceptLevel.EFFECT, Optional.empty(), concept, slot, List.of(),
                    Optional.ofNullable(f).map(x -> new EffectValue(x.intensity().mask(), x.mass(), 1)),
                    Optional.ofNullable(decided.get(concept))));
        }
        Context c = contexts.getOrDefault(study, Context.NONE);
        for (Archetype a : Archetype.values()) {
            for (Context.Aspect x : c.aspects()) {
                if (x.archetype() == a) {
                    nodes.add(new ConceptNode(ConceptLevel.CONTEXT, Optional.of(a), x.key(), x.key(), x.values(),
                            Optional.empty(), Optional.ofNullable(decided.get(x.key()))));
                }
            }
        }
        for (Map.Entry<String, String> m : em.moderators().entrySet()) {
            nodes.add(new ConceptNode(ConceptLevel.MODERATOR, Optional.empty(), m.getKey(), m.getKey(),
                    List.of(m.getValue()), Optional.empty(), Optional.ofNullable(decided.get(m.getKey()))));
        }
        return new ConceptTree(ConceptTree.Side.MODEL, study + "/" + evidence, study + "/" + evidence + " "
                + em.label(), nodes);
    }

    /**
     * The tree of the aggregate: the synthesis' effects with their selected hypotheses and beliefs,
     * every context aspect and moderator of the studies with all their distinct values, each in order
     * of first appearance; a concept a drop decision names is left out.
     *
     * @param result   the synthesis' result
     * @param contexts each study's context, by study id
     */
    public static ConceptTree aggregate(SynthesisResult result, Map<String, Context> contexts) {
        Synthesis s = result.synthesis();
        Map<String, ConceptNode.Decided> decided = decisions(s.mappings());
        ConceptMap map = map(s);
        List<ConceptNode> nodes = new ArrayList<>();
        nodes.add(new ConceptNode(ConceptLevel.INTERVENTION, Optional.empty(), s.intervention(), "intervention",
                List.of(), Optional.empty(), Optional.empty()));
        for (EffectResult e : result.effects()) {
            Effect ef = e.effect();
            Optional<EffectValue> v = e.selection().map(sel -> new EffectValue(sel.set(), sel.belief(),
                    e.findings().size()));
            nodes.add(new ConceptNode(ConceptLevel.EFFECT, Optional.empty(), ef.id(), ef.id(), List.of(), v,
                    Optional.ofNullable(decided.get(ef.id()))));
        }
        Map<String, Context.Aspect> first = new LinkedHashMap<>();
        Map<String, LinkedHashSet<String>> aspectValues = new LinkedHashMap<>();
        Map<String, LinkedHashSet<String>> moderators = new LinkedHashMap<>();
        for (Study st : s.studies()) {
            for (Context.Aspect x : contexts.getOrDefault(st.id(), Context.NONE).aspects()) {
                first.putIfAbsent(x.key(), x);
                aspectValues.computeIfAbsent(x.key(), k -> new LinkedHashSet<>()).addAll(x.values());
            }
            for (EvidenceModel em : st.evidence()) {
                em.moderators().forEach((k, val) -> moderators.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(val));
            }
        }
        for (Archetype a : Archetype.values()) {
            for (Context.Aspect x : first.values()) {
                if (x.archetype() == a && !map.dropped(x.key())) {
                    nodes.add(new ConceptNode(ConceptLevel.CONTEXT, Optional.of(a), x.key(), x.key(),
                            List.copyOf(aspectValues.get(x.key())), Optional.empty(),
                            Optional.ofNullable(decided.get(x.key()))));
                }
            }
        }
        moderators.forEach((k, vals) -> {
            if (!map.dropped(k)) {
                nodes.add(new ConceptNode(ConceptLevel.MODERATOR, Optional.empty(), k, k, List.copyOf(vals),
                        Optional.empty(), Optional.ofNullable(decided.get(k))));
            }
        });
        return new ConceptTree(ConceptTree.Side.AGGREGATE, ConceptTree.AGGREGATE, "Aggregated theory", nodes);
    }

    static ConceptMap map(Synthesis s) {
        return ConceptMap.of(s.mappings(), s.effects().stream().map(Effect::id).toList());
    }

    /** The first decision naming each concept. */
    static Map<String, ConceptNode.Decided> decisions(List<ConceptMapping> mappings) {
        Map<String, ConceptNode.Decided> out = new HashMap<>();
        for (int i = 0; i < mappings.size(); i++) {
            for (String c : mappings.get(i).concepts()) {
                out.putIfAbsent(c, new ConceptNode.Decided(i, mappings.get(i)));
            }
        }
        return out;
    }

    /** The declared effect ids. */
    static Set<String> effects(Synthesis s) {
        Set<String> out = new LinkedHashSet<>();
        s.effects().forEach(e -> out.add(e.id()));
        return out;
    }
}
