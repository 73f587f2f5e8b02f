package org.ssmworkbench.core.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectInput;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisException;
import org.ssmworkbench.core.synthesis.Synthesizer;

/**
 * The mass-assignment variants on findings given directly (intensity and mass, as imported), worked
 * by hand. S1 (B = 0.6) has three evidence models, two on accuracy (WN, masses 0.3 and 0.5) and one
 * on latency only; S2 (B = 0.5) has one (IF, mass 0.2). N counts every evidence model of the study,
 * so N = 3 for S1 although only two of its models report accuracy.
 */
class AssignmentVariantsTest {

    private static final Effect ACCURACY = new Effect("accuracy", "Accuracy", "correctness", Direction.HIGHER_IS_BETTER);
    private static final Effect LATENCY = new Effect("latency", "Latency", "resource", Direction.LOWER_IS_BETTER);

    private static EffectInput direct(Intensity i, double mass) {
        return new EffectInput.Direct(i, mass, EffectInput.Recorded.NONE);
    }

    private static EvidenceModel model(String id, String effect, EffectInput in) {
        Map<String, EffectInput> m = new LinkedHashMap<>();
        m.put(effect, in);
        return new EvidenceModel(id, id, Map.of(), "", m);
    }

    private static Synthesis synthesis(OptionalDouble beliefOfS2, MassAssignment a) {
        Study s1 = new Study("S1", "quasi-experiment", Map.of(), OptionalDouble.of(0.6), List.of(
                model("e1", "accuracy", direct(Intensity.WN, 0.3)),
                model("e2", "accuracy", direct(Intensity.WN, 0.5)),
                model("e3", "latency", direct(Intensity.SP, 0.4))));
        Study s2 = new Study("S2", "observational", Map.of(), beliefOfS2, List.of(
                model("e1", "accuracy", direct(Intensity.IF, 0.2))));
        return new Synthesis("t", "test", "q", "x", List.of(ACCURACY, LATENCY), List.of(), Optional.empty(),
                List.of(s1, s2), Policies.quantization().withAssignment(a), Map.of());
    }

