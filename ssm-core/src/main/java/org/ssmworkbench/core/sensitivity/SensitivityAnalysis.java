package org.ssmworkbench.core.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.belief.CombinationStep;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.belief.TotalConflictException;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.Answer;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.DiscountPolicy;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.StudyResult;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.core.ssm.ResultSelector;

/**
 * Runs every sensitivity analysis of a synthesis (SPEC section 7): leave one study out, leave one
 * evidence model out, each combination rule, each selector, each mass assignment, the discount
 * factor varied, each cut point scaled by each factor, subgroups by moderator, inclusion rules (belief
 * threshold, study types, quality items), and one finding per study (dependence); then per effect the
 * dependence on the combination order and the cumulative synthesis in publication order.
 *
 * <p>Work is shared between variants: the synthesis is prepared once, and a variant re-prepares only
 * when it changes how findings are computed (assignment, discount, cut points, subgroups, or a left-out
 * evidence model under a split assignment, which changes N). Variants that only leave findings out
 * use, under an associative rule and with the summary of conflicts, the prefix and suffix folds of
 * {@link LeaveOutFolds}; otherwise, and always with the full per-step conflicts, each variant is
 * folded step by step, with the same numbers as a fresh synthesis. A variant that cannot be computed
 * (e.g. total conflict) or does not apply is reported with its reason instead of stopping the others.
 */
public final class SensitivityAnalysis {

    /** The rules compared (SPEC section 5 and issue 5). */
    public static final List<CombinationRule> RULES = List.of(CombinationRule.DEMPSTER, CombinationRule.YAGER,
            CombinationRule.DUBOIS_PRADE, CombinationRule.MURPHY, CombinationRule.CONJUNCTIVE);
    /** The rules whose order dependence is shown. */
    public static final List<CombinationRule> ORDER_RULES = List.of(CombinationRule.DEMPSTER, CombinationRule.YAGER,
            CombinationRule.DUBOIS_PRADE, CombinationRule.MURPHY);
    /** Effects with at most this many findings have every order tried (7! = 5,040). */
    public static final int ALL_ORDERS_UP_TO = 7;
    /** The order sample is capped so that it costs at most this many combination steps per effect and rule. */
    public static final long ORDER_STEP_BUDGET = 50_000L;

    private SensitivityAnalysis() {
    }

    /**
     * Runs all analyses.
     *
     * @throws org.ssmworkbench.core.synthesis.SynthesisException if the base synthesis itself fails
     */
    public static SensitivityResult run(Synthesis s, SensitivityPlan plan) {
        return new Run(s, plan).run();
    }

