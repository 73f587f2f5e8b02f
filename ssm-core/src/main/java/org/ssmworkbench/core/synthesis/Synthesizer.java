package org.ssmworkbench.core.synthesis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.ssmworkbench.core.belief.Combination;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.ssm.SsmScale;

/**
 * Runs a synthesis (docs/method.md sections 3–6): study beliefs, per-finding intensity and mass, and per effect
 * the fold of its findings in combination order with the configured rule, read off by the configured
 * selector.
 *
 * <p>Stateless and thread-safe; every call works only on its arguments.
 */
public final class Synthesizer {

    private Synthesizer() {
    }

    /**
     * Runs the synthesis under its own policies.
     *
     * @throws SynthesisException for evidence the method cannot use (unknown effect or study type, a
     *     study without belief, total conflict naming the findings)
     */
    public static SynthesisResult run(Synthesis s) {
        Policies p = s.policies();
        Map<String, Effect> effects = new LinkedHashMap<>();
        for (Effect e : s.effects()) {
            if (effects.put(e.id(), e) != null) {
                throw new SynthesisException("effect '" + e.id() + "' is declared twice");
            }
            cuts(p, e);
        }
        Prepared prepared = prepare(s, effects, ConceptMap.of(s.mappings(), effects.keySet()));
        List<Finding> findings = prepared.findings();
        List<EffectResult> effectResults = new ArrayList<>();
        for (Effect e : effects.values()) {
            List<Finding> fs = new ArrayList<>();
            for (Finding f : findings) {
                if (f.effect().equals(e.id())) {
                    fs.add(f);
                }
            }
            effectResults.add(aggregate(e, fs, p, Optional.ofNullable(s.published().get(e.id()))));
        }
        return new SynthesisResult(s, prepared.studies(), findings, prepared.dropped(), effectResults);
    }

    /**
     * Study beliefs and findings, before any combination.
     *
     * @param studies  per-study beliefs
     * @param findings every finding in combination order
     * @param dropped  findings a drop decision excluded
     */
    public record Prepared(List<StudyResult> studies, List<Finding> findings, List<String> dropped) {
    }

    /**
     * Computes study beliefs and findings without combining them (for analyses that combine their own way).
     *
     * @throws SynthesisException as {@link #run}
     */
    public static Prepared prepare(Synthesis s) {
        Map<String, Effect> effects = new LinkedHashMap<>();
        for (Effect e : s.effects()) {
            if (effects.put(e.id(), e) != null) {
                throw new SynthesisException("effect '" + e.id() + "' is declared twice");
            }
            cuts(s.policies(), e);
        }
        return prepare(s, effects, ConceptMap.of(s.mappings(), effects.keySet()));
    }

    /** The cut points of an effect's family; an unknown family is evidence the method cannot use. */
    private static CutPoints cuts(Policies p, Effect e) {
        try {
            return p.cuts(e.family());
        } catch (IllegalArgumentException ex) {
            throw new SynthesisException("effect '" + e.id() + "': " + ex.getMessage(), ex);
        }
    }

    private static Prepared prepare(Synthesis s, Map<String, Effect> effects, ConceptMap concepts) {
        Policies p = s.policies();
        List<StudyResult> studyResults = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Set<String> studyIds = new HashSet<>();
        for (Study st : s.studies()) {
            if (!studyIds.add(st.id())) {
                throw new SynthesisException("study id '" + st.id() + "' appears twice");
            }
            StudyResult sr = studyBelief(s, st);
            studyResults.add(sr);
            int n = st.evidence().size();
            Set<String> evidenceIds = new HashSet<>();
            for (EvidenceModel em : st.evidence()) {
                if (!evidenceIds.add(em.id())) {
                    throw new SynthesisException("study " + st.id() + ": evidence model id '" + em.id()
                            + "' appears twice");
                }
                Set<String> effectsSeen = new HashSet<>();
                for (Map.Entry<String, EffectInput> e : em.effects().entrySet()) {
                    String concept = e.getKey();
                    if (concepts.dropped(concept)) {
                        dropped.add(st.id() + "/" + em.id() + ": " + concept);
                        continue;
                    }
                    String effectId = concepts.joined(concept);
                    Effect effect = effects.get(effectId);
                    if (effect == null) {
                        throw new SynthesisException("study " + st.id() + ", evidence model " + em.id()
                                + ": unknown effect '" + concept + "' (declare it in the synthesis, or map it"
                                + " with a join or drop decision)");
                    }
                    if (!effectsSeen.add(effectId)) {
                        throw new SynthesisException("study " + st.id() + ", evidence model " + em.id()
                                + ": two concepts map to effect '" + effectId + "'");
                    }
                    findings.add(finding(p, st, em, effect, concept, e.getValue(), sr.belief(), n));
                }
            }
        }
        if (!s.order().isEmpty()) {
            // an explicit combination order across studies; a stable sort keeps the rest in study order
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < s.order().size(); i++) {
                position.putIfAbsent(s.order().get(i), i);
            }
            findings.sort(java.util.Comparator.comparingInt(f -> position.getOrDefault(f.key(), Integer.MAX_VALUE)));
        }

