package org.ssmworkbench.core.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectInput;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;

/**
 * Order dependence and cumulative synthesis on small cases worked by hand, and the shared leave-out
 * folds against step-by-step folds.
 */
class OrderAndCumulativeTest {

    private static final Effect ACCURACY = new Effect("accuracy", "Accuracy", "correctness", Direction.HIGHER_IS_BETTER);

    private static EvidenceModel model(String id, Intensity i, double mass) {
        Map<String, EffectInput> m = new LinkedHashMap<>();
        m.put("accuracy", new EffectInput.Direct(i, mass, EffectInput.Recorded.NONE));
        return new EvidenceModel(id, id, Map.of(), "", m);
    }

    /** S1: WN 0.5; S2: IF 0.5 twice, in that combination order. */
    private static Synthesis threeFindings() {
        Study s1 = new Study("S1", "quasi-experiment", Map.of(), OptionalDouble.of(0.6),
                List.of(model("e1", Intensity.WN, 0.5)));
        Study s2 = new Study("S2", "quasi-experiment", Map.of(), OptionalDouble.of(0.6),
                List.of(model("e1", Intensity.IF, 0.5), model("e2", Intensity.IF, 0.5)));
        return new Synthesis("t", "test", "q", "x", List.of(ACCURACY), List.of(), Optional.empty(), List.of(s1, s2),
                Policies.quantization(), Map.of());
    }

    private static OrderSpread spread(SensitivityResult r, CombinationRule rule) {
        return r.effect("accuracy").orElseThrow().orders().stream().filter(o -> o.rule() == rule).findFirst()
                .orElseThrow();
    }

    @Test
    void orderDependenceOfThreeFindingsAsWorkedByHand() {
        SensitivityResult r = SensitivityAnalysis.run(threeFindings(), SensitivityPlan.defaults());
        // Dempster: IF 0.6 in every order; the last K is 1/6 unless WN comes last (IF .75 ⊕ WN .5: K .375)
        OrderSpread d = spread(r, CombinationRule.DEMPSTER);
        assertThat(d.exhaustive()).isTrue();
        assertThat(d.orders()).isEqualTo(6);
        assertThat(d.minBelief()).isCloseTo(0.6, within(1e-12));
        assertThat(d.maxBelief()).isCloseTo(0.6, within(1e-12));
        assertThat(d.baseLastConflict()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(d.minLastConflict()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(d.maxLastConflict()).isCloseTo(0.375, within(1e-12));
        assertThat(d.hypothesisCanChange()).isFalse();
        // Yager, not associative: WN first or second → IF .5, K .125 (4 orders); WN last → IF .375, K .375 (2)
        OrderSpread y = spread(r, CombinationRule.YAGER);
        assertThat(y.exhaustive()).isTrue();
        assertThat(y.orders()).isEqualTo(6);
        assertThat(y.minBelief()).isCloseTo(0.375, within(1e-12));
        assertThat(y.maxBelief()).isCloseTo(0.5, within(1e-12));
        assertThat(y.minLastConflict()).isCloseTo(0.125, within(1e-12));
        assertThat(y.maxLastConflict()).isCloseTo(0.375, within(1e-12));
        assertThat(y.hypotheses()).containsExactly(Map.entry(SsmScale.IF, 6L));
        assertThat(spread(r, CombinationRule.MURPHY).note()).startsWith("order-free");
    }

    @Test
    void cumulativeSynthesisFollowsThePublicationYearAndElseTheCombinationOrder() {
        Synthesis s = threeFindings();
        // S2 (2019) before S1 (2021): IF .75 after S2, then ⊕ WN .5: K .375, IF .6
        SensitivityResult byYear = SensitivityAnalysis.run(s, SensitivityPlan.defaults()
                .withYears(Map.of("S1", 2021, "S2", 2019)));
        assertThat(byYear.cumulativeOrder()).containsExactly("S2", "S1");
        assertThat(byYear.cumulativeBasis()).startsWith("publication year");
        List<CumulativeStep> c = byYear.effect("accuracy").orElseThrow().cumulative();
        assertThat(c).extracting(CumulativeStep::study).containsExactly("S2", "S1");
        assertThat(c.get(0).hypothesis()).contains(SsmScale.IF);
        assertThat(c.get(0).belief()).isCloseTo(0.75, within(1e-12));
        assertThat(c.get(0).findings()).isEqualTo(2);
        assertThat(c.get(1).belief()).isCloseTo(0.6, within(1e-12));
        assertThat(c.get(1).lastConflict()).isCloseTo(0.375, within(1e-12));
        assertThat(c.get(1).changed()).isFalse();
        assertThat(byYear.effect("accuracy").orElseThrow().settledAfter()).isEqualTo(1);

        // one year missing: the combination order, S1 first: WN .5; then WN 1/3 = IF 1/3 → WN (earlier atom)
        // after S2's first finding, and IF .6 after its second: S2's step changes the hypothesis
        SensitivityResult noYear = SensitivityAnalysis.run(s, SensitivityPlan.defaults().withYears(Map.of("S1", 2021)));
        assertThat(noYear.cumulativeBasis()).isEqualTo("combination order (no citation year for S2)");
        List<CumulativeStep> d = noYear.effect("accuracy").orElseThrow().cumulative();
        assertThat(d).extracting(CumulativeStep::study).containsExactly("S1", "S2");
        assertThat(d.get(0).hypothesis()).contains(SsmScale.WN);
        assertThat(d.get(1).hypothesis()).contains(SsmScale.IF);
        assertThat(d.get(1).changed()).isTrue();
        assertThat(noYear.effect("accuracy").orElseThrow().settledAfter()).isEqualTo(2);
    }

    @Test
    void sharedLeaveOutFoldsEqualStepByStepFolds() {
        SplittableRandom rnd = new SplittableRandom(7);
        long[] sets = {SsmScale.WN, SsmScale.IF, Intensity.WN_IF.mask(), Intensity.IF_WP.mask(), SsmScale.WP};
        for (CombinationRule rule : List.of(CombinationRule.DEMPSTER, CombinationRule.CONJUNCTIVE)) {
            for (int trial = 0; trial < 200; trial++) {
                int n = 2 + rnd.nextInt(12);
                List<MassFunction> ms = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ms.add(MassFunction.simpleSupport(SsmScale.FRAME, sets[rnd.nextInt(sets.length)],
                            0.05 + 0.9 * rnd.nextDouble()));
                }
                LeaveOutFolds folds = new LeaveOutFolds(rule, ms);
                int k = 1 + rnd.nextInt(n);
                int[] removed = rnd.ints(0, n).distinct().limit(k).sorted().toArray();
                List<MassFunction> rest = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (java.util.Arrays.binarySearch(removed, i) < 0) {
                        rest.add(ms.get(i));
                    }
                }
                LeaveOutFolds.Result fast = folds.without(removed);
                if (rest.isEmpty()) {
                    assertThat(fast).isNull();
                    continue;
                }
                CombinationRule.Folded slow = rule.foldQuietly(rest, true);
                assertThat(fast.steps()).isEqualTo(slow.steps());
                assertThat(fast.lastConflict()).isCloseTo(slow.lastConflict(), within(1e-12));
                for (long set = 0; set < 128; set++) {
                    assertThat(fast.result().mass(set)).as(rule + " n=" + n + " without "
                            + java.util.Arrays.toString(removed)).isCloseTo(slow.result().mass(set), within(1e-12));
                }
            }
        }
    }
}