    private static String factor(double f) {
        String t = String.format(Locale.ROOT, "%.6f", f).replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** One run: the base, its findings per effect, and the variants gathered per effect and analysis. */
    private static final class Run {
        final Synthesis s;
        final SensitivityPlan plan;
        final boolean full;
        final SynthesisResult base;
        final Policies p;
        final List<EffectResult> effects;
        final List<MassFunction[]> masses = new ArrayList<>();
        final List<Map<AnalysisKind, List<Variant>>> variants = new ArrayList<>();
        final List<Variant> baseVariants = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        final Map<String, Double> cutFactor = new HashMap<>();
        final Map<String, StudyResult> studyResults = new HashMap<>();

        Run(Synthesis s, SensitivityPlan plan) {
            this.s = s;
            this.plan = plan;
            this.full = plan.conflicts() == SensitivityPlan.Conflicts.FULL;
            this.base = Synthesizer.run(s);
            this.p = s.policies();
            this.effects = base.effects();
            for (StudyResult sr : base.studies()) {
                studyResults.put(sr.study(), sr);
            }
            for (EffectResult e : effects) {
                MassFunction[] ms = new MassFunction[e.findings().size()];
                for (int i = 0; i < ms.length; i++) {
                    Finding f = e.findings().get(i);
                    ms[i] = MassFunction.simpleSupport(SsmScale.FRAME, f.intensity().mask(), f.mass());
                }
                masses.add(ms);
                variants.add(new EnumMap<>(AnalysisKind.class));
                baseVariants.add(baseVariant(e));
            }
        }

        SensitivityResult run() {
            leaveOuts();
            rules();
            selectors();
            assignments();
            discountFactors();
            cutPoints();
            subgroups();
            dependence();
            List<String> order = cumulativeOrder();
            String basis = cumulativeBasis(order);

            List<EffectSensitivity> out = new ArrayList<>();
            for (int ei = 0; ei < effects.size(); ei++) {
                EffectResult e = effects.get(ei);
                List<Variant> vs = new ArrayList<>();
                for (List<Variant> l : variants.get(ei).values()) {
                    vs.addAll(l);
                }
                Variant smallest = null;
                double smallestChange = Double.POSITIVE_INFINITY;
                for (Variant v : vs) {
                    Double f = cutFactor.get(v.name());
                    if (f != null && v.flips() && Math.abs(f - 1.0) < smallestChange - 1e-12) {
                        smallest = v;
                        smallestChange = Math.abs(f - 1.0);
                    }
                }
                out.add(new EffectSensitivity(e.effect(), e, vs, Optional.ofNullable(smallest), orders(ei),
                        cumulative(ei, order)));
            }
            return new SensitivityResult(base, plan, out, skipped, basis, order);
        }

        private void add(int ei, AnalysisKind a, Variant v) {
            variants.get(ei).computeIfAbsent(a, k -> new ArrayList<>()).add(v);
        }

        // ---- variants that leave findings out: studies, evidence models, inclusion rules ----

        private void leaveOuts() {
            boolean splitN = p.assignment() == MassAssignment.MASS_PRESERVING_SPLIT
                    || p.assignment() == MassAssignment.EQUITABLE_SPLIT;
            // inclusion rules as sets of excluded studies (or why they do not apply)
            List<String> inclusionNames = new ArrayList<>();
            List<Set<String>> inclusionExcluded = new ArrayList<>();
            List<String> inclusionNotApplicable = new ArrayList<>();
            inclusionRules(inclusionNames, inclusionExcluded, inclusionNotApplicable);

            for (int ei = 0; ei < effects.size(); ei++) {
                EffectResult e = effects.get(ei);
                List<Finding> fs = e.findings();
                Map<String, List<Integer>> byStudy = new HashMap<>();
                Map<String, Integer> byModel = new HashMap<>();
                for (int i = 0; i < fs.size(); i++) {
                    byStudy.computeIfAbsent(fs.get(i).study(), k -> new ArrayList<>()).add(i);
                    byModel.put(fs.get(i).key(), i);
                }
                LeaveOutFolds folds = folds(ei);
                for (Study st : s.studies()) {
                    List<Integer> pos = byStudy.get(st.id());
                    add(ei, AnalysisKind.LEAVE_ONE_STUDY_OUT,
                            removal(ei, AnalysisKind.LEAVE_ONE_STUDY_OUT, "without " + st.id(), pos, folds, byStudy));
                }
                for (Study st : s.studies()) {
                    for (EvidenceModel em : st.evidence()) {
                        String name = "without " + st.id() + "/" + em.id();
                        if (splitN && st.evidence().size() > 1) {
                            continue; // filled below: the study's other findings change mass with N
                        }
                        Integer pos = byModel.get(st.id() + "/" + em.id());
                        add(ei, AnalysisKind.LEAVE_ONE_EVIDENCE_MODEL_OUT, removal(ei,
                                AnalysisKind.LEAVE_ONE_EVIDENCE_MODEL_OUT, name, pos == null ? null : List.of(pos),
                                folds, byStudy));
                    }
                }
                for (int r = 0; r < inclusionNames.size(); r++) {
                    String name = inclusionNames.get(r);
                    if (inclusionNotApplicable.get(r) != null) {
                        add(ei, AnalysisKind.INCLUSION, Variant.notComputed(AnalysisKind.INCLUSION, name,
                                Variant.Status.NOT_APPLICABLE, inclusionNotApplicable.get(r)));
                        continue;
                    }
                    List<Integer> pos = new ArrayList<>();
                    for (int i = 0; i < fs.size(); i++) {
                        if (inclusionExcluded.get(r).contains(fs.get(i).study())) {
                            pos.add(i);
                        }
                    }
                    add(ei, AnalysisKind.INCLUSION, removal(ei, AnalysisKind.INCLUSION, name, pos, folds, byStudy));
                }
            }
            if (splitN) {
                // leaving an evidence model out changes N, so its study's other findings: re-prepare
                for (Study st : s.studies()) {
                    for (EvidenceModel em : st.evidence()) {
                        if (st.evidence().size() == 1) {
                            continue;
                        }
                        Synthesis v = s.withStudies(withoutModel(s, st, em));
                        prepared(AnalysisKind.LEAVE_ONE_EVIDENCE_MODEL_OUT, "without " + st.id() + "/" + em.id(), v,
                                null);
                    }
                }
                // keep the evidence-model order of the study list
                for (int ei = 0; ei < effects.size(); ei++) {
                    List<Variant> l = variants.get(ei).get(AnalysisKind.LEAVE_ONE_EVIDENCE_MODEL_OUT);
                    Map<String, Variant> byName = new HashMap<>();
                    for (Variant x : l) {
                        byName.put(x.name(), x);
                    }
                    List<Variant> ordered = new ArrayList<>();
                    for (Study st : s.studies()) {
                        for (EvidenceModel em : st.evidence()) {
                            ordered.add(byName.get("without " + st.id() + "/" + em.id()));
                        }
                    }
                    variants.get(ei).put(AnalysisKind.LEAVE_ONE_EVIDENCE_MODEL_OUT, ordered);
                }
            }
        }

        private void inclusionRules(List<String> names, List<Set<String>> excluded, List<String> notApplicable) {
            for (double t : plan.beliefThresholds()) {
                String name = "belief>=" + factor(t);
                names.add(name);
                Set<String> out = new HashSet<>();
                List<String> unknown = new ArrayList<>();
                for (StudyResult sr : base.studies()) {
                    if (!sr.beliefKnown()) {
                        unknown.add(sr.study());
                    } else if (sr.belief() < t) {
                        out.add(sr.study());
                    }
                }
                excluded.add(out);
                notApplicable.add(unknown.isEmpty() ? null : "no study belief B for " + String.join(", ", unknown));
            }
            for (List<String> types : plan.studyTypes()) {
                String name = "types=" + String.join(",", types);
                names.add(name);
                List<String> unknown = new ArrayList<>();
                for (String t : types) {
                    if (!p.bands().bands().containsKey(t)) {
                        unknown.add(t);
                    }
                }
                Set<String> out = new HashSet<>();
                for (Study st : s.studies()) {
                    if (!types.contains(st.type())) {
                        out.add(st.id());
                    }
                }
                excluded.add(out);
                notApplicable.add(unknown.isEmpty() ? null : "unknown study type " + String.join(", ", unknown)
                        + " (known: " + String.join(", ", p.bands().bands().keySet()) + ")");
            }
            if (plan.qualityItems()) {
                if (s.checklist().isEmpty()) {
                    names.add("quality items");
                    excluded.add(Set.of());
                    notApplicable.add("the synthesis has no quality checklist");
                } else {
                    for (String item : s.checklist().get().itemIds()) {
                        String name = "quality " + item + "!=no";
                        Set<String> out = new HashSet<>();
                        for (Study st : s.studies()) {
                            if (st.answers().get(item) == Answer.NO) {
                                out.add(st.id());
                            }
                        }
                        if (out.isEmpty()) {
                            skipped.add(name + ": no study answers item " + item + " 'no', so the rule leaves the"
                                    + " base result");
                            continue;
                        }
                        names.add(name);
                        excluded.add(out);
                        notApplicable.add(null);
                    }
                }
            }
        }

        /** Shared folds of an effect, when the rule and the conflict summary allow them. */
        private LeaveOutFolds folds(int ei) {
            MassFunction[] ms = masses.get(ei);
            if (full || !LeaveOutFolds.associative(p.rule()) || ms.length < 3) {
                return null;
            }
            for (Finding f : effects.get(ei).findings()) {
                if (f.mass() >= 1.0) {
                    return null; // a certain finding can meet total conflict; fold step by step
                }
            }
            try {
                return new LeaveOutFolds(p.rule(), Arrays.asList(ms));
            } catch (TotalConflictException ex) {
                return null;
            }
        }

        /** The variant without the findings at the given positions of the base effect. */
        private Variant removal(int ei, AnalysisKind a, String name, List<Integer> positions, LeaveOutFolds folds,
                Map<String, List<Integer>> byStudy) {
            EffectResult e = effects.get(ei);
            if (positions == null || positions.isEmpty()) {
                return baseVariants.get(ei).renamed(a, name);
            }
            List<Finding> fs = e.findings();
            int findings = fs.size() - positions.size();
            // studies left: those with a finding not removed (counted over the removed ones only)
            Map<String, Integer> removedPerStudy = new HashMap<>();
            for (int i : positions) {
                removedPerStudy.merge(fs.get(i).study(), 1, Integer::sum);
            }
            int studies = e.studies();
            for (Map.Entry<String, Integer> r : removedPerStudy.entrySet()) {
                if (r.getValue() == byStudy.get(r.getKey()).size()) {
                    studies--;
                }
            }
            if (findings == 0) {
                return noFindings(a, name);
            }
            if (folds != null) {
                int[] r = positions.stream().mapToInt(Integer::intValue).sorted().toArray();
                try {
                    LeaveOutFolds.Result res = folds.without(r);
                    return variant(a, name, e, res.result(), res.steps(), res.lastConflict(), null, findings,
                            studies);
                } catch (TotalConflictException ex) {
                    // fall through: the step-by-step fold names the operands
                }
            }
            Set<Integer> removed = new HashSet<>(positions);
            List<Finding> keep = new ArrayList<>(findings);
            List<MassFunction> ms = new ArrayList<>(findings);
            for (int i = 0; i < fs.size(); i++) {
                if (!removed.contains(i)) {
                    keep.add(fs.get(i));
                    ms.add(masses.get(ei)[i]);
                }
            }
            return sequential(a, name, e, keep, ms, p, studies);
        }

        // ---- variants that change the policies or the findings ----

        private void rules() {
            for (CombinationRule r : RULES) {
                Policies q = p.withRule(r);
                for (int ei = 0; ei < effects.size(); ei++) {
                    EffectResult e = effects.get(ei);
                    if (r == p.rule()) {
                        add(ei, AnalysisKind.RULE, baseVariants.get(ei).renamed(AnalysisKind.RULE, "rule=" + r.id()));
                        continue;
                    }
                    add(ei, AnalysisKind.RULE, sequential(AnalysisKind.RULE, "rule=" + r.id(), e, e.findings(),
                            Arrays.asList(masses.get(ei)), q, e.studies()));
                }
            }
        }

        private void selectors() {
            for (ResultSelector sel : ResultSelector.values()) {
                String name = "selector=" + sel.id();
                for (int ei = 0; ei < effects.size(); ei++) {
                    EffectResult e = effects.get(ei);
                    if (e.combination().isEmpty()) {
                        add(ei, AnalysisKind.SELECTOR, noFindings(AnalysisKind.SELECTOR, name));
                        continue;
                    }
                    var c = e.combination().get();
                    add(ei, AnalysisKind.SELECTOR, variant(AnalysisKind.SELECTOR, name, e, c.result(),
                            c.steps().size(), c.lastConflict(), full ? c.conflicts() : null, e.findings().size(),
                            e.studies(), p.withSelector(sel)));
                }
            }
        }

        private void assignments() {
            Optional<String> noBelief = Synthesizer.beliefMissing(new Synthesizer.Prepared(base.studies(),
                    base.findings(), base.dropped()));
            for (MassAssignment a : MassAssignment.values()) {
                String name = "assignment=" + a.id();
                if (a.fromStudyBelief() && noBelief.isPresent()) {
                    notApplicable(AnalysisKind.ASSIGNMENT, name, "the " + a.id() + " assignment needs B: "
                            + noBelief.get());
                    continue;
                }
                if (a == p.assignment()) {
                    for (int ei = 0; ei < effects.size(); ei++) {
                        add(ei, AnalysisKind.ASSIGNMENT, baseVariants.get(ei).renamed(AnalysisKind.ASSIGNMENT, name));
                    }
                    continue;
                }
                prepared(AnalysisKind.ASSIGNMENT, name, s.withPolicies(p.withAssignment(a)), null);
            }
        }

        private void discountFactors() {
            boolean anyDiscount = false;
            for (Finding f : base.findings()) {
                anyDiscount |= f.discount().isPresent();
            }
            DiscountPolicy d = p.discount();
            for (double f : plan.discountFactors()) {
                String name = "discount-factor=" + factor(f);
                if (!anyDiscount) {
                    notApplicable(AnalysisKind.DISCOUNT_FACTOR, name, "every finding gives its mass directly, so no"
                            + " discount for spread applies");
                    continue;
                }
                prepared(AnalysisKind.DISCOUNT_FACTOR, name, s.withPolicies(p.withDiscount(
                        new DiscountPolicy(f, d.decimals(), d.massDecimals()))), null);
            }
        }

        private void cutPoints() {
            Set<String> families = new LinkedHashSet<>();
            for (Effect e : s.effects()) {
                families.add(e.family());
            }
            for (String family : families) {
                CutPoints cuts = p.cuts(family);
                for (int i = 1; i <= 6; i++) {
                    for (double f : plan.cutFactors()) {
                        String name = "cuts=" + family + ":c" + i + "*" + factor(f);
                        CutPoints changed = cuts.scaled(i, f);
                        if (changed == null) {
                            skipped.add(name + ": c" + i + " × " + factor(f) + " = " + factor(cuts.cut(i) * f)
                                    + " breaks the increasing order of the " + family + " cut points");
                            continue;
                        }
                        cutFactor.put(name, f);
                        prepared(AnalysisKind.CUT_POINTS, name, s.withPolicies(p.withCutPoints(changed)), family);
                    }
                }
            }
        }

        private void subgroups() {
            for (SensitivityPlan.Subgroups g : plan.subgroups()) {
                for (Map.Entry<String, Condition> grp : groups(s, g).entrySet()) {
                    prepared(AnalysisKind.SUBGROUP, "subgroup " + grp.getKey(),
                            s.withStudies(filter(s, g.moderator(), grp.getValue())), null);
                }
            }
        }

        private void notApplicable(AnalysisKind a, String name, String why) {
            for (int ei = 0; ei < effects.size(); ei++) {
                add(ei, a, Variant.notComputed(a, name, Variant.Status.NOT_APPLICABLE, why));
            }
        }

        /** Prepares a changed synthesis once and folds each effect (only {@code family}'s, if given). */
        private void prepared(AnalysisKind a, String name, Synthesis v, String family) {
            Synthesizer.Prepared prep;
            try {
                prep = Synthesizer.prepare(v);
            } catch (EvidenceException ex) {
                for (int ei = 0; ei < effects.size(); ei++) {
                    if (family == null || effects.get(ei).effect().family().equals(family)) {
                        add(ei, a, failed(a, name, ex.getMessage()));
                    }
                }
                return;
            }
            Map<String, List<Finding>> byEffect = new HashMap<>();
            for (Finding f : prep.findings()) {
                byEffect.computeIfAbsent(f.effect(), k -> new ArrayList<>()).add(f);
            }
            for (int ei = 0; ei < effects.size(); ei++) {
                EffectResult e = effects.get(ei);
                if (family != null && !e.effect().family().equals(family)) {
                    continue;
                }
                List<Finding> fs = byEffect.getOrDefault(e.effect().id(), List.of());
                List<MassFunction> ms = new ArrayList<>(fs.size());
                Set<String> studies = new HashSet<>();
                for (Finding f : fs) {
                    ms.add(MassFunction.simpleSupport(SsmScale.FRAME, f.intensity().mask(), f.mass()));
                    studies.add(f.study());
                }
                add(ei, a, sequential(a, name, e, fs, ms, v.policies(), studies.size()));
            }
        }

        // ---- dependence ----

        private void dependence() {
            for (int ei = 0; ei < effects.size(); ei++) {
                EffectResult e = effects.get(ei);
                Map<String, List<Integer>> byStudy = new LinkedHashMap<>();
                List<Finding> fs = e.findings();
                for (int i = 0; i < fs.size(); i++) {
                    byStudy.computeIfAbsent(fs.get(i).study(), k -> new ArrayList<>()).add(i);
                }
                add(ei, AnalysisKind.DEPENDENCE, perStudy(ei, byStudy, false));
                add(ei, AnalysisKind.DEPENDENCE, perStudy(ei, byStudy, true));
                List<Finding> strongest = new ArrayList<>();
                List<MassFunction> ms = new ArrayList<>();
                for (List<Integer> idx : byStudy.values()) {
                    int best = idx.get(0);
                    for (int i : idx) {
                        if (fs.get(i).mass() > fs.get(best).mass()) {
                            best = i;
                        }
                    }
                    strongest.add(fs.get(best));
                    ms.add(masses.get(ei)[best]);
                }
                add(ei, AnalysisKind.DEPENDENCE, sequential(AnalysisKind.DEPENDENCE, "dependence=strongest-per-study",
                        e, strongest, ms, p, strongest.size()));
            }
        }

        /**
         * One function per study, then the studies combined by the rule: either the study's findings
         * combined by the rule first (under Dempster's rule this equals the base result, since the rule
         * is associative), or their average (each study counts once and its configurations do not
         * reinforce each other: this exposes the inflation from treating them as independent).
         */
        private Variant perStudy(int ei, Map<String, List<Integer>> byStudy, boolean average) {
            EffectResult e = effects.get(ei);
            String name = average ? "dependence=study-averaged" : "dependence=study-combined";
            if (byStudy.isEmpty()) {
                return noFindings(AnalysisKind.DEPENDENCE, name);
            }
            try {
                List<MassFunction> perStudy = new ArrayList<>();
                int findings = 0;
                for (List<Integer> idx : byStudy.values()) {
                    List<MassFunction> ms = new ArrayList<>();
                    for (int i : idx) {
                        ms.add(masses.get(ei)[i]);
                        findings++;
                    }
                    perStudy.add(average ? CombinationRule.average(ms) : p.rule().foldQuietly(ms, false).result());
                }
                CombinationRule.Folded c = p.rule().foldQuietly(perStudy, full);
                Variant v = variant(AnalysisKind.DEPENDENCE, name, e, c.result(), c.steps(), c.lastConflict(),
                        c.conflicts(), findings, byStudy.size());
                return byStudy.size() == 1 ? withNote(v, "rests on one study") : v;
            } catch (EvidenceException ex) {
                return failed(AnalysisKind.DEPENDENCE, name, ex.getMessage());
            }
        }

        // ---- order dependence ----

        private List<OrderSpread> orders(int ei) {
            EffectResult e = effects.get(ei);
            MassFunction[] ms = masses.get(ei);
            int n = ms.length;
            List<OrderSpread> out = new ArrayList<>();
            if (n == 0) {
                return out;
            }
            for (CombinationRule r : ORDER_RULES) {
                Policies q = p.withRule(r);
                try {
                    if (n == 1) {
                        Selection sel = q.selector().select(ms[0]);
                        out.add(new OrderSpread(r, true, 1, 0, 0, 0, 0, sel.belief(), sel.belief(),
                                Map.of(sel.set(), 1L), "one finding: one order"));
                    } else if (r == CombinationRule.MURPHY) {
                        CombinationRule.Folded f = r.foldQuietly(Arrays.asList(ms), false);
                        Selection sel = q.selector().select(f.result());
                        out.add(new OrderSpread(r, true, factorial(n), 0, f.lastConflict(), f.lastConflict(),
                                f.lastConflict(), sel.belief(), sel.belief(), Map.of(sel.set(), 1L),
                                "order-free: the average of the findings does not depend on their order"));
                    } else if (LeaveOutFolds.associative(r)) {
                        out.add(associativeOrders(r, q, ms));
                    } else {
                        out.add(sampledOrders(r, q, ms, ei));
                    }
                } catch (EvidenceException ex) {
                    out.add(new OrderSpread(r, false, 0, 0, 0, 0, 0, 0, 0, Map.of(), "failed: " + ex.getMessage()));
                }
            }
            return out;
        }

        /**
         * Under an associative and commutative rule the result is the same in every order, and the last
         * step's K depends only on which finding comes last: K(fold of the others, that finding). So the
         * n values cover all n! orders.
         */
        private OrderSpread associativeOrders(CombinationRule r, Policies q, MassFunction[] ms) {
            int n = ms.length;
            LeaveOutFolds folds = new LeaveOutFolds(r, Arrays.asList(ms));
            CombinationRule.Folded inOrder = r.foldQuietly(Arrays.asList(ms), false);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double k = r.combine(folds.allBut(i), ms[i]).conflict();
                min = Math.min(min, k);
                max = Math.max(max, k);
            }
            Selection sel = q.selector().select(inOrder.result());
            return new OrderSpread(r, true, factorial(n), 0, inOrder.lastConflict(), min, max, sel.belief(),
                    sel.belief(), Map.of(sel.set(), factorial(n)), "every order: the result does not depend on"
                            + " the order; the last K only on which of the " + n + " findings comes last");
        }

        private OrderSpread sampledOrders(CombinationRule r, Policies q, MassFunction[] ms, int ei) {
            int n = ms.length;
            boolean all = n <= ALL_ORDERS_UP_TO;
            long cap = Math.max(10L, ORDER_STEP_BUDGET / n);
            int sample = (int) Math.min(plan.orderSample(), cap);
            CombinationRule.Folded inOrder = r.foldQuietly(Arrays.asList(ms), false);
            double[] acc = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
            Map<Long, Long> hyps = new LinkedHashMap<>();
            Selection base0 = q.selector().select(inOrder.result());
            hyps.put(base0.set(), 0L);
            long tried = 0;
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            if (all) {
                // Heap's algorithm: every permutation once
                int[] c = new int[n];
                tried += tryOrder(r, q, ms, perm, acc, hyps);
                int i = 0;
                while (i < n) {
                    if (c[i] < i) {
                        swap(perm, i % 2 == 0 ? 0 : c[i], i);
                        tried += tryOrder(r, q, ms, perm, acc, hyps);
                        c[i]++;
                        i = 0;
                    } else {
                        c[i] = 0;
                        i++;
                    }
                }
            } else {
                tried += tryOrder(r, q, ms, perm, acc, hyps); // the combination order itself
                SplittableRandom rnd = new SplittableRandom(plan.seed() * 31 + ei);
                for (int t = 1; t < sample; t++) {
                    for (int i = n - 1; i > 0; i--) {
                        swap(perm, i, rnd.nextInt(i + 1));
                    }
                    tried += tryOrder(r, q, ms, perm, acc, hyps);
                }
            }
            String note = all ? "every order (" + tried + ")"
                    : "a seeded sample of " + tried + " orders, the combination order first"
                            + (sample < plan.orderSample() ? " (capped at " + ORDER_STEP_BUDGET
                                    + " combination steps per effect and rule)" : "");
            return new OrderSpread(r, all, tried, all ? 0 : plan.seed(), inOrder.lastConflict(), acc[0], acc[1],
                    acc[2], acc[3], hyps, note);
        }

        private static long tryOrder(CombinationRule r, Policies q, MassFunction[] ms, int[] perm, double[] acc,
                Map<Long, Long> hyps) {
            List<MassFunction> l = new ArrayList<>(ms.length);
            for (int i : perm) {
                l.add(ms[i]);
            }
            CombinationRule.Folded f = r.foldQuietly(l, false);
            Selection sel = q.selector().select(f.result());
            acc[0] = Math.min(acc[0], f.lastConflict());
            acc[1] = Math.max(acc[1], f.lastConflict());
            acc[2] = Math.min(acc[2], sel.belief());
            acc[3] = Math.max(acc[3], sel.belief());
            hyps.merge(sel.set(), 1L, Long::sum);
            return 1;
        }

        private static void swap(int[] a, int i, int j) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }

        private static long factorial(int n) {
            long f = 1;
            for (int i = 2; i <= n; i++) {
                if (f > Long.MAX_VALUE / i) {
                    return Long.MAX_VALUE;
                }
                f *= i;
            }
            return f;
        }

        // ---- cumulative synthesis ----

        /** Studies in publication order if every study's citation gives a year, else in combination order. */
        private List<String> cumulativeOrder() {
            Map<String, Integer> first = new LinkedHashMap<>();
            int i = 0;
            for (Finding f : base.findings()) {
                first.putIfAbsent(f.study(), i++);
            }
            for (Study st : s.studies()) {
                first.putIfAbsent(st.id(), i++);
            }
            List<String> ids = new ArrayList<>(first.keySet());
            if (missingYears().isEmpty()) {
                ids.sort((a, b) -> {
                    int c = Integer.compare(plan.years().get(a), plan.years().get(b));
                    return c != 0 ? c : Integer.compare(first.get(a), first.get(b));
                });
            }
            return ids;
        }

        private List<String> missingYears() {
            List<String> missing = new ArrayList<>();
            for (Study st : s.studies()) {
                if (!plan.years().containsKey(st.id())) {
                    missing.add(st.id());
                }
            }
            return missing;
        }

        private String cumulativeBasis(List<String> order) {
            List<String> missing = missingYears();
            if (missing.isEmpty()) {
                return "publication year from the citations, ties in combination order";
            }
            if (missing.size() == s.studies().size()) {
                return "combination order (no study's citation gives a year)";
            }
            return "combination order (no citation year for " + String.join(", ", missing) + ")";
        }