        return new Prepared(studyResults, findings, dropped);
    }

    /** The belief of a study: explicit if given, else band and checklist; both reported. */
    static StudyResult studyBelief(Synthesis s, Study st) {
        OptionalDouble computed = OptionalDouble.empty();
        Optional<Checklist.Score> score = Optional.empty();
        if (!st.answers().isEmpty()) {
            if (s.checklist().isEmpty()) {
                throw new SynthesisException("study " + st.id() + " answers a quality checklist, but the synthesis"
                        + " declares none");
            }
            QualityBands.Band band;
            try {
                band = s.policies().bands().band(st.type());
                Checklist.Score sc = s.checklist().get().score(st.answers());
                score = Optional.of(sc);
                computed = OptionalDouble.of(band.belief(sc.quality()));
            } catch (IllegalArgumentException ex) {
                throw new SynthesisException("study " + st.id() + ": " + ex.getMessage(), ex);
            }
        } else {
            try {
                s.policies().bands().band(st.type());
            } catch (IllegalArgumentException ex) {
                throw new SynthesisException("study " + st.id() + ": " + ex.getMessage(), ex);
            }
        }
        double b;
        boolean explicit = st.explicitBelief().isPresent();
        if (explicit) {
            b = st.explicitBelief().getAsDouble();
        } else if (computed.isPresent()) {
            b = computed.getAsDouble();
        } else if (!st.evidence().isEmpty() && allDirect(st)) {
            // every finding gives its own mass: B is not needed, and stays unknown
            b = Double.NaN;
        } else {
            throw new SynthesisException("study " + st.id() + " has neither an explicit belief nor checklist"
                    + " answers to compute one from");
        }
        return new StudyResult(st.id(), st.type(), b, explicit, computed, score, st.evidence().size());
    }

    private static boolean allDirect(Study st) {
        for (EvidenceModel em : st.evidence()) {
            for (EffectInput in : em.effects().values()) {
                if (!(in instanceof EffectInput.Direct)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether every study that contributes a finding has a known belief B, so that an assignment
     * computed from B can apply; empty if so, else the reason naming the studies.
     */
    public static Optional<String> beliefMissing(Prepared prepared) {
        Set<String> contributing = new HashSet<>();
        for (Finding f : prepared.findings()) {
            contributing.add(f.study());
        }
        List<String> missing = new ArrayList<>();
        for (StudyResult sr : prepared.studies()) {
            if (!sr.beliefKnown() && contributing.contains(sr.study())) {
                missing.add(sr.study());
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("no study belief B for " + String.join(", ", missing)
                + " (direct findings without a belief or checklist answers)");
    }

    private static Finding finding(Policies p, Study st, EvidenceModel em, Effect effect, String concept,
            EffectInput in, double belief, int modelsInStudy) {
        if (in instanceof EffectInput.Direct d) {
            // intensity as given; the mass as given, or by an assignment from B and N when B is known
            double mass = d.mass();
            if (p.assignment().fromStudyBelief()) {
                if (Double.isNaN(belief)) {
                    throw new SynthesisException("study " + st.id() + ": the " + p.assignment().id()
                            + " assignment needs the study belief B, which the study does not give");
                }
                mass = Math.max(0.0, Math.min(1.0, p.assignment().mass(belief, 0.0, modelsInStudy)));
            }
            return new Finding(st.id(), em.id(), em.label(), effect.id(), concept, Optional.empty(), "direct",
                    d.intensity(), OptionalDouble.empty(), belief, mass, d.recorded());
        }
        Designs.Derived derived;
        String source;
        EffectInput.Recorded recorded;
        CutPoints cuts = p.cuts(effect.family());
        try {
            if (in instanceof EffectInput.FromSummary fs) {
                source = fs.source();
                recorded = fs.recorded();
                if (p.spread().basis() == SpreadPolicy.Basis.SAMPLE) {
                    SummaryStatistics stats = fs.statistics();
                    Intensity intensity = cuts.classify(stats.mean());
                    double discount = p.discount().discount(stats.mean(), stats.iqr());
                    return new Finding(st.id(), em.id(), em.label(), effect.id(), concept, Optional.of(stats), source,
                            intensity, OptionalDouble.of(discount), belief, mass(p, belief, discount, modelsInStudy),
                            recorded);
                }
                derived = Designs.riEstimate(fs.statistics());
            } else if (in instanceof EffectInput.FromRiSd r) {
                source = r.source();
                recorded = r.recorded();
                derived = Designs.riWithSd(r.n(), r.mean(), r.sd(), p.spread());
            } else if (in instanceof EffectInput.FromGroups g) {
                source = g.source();
                recorded = g.recorded();
                if (g.standardized()) {
                    derived = Designs.effectSize(effect.direction(), Designs.hedges(g.baseline(), g.treated()),
                            p.spread());
                    cuts = p.standardizedCuts();
                } else {
                    derived = Designs.groups(effect.direction(), g.baseline(), g.treated(), p.spread());
                }
            } else {
                EffectInput.FromEffectSize e = (EffectInput.FromEffectSize) in;
                source = e.source();
                recorded = e.recorded();
                derived = Designs.effectSize(effect.direction(), e.effectSize(), p.spread());
                cuts = p.standardizedCuts();
            }
        } catch (IllegalArgumentException ex) {
            throw new SynthesisException("study " + st.id() + ", evidence model " + em.id() + ", effect '"
                    + concept + "': " + ex.getMessage(), ex);
        }
        Intensity intensity = cuts.classify(derived.location()); // finite: Designs checks its results
        double discount = p.discount().discount(derived.location(), derived.spread());
        return new Finding(st.id(), em.id(), em.label(), effect.id(), concept, derived.statistics(), source,
                intensity, OptionalDouble.of(discount), belief, mass(p, belief, discount, modelsInStudy), recorded,
                Optional.of(derived.derivation()));
    }

    private static double mass(Policies p, double belief, double discount, int modelsInStudy) {
        double mass = p.discount().roundMass(p.assignment().mass(belief, discount, modelsInStudy));
        return Math.max(0.0, Math.min(1.0, mass));
    }

    /**
     * Aggregates the findings of one effect.
     *
     * @throws SynthesisException on total conflict, naming the findings
     */
    public static EffectResult aggregate(Effect e, List<Finding> fs, Policies p, Optional<PublishedResult> pub) {
        if (fs.isEmpty()) {
            return new EffectResult(e, fs, Optional.empty(), Optional.empty(), 0, Optional.empty(),
                    EffectResult.Change.NONE, pub);
        }
        List<MassFunction> masses = new ArrayList<>(fs.size());
        List<String> labels = new ArrayList<>(fs.size());
        Set<String> studies = new HashSet<>();
        Finding strongest = null;
        for (Finding f : fs) {
            masses.add(MassFunction.simpleSupport(SsmScale.FRAME, f.intensity().mask(), f.mass()));
            labels.add(f.key());
            studies.add(f.study());
            if (strongest == null || f.mass() > strongest.mass()) {
                strongest = f;
            }
        }
        Combination c;
        try {
            c = p.rule().fold(masses, labels);
        } catch (org.ssmworkbench.core.belief.TotalConflictException ex) {
            throw new SynthesisException("effect '" + e.id() + "': " + ex.getMessage(), ex);
        }
        Selection sel = p.selector().select(c.result());
        double diff = sel.belief() - strongest.mass();
        EffectResult.Change change = Math.abs(diff) <= ResultSelector.TIE_TOLERANCE ? EffectResult.Change.UNCHANGED
                : diff > 0 ? EffectResult.Change.REINFORCED : EffectResult.Change.WEAKENED;
        return new EffectResult(e, fs, Optional.of(c), Optional.of(sel), studies.size(), Optional.of(strongest),
                change, pub);
    }
}
