package org.ssmworkbench.core.whatif;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisException;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;

/**
 * Runs a {@link Scenario} over a saved synthesis (decision 0036): the same method as
 * {@link Synthesizer#run} on the synthesis with the scenario's studies and findings left out and its
 * policies in place, effect by effect, so that one effect's total conflict is reported on its line
 * instead of failing the whole scenario; then each effect's result is set beside the saved one.
 *
 * <p>Stateless and thread-safe.
 */
public final class WhatIf {

    private WhatIf() {
    }

    /**
     * The scenario's result and what it changes.
     *
     * @param saved    the saved synthesis' result (its {@code synthesis()} is what the scenario changes)
     * @param scenario the scenario
     * @throws SynthesisException when the scenario names a study, finding or cut-point family the
     *     synthesis does not have, or the synthesis cannot be prepared under it
     */
    public static WhatIfResult run(SynthesisResult saved, Scenario scenario) {
        Synthesis s = apply(saved.synthesis(), scenario);
        Synthesizer.Prepared prepared = Synthesizer.prepare(s);
        Map<String, List<Finding>> byEffect = new LinkedHashMap<>();
        for (Effect e : s.effects()) {
            byEffect.put(e.id(), new ArrayList<>());
        }
        for (Finding f : prepared.findings()) {
            byEffect.get(f.effect()).add(f);
        }
        Policies p = s.policies();
        List<EffectResult> results = new ArrayList<>();
        List<EffectChange> changes = new ArrayList<>();
        for (Effect e : s.effects()) {
            List<Finding> fs = byEffect.get(e.id());
            EffectResult before = saved.effect(e.id())
                    .orElseThrow(() -> new SynthesisException("the saved result has no effect '" + e.id() + "'"));
            EffectResult after;
            String failure = null;
            try {
                after = Synthesizer.aggregate(e, fs, p, Optional.ofNullable(s.published().get(e.id())));
            } catch (SynthesisException ex) {
                failure = ex.getMessage();
                after = new EffectResult(e, fs, Optional.empty(), Optional.empty(), studies(fs), Optional.empty(),
                        EffectResult.Change.NONE, Optional.ofNullable(s.published().get(e.id())));
            }
            results.add(after);
            changes.add(change(e, before, after, failure));
        }
        SynthesisResult r = new SynthesisResult(s, prepared.studies(), prepared.findings(), prepared.dropped(), results);
        return new WhatIfResult(scenario, r, changes);
    }

    /**
     * The synthesis as the scenario changes it.
     *
     * @throws SynthesisException naming what the scenario refers to that the synthesis lacks
     */
    public static Synthesis apply(Synthesis s, Scenario sc) {
        Set<String> studyIds = new HashSet<>();
        Set<FindingKey> findings = new HashSet<>();
        for (Study st : s.studies()) {
            studyIds.add(st.id());
            for (EvidenceModel em : st.evidence()) {
                for (String c : em.effects().keySet()) {
                    findings.add(new FindingKey(st.id(), em.id(), c));
                }
            }
        }
        for (String id : sc.studiesOff()) {
            if (!studyIds.contains(id)) {
                throw new SynthesisException("what-if: no study '" + id + "' in the synthesis");
            }
        }
        for (FindingKey k : sc.findingsOff()) {
            if (!findings.contains(k)) {
                throw new SynthesisException("what-if: no finding " + k + " in the synthesis (study/evidence:concept)");
            }
        }
        for (String family : sc.cuts().keySet()) {
            if (!s.policies().cutPoints().containsKey(family) && !family.equals(CutPoints.STANDARDIZED)) {
                throw new SynthesisException("what-if: no cut-point family '" + family + "' (known: "
                        + String.join(", ", s.policies().cutPoints().keySet()) + ")");
            }
        }
        List<Study> studies = new ArrayList<>();
        for (Study st : s.studies()) {
            if (sc.studiesOff().contains(st.id())) {
                continue;
            }
            studies.add(sc.findingsOff().isEmpty() ? st : withoutFindings(st, sc.findingsOff()));
        }
        return s.withStudies(studies).withPolicies(sc.policies(s.policies()));
    }

    private static Study withoutFindings(Study st, Set<FindingKey> off) {
        boolean any = false;
        List<EvidenceModel> models = new ArrayList<>();
        for (EvidenceModel em : st.evidence()) {
            Map<String, org.ssmworkbench.core.synthesis.EffectInput> kept = new LinkedHashMap<>();
            for (Map.Entry<String, org.ssmworkbench.core.synthesis.EffectInput> e : em.effects().entrySet()) {
                if (off.contains(new FindingKey(st.id(), em.id(), e.getKey()))) {
                    any = true;
                } else {
                    kept.put(e.getKey(), e.getValue());
                }
            }
            models.add(kept.size() == em.effects().size() ? em
                    : new EvidenceModel(em.id(), em.label(), em.moderators(), em.explanation(), kept));
        }
        return any ? new Study(st.id(), st.type(), st.answers(), st.explicitBelief(), models) : st;
    }

    private static EffectChange change(Effect e, EffectResult before, EffectResult after, String failure) {
        Optional<Selection> b = before.selection();
        Optional<Selection> a = after.selection();
        ChangeKind kind;
        if (failure != null) {
            kind = ChangeKind.FAILED;
        } else if (b.isPresent() && a.isEmpty()) {
            kind = ChangeKind.NO_FINDINGS;
        } else if (b.isEmpty() || a.isEmpty()) {
            // a scenario only leaves evidence out: an effect without findings before has none after
            kind = ChangeKind.UNCHANGED;
        } else if (b.get().set() != a.get().set()) {
            kind = ChangeKind.FLIPS;
        } else if (Math.abs(b.get().belief() - a.get().belief()) > ResultSelector.TIE_TOLERANCE) {
            kind = ChangeKind.BELIEF_CHANGES;
        } else {
            kind = ChangeKind.UNCHANGED;
        }
        return new EffectChange(e, kind, b, a, before.findings().size(), after.findings().size(), before.studies(),
                after.studies(), failure == null ? "" : failure);
    }

    private static int studies(List<Finding> fs) {
        Set<String> s = new HashSet<>();
        fs.forEach(f -> s.add(f.study()));
        return s.size();
    }
}