        private List<CumulativeStep> cumulative(int ei, List<String> order) {
            EffectResult e = effects.get(ei);
            List<Finding> fs = e.findings();
            Map<String, List<Integer>> byStudy = new HashMap<>();
            for (int i = 0; i < fs.size(); i++) {
                byStudy.computeIfAbsent(fs.get(i).study(), k -> new ArrayList<>()).add(i);
            }
            List<CumulativeStep> out = new ArrayList<>();
            MassFunction acc = null;
            List<MassFunction> sofar = new ArrayList<>();
            double lastK = 0.0;
            int findings = 0;
            int studies = 0;
            Long previous = null;
            CombinationRule r = p.rule();
            try {
                for (String id : order) {
                    List<Integer> idx = byStudy.get(id);
                    if (idx == null) {
                        continue;
                    }
                    for (int i : idx) {
                        MassFunction m = masses.get(ei)[i];
                        findings++;
                        if (r == CombinationRule.MURPHY) {
                            sofar.add(m);
                        } else if (acc == null) {
                            acc = m;
                        } else {
                            CombinationStep st = r.combine(acc, m);
                            acc = st.result();
                            lastK = st.conflict();
                        }
                    }
                    studies++;
                    if (r == CombinationRule.MURPHY) {
                        CombinationRule.Folded f = r.foldQuietly(sofar, false);
                        acc = f.result();
                        lastK = f.lastConflict();
                    }
                    Selection sel = p.selector().select(acc);
                    Integer year = plan.years().get(id);
                    out.add(new CumulativeStep(id, year == null ? OptionalInt.empty() : OptionalInt.of(year),
                            Optional.of(sel.set()), sel.belief(), sel.plausibility(), findings, studies, lastK,
                            previous != null && previous != sel.set()));
                    previous = sel.set();
                }
            } catch (EvidenceException ex) {
                // total conflict part-way: the steps so far stand; the base synthesis would have failed
                return out;
            }
            return out;
        }