    private static Variant variant(SensitivityResult r, String effect, String name) {
        return r.effect(effect).orElseThrow().variants().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void directFindingsKeepTheirIntensityAndTakeTheAssignedMass() {
        double third = 1 - Math.pow(0.4, 1.0 / 3);
        for (Object[] c : new Object[][] {
            {MassAssignment.PUBLISHED, 0.3, 0.5, 0.4, 0.2},
            {MassAssignment.UNDISCOUNTED_UNSPLIT, 0.6, 0.6, 0.6, 0.5},
            {MassAssignment.MASS_PRESERVING_SPLIT, third, third, third, 0.5},
            {MassAssignment.EQUITABLE_SPLIT, 0.2, 0.2, 0.2, 0.5}}) {
            List<Finding> fs = Synthesizer.prepare(synthesis(OptionalDouble.of(0.5), (MassAssignment) c[0])).findings();
            assertThat(fs).extracting(Finding::key).containsExactly("S1/e1", "S1/e2", "S1/e3", "S2/e1");
            assertThat(fs).extracting(Finding::intensity)
                    .containsExactly(Intensity.WN, Intensity.WN, Intensity.SP, Intensity.IF);
            for (int i = 0; i < 4; i++) {
                assertThat(fs.get(i).mass()).as(c[0] + " " + fs.get(i).key()).isCloseTo((double) c[i + 1], within(1e-15));
            }
        }
    }

    @Test
    void theThreeAssignmentVariantsAsWorkedByHand() {
        SensitivityResult r = SensitivityAnalysis.run(synthesis(OptionalDouble.of(0.5), MassAssignment.PUBLISHED),
                SensitivityPlan.defaults());
        // published (base): WN .3 ⊕ WN .5 = WN .65; ⊕ IF .2: K = .13, WN = .52/.87
        Variant pub = variant(r, "accuracy", "assignment=published");
        assertThat(pub.hypothesis()).contains(SsmScale.WN);
        assertThat(pub.belief()).isCloseTo(52.0 / 87, within(1e-12));
        assertThat(pub.steps()).isEqualTo(2);
        assertThat(pub.lastConflict()).isCloseTo(0.13, within(1e-12));

        // undiscounted-unsplit: WN .6 ⊕ WN .6 = WN .84; ⊕ IF .5: K = .42, WN = .42/.58 = 21/29
        Variant unsplit = variant(r, "accuracy", "assignment=undiscounted-unsplit");
        assertThat(unsplit.status()).isEqualTo(Variant.Status.COMPUTED);
        assertThat(unsplit.hypothesis()).contains(SsmScale.WN);
        assertThat(unsplit.belief()).isCloseTo(21.0 / 29, within(1e-12));
        assertThat(unsplit.lastConflict()).isCloseTo(0.42, within(1e-12));
        assertThat(unsplit.flips()).isFalse();

        // mass-preserving split, s = 1 − 0.4^(1/3) for S1: WN = 1 − 0.4^(2/3) after two steps;
        // ⊕ IF .5: K = WN/2, IF = 0.4^(2/3)/2 / (1 − K), which now beats WN
        double wn = 1 - Math.pow(0.4, 2.0 / 3);
        double k = wn * 0.5;
        Variant mp = variant(r, "accuracy", "assignment=mass-preserving-split");
        assertThat(mp.hypothesis()).contains(SsmScale.IF);
        assertThat(mp.belief()).isCloseTo((1 - wn) * 0.5 / (1 - k), within(1e-12));
        assertThat(mp.lastConflict()).isCloseTo(k, within(1e-12));
        assertThat(mp.flips()).isTrue();

        // equitable split, s = 0.6/3 = .2 for S1: WN .36; ⊕ IF .5: K = .18, IF = .32/.82 = 16/41
        Variant eq = variant(r, "accuracy", "assignment=equitable-split");
        assertThat(eq.hypothesis()).contains(SsmScale.IF);
        assertThat(eq.belief()).isCloseTo(16.0 / 41, within(1e-12));
        assertThat(eq.lastConflict()).isCloseTo(0.18, within(1e-12));
        assertThat(eq.flips()).isTrue();

        // latency: one finding of S1, SP with the assigned mass
        assertThat(variant(r, "latency", "assignment=equitable-split").belief()).isCloseTo(0.2, within(1e-12));
        assertThat(variant(r, "latency", "assignment=published").belief()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void anAssignmentThatNeedsAnUnknownBeliefIsReportedNotApplicable() {
        Synthesis s = synthesis(OptionalDouble.empty(), MassAssignment.PUBLISHED);
        SensitivityResult r = SensitivityAnalysis.run(s, SensitivityPlan.defaults());
        assertThat(r.base().study("S2").orElseThrow().beliefKnown()).isFalse();
        assertThat(variant(r, "accuracy", "assignment=published").status()).isEqualTo(Variant.Status.COMPUTED);
        for (String a : List.of("undiscounted-unsplit", "mass-preserving-split", "equitable-split")) {
            for (String effect : List.of("accuracy", "latency")) {
                Variant v = variant(r, effect, "assignment=" + a);
                assertThat(v.status()).as(a).isEqualTo(Variant.Status.NOT_APPLICABLE);
                assertThat(v.hypothesis()).isEmpty();
                assertThat(v.flips()).isFalse();
                assertThat(v.note()).startsWith("not applicable: the " + a + " assignment needs B")
                        .contains("no study belief B for S2");
            }
        }
        assertThatThrownBy(() -> Synthesizer.run(s.withPolicies(s.policies()
                .withAssignment(MassAssignment.EQUITABLE_SPLIT))))
                .isInstanceOf(SynthesisException.class)
                .hasMessageContaining("study S2: the equitable-split assignment needs the study belief B");
    }
}
