package org.ssmworkbench.core.sensitivity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.ssmworkbench.core.belief.Combination;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;

/**
 * Runs every sensitivity analysis of a synthesis (SPEC section 7): leave one study out, leave one
 * evidence model out, each combination rule, each selector, each mass assignment, each cut point
 * scaled by each factor, subgroups by moderator, and one finding per study (dependence). Each
 * variant is a full re-run of the method on the changed synthesis; a variant that cannot be computed
 * (e.g. total conflict) is reported with its reason instead of stopping the others.
 */
public final class SensitivityAnalysis {

    /** The rules compared (SPEC section 5 and issue 5). */
    public static final List<CombinationRule> RULES = List.of(CombinationRule.DEMPSTER, CombinationRule.YAGER,
            CombinationRule.DUBOIS_PRADE, CombinationRule.MURPHY, CombinationRule.CONJUNCTIVE);

    private SensitivityAnalysis() {
    }

    /**
     * Runs all analyses.
     *
     * @throws org.ssmworkbench.core.synthesis.SynthesisException if the base synthesis itself fails
     */
    public static SensitivityResult run(Synthesis s, SensitivityPlan plan) {
        SynthesisResult base = Synthesizer.run(s);
        Collector c = new Collector(base);

        for (Study st : s.studies()) {
            List<Study> rest = new ArrayList<>(s.studies());
            rest.remove(st);
            c.add(AnalysisKind.LEAVE_ONE_STUDY_OUT, "without " + st.id(), s.withStudies(rest));
        }
        for (Study st : s.studies()) {
            for (EvidenceModel em : st.evidence()) {
                c.add(AnalysisKind.LEAVE_ONE_EVIDENCE_MODEL_OUT, "without " + st.id() + "/" + em.id(), s.withStudies(withoutModel(s, st, em)));
            }
        }
        for (CombinationRule r : RULES) {
            c.add(AnalysisKind.RULE, "rule=" + r.id(), s.withPolicies(s.policies().withRule(r)));
        }
        for (ResultSelector sel : ResultSelector.values()) {
            c.add(AnalysisKind.SELECTOR, "selector=" + sel.id(), s.withPolicies(s.policies().withSelector(sel)));
        }
        Optional<String> noBelief = Synthesizer.beliefMissing(Synthesizer.prepare(s));
        for (MassAssignment a : MassAssignment.values()) {
            String name = "assignment=" + a.id();
            if (a.fromStudyBelief() && noBelief.isPresent()) {
                c.notApplicable(AnalysisKind.ASSIGNMENT, name, "the " + a.id() + " assignment needs B: " + noBelief.get());
                continue;
            }
            c.add(AnalysisKind.ASSIGNMENT, name, s.withPolicies(s.policies().withAssignment(a)));
        }
        Set<String> families = new LinkedHashSet<>();
        for (Effect e : s.effects()) {
            families.add(e.family());
        }
        Map<String, Double> cutFactor = new HashMap<>();
        for (String family : families) {
            CutPoints cuts = s.policies().cuts(family);
            for (int i = 1; i <= 6; i++) {
                for (double f : plan.cutFactors()) {
                    String name = "cuts=" + family + ":c" + i + "*" + factor(f);
                    CutPoints changed = cuts.scaled(i, f);
                    if (changed == null) {
                        c.skipped.add(name + ": c" + i + " × " + factor(f) + " = " + factor(cuts.cut(i) * f)
                                + " breaks the increasing order of the " + family + " cut points");
                        continue;
                    }
                    cutFactor.put(name, f);
                    c.add(AnalysisKind.CUT_POINTS, name, s.withPolicies(s.policies().withCutPoints(changed)), family);
                }
            }
        }
        for (SensitivityPlan.Subgroups g : plan.subgroups()) {
            for (Map.Entry<String, Condition> grp : groups(s, g).entrySet()) {
                c.add(AnalysisKind.SUBGROUP, "subgroup " + grp.getKey(), s.withStudies(filter(s, g.moderator(), grp.getValue())));
            }
        }
        c.dependence(s);

        List<EffectSensitivity> out = new ArrayList<>();
        for (EffectResult e : base.effects()) {
            List<Variant> vs = c.variants.get(e.effect().id());
            Variant smallest = null;
            double smallestChange = Double.POSITIVE_INFINITY;
            for (Variant v : vs) {
                Double f = cutFactor.get(v.name());
                if (f != null && v.flips() && Math.abs(f - 1.0) < smallestChange - 1e-12) {
                    smallest = v;
                    smallestChange = Math.abs(f - 1.0);
                }
            }
            out.add(new EffectSensitivity(e.effect(), e, vs, Optional.ofNullable(smallest)));
        }
        return new SensitivityResult(base, plan, out, c.skipped);
    }