        // ---- making variants ----

        private Variant baseVariant(EffectResult e) {
            if (e.combination().isEmpty()) {
                return noFindings(AnalysisKind.LEAVE_ONE_STUDY_OUT, "base");
            }
            var c = e.combination().get();
            return variant(AnalysisKind.LEAVE_ONE_STUDY_OUT, "base", e, c.result(), c.steps().size(),
                    c.lastConflict(), full ? c.conflicts() : null, e.findings().size(), e.studies());
        }

        /** Folds findings step by step under policies {@code q}. */
        private Variant sequential(AnalysisKind a, String name, EffectResult baseEffect, List<Finding> fs,
                List<MassFunction> ms, Policies q, int studies) {
            if (fs.isEmpty()) {
                return noFindings(a, name);
            }
            CombinationRule.Folded f;
            try {
                f = q.rule().foldQuietly(ms, full);
            } catch (EvidenceException ex) {
                String why = ex.getMessage();
                try {
                    Synthesizer.aggregate(baseEffect.effect(), fs, q, Optional.empty());
                } catch (EvidenceException named) {
                    why = named.getMessage();
                }
                return failed(a, name, why);
            }
            Variant v = variant(a, name, baseEffect, f.result(), f.steps(), f.lastConflict(), f.conflicts(), fs.size(),
                    studies, q);
            return (a == AnalysisKind.SUBGROUP || a == AnalysisKind.INCLUSION) && studies == 1
                    ? withNote(v, "rests on one study") : v;
        }