    private static String factor(double f) {
        String t = String.format(Locale.ROOT, "%.6f", f).replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static List<Study> withoutModel(Synthesis s, Study st, EvidenceModel em) {
        List<Study> out = new ArrayList<>();
        for (Study x : s.studies()) {
            if (x != st) {
                out.add(x);
                continue;
            }
            List<EvidenceModel> ms = new ArrayList<>(x.evidence());
            ms.remove(em);
            if (!ms.isEmpty()) {
                out.add(new Study(x.id(), x.type(), x.answers(), x.explicitBelief(), ms));
            }
        }
        return out;
    }

    /** Named groups, or one group per distinct value of the moderator (in order of appearance). */
    static Map<String, Condition> groups(Synthesis s, SensitivityPlan.Subgroups g) {
        if (!g.groups().isEmpty()) {
            Map<String, Condition> out = new LinkedHashMap<>();
            g.groups().forEach((name, cond) -> out.put(name.startsWith(g.label()) ? name : g.label() + name, cond));
            return out;
        }
        Map<String, Condition> out = new LinkedHashMap<>();
        for (Study st : s.studies()) {
            for (EvidenceModel em : st.evidence()) {
                String v = em.moderators().get(g.moderator());
                if (v != null) {
                    out.putIfAbsent(g.label() + "=" + v, new Condition("== " + v));
                }
            }
        }
        return out;
    }

    private static List<Study> filter(Synthesis s, String moderator, Condition cond) {
        List<Study> out = new ArrayList<>();
        for (Study st : s.studies()) {
            List<EvidenceModel> keep = new ArrayList<>();
            for (EvidenceModel em : st.evidence()) {
                if (cond.test(em.moderators().get(moderator))) {
                    keep.add(em);
                }
            }
            if (!keep.isEmpty()) {
                out.add(new Study(st.id(), st.type(), st.answers(), st.explicitBelief(), keep));
            }
        }
        return out;
    }

    /** Gathers variants per effect. */
    private static final class Collector {
        final SynthesisResult base;
        final Map<String, List<Variant>> variants = new LinkedHashMap<>();
        final List<String> skipped = new ArrayList<>();

        Collector(SynthesisResult base) {
            this.base = base;
            for (EffectResult e : base.effects()) {
                variants.put(e.effect().id(), new ArrayList<>());
            }
        }

        void add(AnalysisKind analysis, String name, Synthesis s) {
            add(analysis, name, s, null);
        }

        /** Runs a variant synthesis; with a family, only effects of that family get the variant. */
        void add(AnalysisKind analysis, String name, Synthesis s, String family) {
            Synthesizer.Prepared prepared;
            try {
                prepared = Synthesizer.prepare(s);
            } catch (EvidenceException ex) {
                for (EffectResult e : base.effects()) {
                    if (family == null || e.effect().family().equals(family)) {
                        variants.get(e.effect().id()).add(failed(analysis, name, ex.getMessage()));
                    }
                }
                return;
            }
            for (EffectResult e : base.effects()) {
                if (family != null && !e.effect().family().equals(family)) {
                    continue;
                }
                List<Finding> fs = new ArrayList<>();
                for (Finding f : prepared.findings()) {
                    if (f.effect().equals(e.effect().id())) {
                        fs.add(f);
                    }
                }
                Variant v;
                try {
                    EffectResult r = Synthesizer.aggregate(e.effect(), fs, s.policies(), Optional.empty());
                    v = variant(analysis, name, e, r, s.policies().rule());
                } catch (EvidenceException ex) {
                    v = failed(analysis, name, ex.getMessage());
                }
                variants.get(e.effect().id()).add(v);
            }
        }

        void notApplicable(AnalysisKind analysis, String name, String why) {
            for (EffectResult e : base.effects()) {
                variants.get(e.effect().id()).add(Variant.notComputed(analysis, name, Variant.Status.NOT_APPLICABLE, why));
            }
        }

        void dependence(Synthesis s) {
            Synthesizer.Prepared prepared = Synthesizer.prepare(s);
            Policies p = s.policies();
            for (EffectResult e : base.effects()) {
                Map<String, List<Finding>> byStudy = new LinkedHashMap<>();
                for (Finding f : prepared.findings()) {
                    if (f.effect().equals(e.effect().id())) {
                        byStudy.computeIfAbsent(f.study(), k -> new ArrayList<>()).add(f);
                    }
                }
                List<Variant> out = variants.get(e.effect().id());
                out.add(perStudy(e, byStudy, p, false));
                out.add(perStudy(e, byStudy, p, true));
                List<Finding> strongest = new ArrayList<>();
                for (List<Finding> fs : byStudy.values()) {
                    Finding best = fs.get(0);
                    for (Finding f : fs) {
                        if (f.mass() > best.mass()) {
                            best = f;
                        }
                    }
                    strongest.add(best);
                }
                try {
                    out.add(variant(AnalysisKind.DEPENDENCE, "dependence=strongest-per-study", e,
                            Synthesizer.aggregate(e.effect(), strongest, p, Optional.empty()), p.rule()));
                } catch (EvidenceException ex) {
                    out.add(failed(AnalysisKind.DEPENDENCE, "dependence=strongest-per-study", ex.getMessage()));
                }
            }
        }

        /**
         * One function per study, then the studies combined by the rule: either the study's findings
         * combined by the rule first (under Dempster's rule this equals the base result, since the rule is
         * associative), or their average (each study counts once and its configurations do not
         * reinforce each other: this exposes the inflation from treating them as independent).
         */
        private Variant perStudy(EffectResult e, Map<String, List<Finding>> byStudy, Policies p, boolean average) {
            String name = average ? "dependence=study-averaged" : "dependence=study-combined";
            if (byStudy.isEmpty()) {
                return new Variant(AnalysisKind.DEPENDENCE, name, Variant.Status.COMPUTED, Optional.empty(), 0.0, 0.0, new double[0], OptionalDouble.empty(),
                        0, 0, false, "no findings");
            }
            try {
                List<MassFunction> perStudy = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                int findings = 0;
                for (Map.Entry<String, List<Finding>> st : byStudy.entrySet()) {
                    List<MassFunction> ms = new ArrayList<>();
                    List<String> ls = new ArrayList<>();
                    for (Finding f : st.getValue()) {
                        ms.add(MassFunction.simpleSupport(SsmScale.FRAME, f.intensity().mask(), f.mass()));
                        ls.add(f.key());
                        findings++;
                    }
                    perStudy.add(average ? CombinationRule.average(ms) : p.rule().fold(ms, ls).result());
                    labels.add(st.getKey());
                }
                Combination c = p.rule().fold(perStudy, labels);
                Selection sel = p.selector().select(c.result());
                boolean flips = e.selection().map(b -> b.set() != sel.set()).orElse(true);
                return new Variant(AnalysisKind.DEPENDENCE, name, Variant.Status.COMPUTED, Optional.of(sel.set()), sel.belief(), sel.plausibility(),
                        c.conflicts(), emptyMass(p.rule(), c.result()), findings, byStudy.size(), flips,
                        byStudy.size() == 1 ? "rests on one study" : "");
            } catch (EvidenceException ex) {
                return failed(AnalysisKind.DEPENDENCE, name, ex.getMessage());
            }
        }

        private static Variant variant(AnalysisKind analysis, String name, EffectResult baseEffect, EffectResult r,
                CombinationRule rule) {
            if (r.selection().isEmpty()) {
                return new Variant(analysis, name, Variant.Status.COMPUTED, Optional.empty(), 0.0, 0.0, new double[0], OptionalDouble.empty(),
                        0, 0, false, "no findings");
            }
            Selection sel = r.selection().get();
            Combination c = r.combination().orElseThrow();
            boolean flips = baseEffect.selection().map(b -> b.set() != sel.set()).orElse(true);
            String note = "";
            if (analysis == AnalysisKind.SUBGROUP && r.studies() == 1) {
                note = "rests on one study";
            }
            return new Variant(analysis, name, Variant.Status.COMPUTED, Optional.of(sel.set()), sel.belief(), sel.plausibility(), c.conflicts(),
                    emptyMass(rule, c.result()), r.findings().size(), r.studies(), flips, note);
        }

        private static OptionalDouble emptyMass(CombinationRule rule, MassFunction m) {
            return rule == CombinationRule.CONJUNCTIVE ? OptionalDouble.of(m.emptyMass()) : OptionalDouble.empty();
        }

        private static Variant failed(AnalysisKind analysis, String name, String why) {
            return Variant.notComputed(analysis, name, Variant.Status.FAILED, why);
        }
    }
}