        private Variant variant(AnalysisKind a, String name, EffectResult baseEffect, MassFunction result, int steps,
                double lastK, double[] ks, int findings, int studies) {
            Variant v = variant(a, name, baseEffect, result, steps, lastK, ks, findings, studies, p);
            return (a == AnalysisKind.INCLUSION) && studies == 1 ? withNote(v, "rests on one study") : v;
        }

        private Variant variant(AnalysisKind a, String name, EffectResult baseEffect, MassFunction result, int steps,
                double lastK, double[] ks, int findings, int studies, Policies q) {
            Selection sel = q.selector().select(result);
            boolean flips = baseEffect.selection().map(b -> b.set() != sel.set()).orElse(true);
            OptionalDouble empty = q.rule() == CombinationRule.CONJUNCTIVE ? OptionalDouble.of(result.emptyMass())
                    : OptionalDouble.empty();
            return new Variant(a, name, Variant.Status.COMPUTED, Optional.of(sel.set()), sel.belief(),
                    sel.plausibility(), steps, lastK, full ? Optional.of(ks == null ? new double[0] : ks)
                            : Optional.empty(), empty, findings, studies, flips, "");
        }

        private static Variant withNote(Variant v, String note) {
            return new Variant(v.analysis(), v.name(), v.status(), v.hypothesis(), v.belief(), v.plausibility(),
                    v.steps(), v.lastConflict(), v.conflicts(), v.emptyMass(), v.findings(), v.studies(), v.flips(),
                    note);
        }

        private Variant noFindings(AnalysisKind a, String name) {
            return new Variant(a, name, Variant.Status.COMPUTED, Optional.empty(), 0.0, 0.0, 0, 0.0,
                    full ? Optional.of(new double[0]) : Optional.empty(), OptionalDouble.empty(), 0, 0, false,
                    "no findings");
        }

        private static Variant failed(AnalysisKind analysis, String name, String why) {
            return Variant.notComputed(analysis, name, Variant.Status.FAILED, why);
        }
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
}
