package org.ssmworkbench.core.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.ssm.Intensity;

/**
 * The worked examples of docs/method-statistics.md, computed by hand there and checked here.
 */
class DesignsTest {

    private static final SpreadPolicy SAMPLE = SpreadPolicy.standard();
    private static final SpreadPolicy ESTIMATE = new SpreadPolicy(SpreadPolicy.NORMAL_IQR, SpreadPolicy.Basis.ESTIMATE);
    private static final DiscountPolicy DISCOUNT = DiscountPolicy.quantization();

    // Worked example 2: solo programmers n = 10, mean 60 min, SD 12; pairs n = 10, mean 45, SD 9 (duration).
    private static final GroupSummary SOLO = GroupSummary.ofMean(10, 60, 12);
    private static final GroupSummary PAIRS = GroupSummary.ofMean(10, 45, 9);

    @Test
    void normalIqrIsTwiceTheUpperQuartileOfTheStandardNormal() {
        assertThat(SpreadPolicy.NORMAL_IQR).isCloseTo(1.348979500392163, within(1e-15));
    }

    @Test
    void riSummaryWithAnSdTakesTheNormalIqr() {
        // mean 12 %, SD 8, n 20: IQR = 1.349 × 8 = 10.7918; d = 1 − exp(−0.1 × 10.7918 / 12) = 0.086
        Designs.Derived r = Designs.riWithSd(OptionalLong.of(20), 12, 8, SAMPLE);
        assertThat(r.spread()).isCloseTo(10.791836, within(1e-6));
        assertThat(r.statistics().orElseThrow().iqr()).isCloseTo(10.791836, within(1e-6));
        assertThat(DISCOUNT.discount(r.location(), r.spread())).isEqualTo(0.086);
        assertThat(r.derivation().notes()).anyMatch(n -> n.contains("1.349 × SD"));
        // estimate basis: spread 10.7918 / √20 = 2.413128; d = 1 − exp(−0.0201094) = 0.020
        Designs.Derived e = Designs.riWithSd(OptionalLong.of(20), 12, 8, ESTIMATE);
        assertThat(e.spread()).isCloseTo(2.413128, within(1e-6));
        assertThat(DISCOUNT.discount(e.location(), e.spread())).isEqualTo(0.020);
    }

    @Test
    void estimateBasisNeedsN() {
        assertThatThrownBy(() -> Designs.riWithSd(OptionalLong.empty(), 12, 8, ESTIMATE))
                .hasMessageContaining("needs n");
    }

    @Test
    void twoGroupsAsRelativeImprovement() {
        // RI = (60 − 45) / 60 × 100 = 25; sd_RI = 100 × √(144 + 81) / 60 = 25; IQR_RI = 1.349 × 25 = 33.7245
        Designs.Derived r = Designs.groups(Direction.LOWER_IS_BETTER, SOLO, PAIRS, SAMPLE);
        assertThat(r.location()).isCloseTo(25.0, within(1e-12));
        assertThat(r.derivation().values().get("sd_ri")).isCloseTo(25.0, within(1e-12));
        assertThat(r.spread()).isCloseTo(33.724488, within(1e-6));
        // d = 1 − exp(−0.1 × 33.7245 / 25) = 1 − exp(−0.134898) = 0.126
        assertThat(DISCOUNT.discount(r.location(), r.spread())).isEqualTo(0.126);
        assertThat(CutPoints.resource().classify(r.location())).isEqualTo(Intensity.WP_PO);
        // estimate: sd = 100 × √(144/10 + 81/10) / 60 = 7.905694; IQR 10.664619
        Designs.Derived e = Designs.groups(Direction.LOWER_IS_BETTER, SOLO, PAIRS, ESTIMATE);
        assertThat(e.spread()).isCloseTo(10.664619, within(1e-6));
    }

    @Test
    void twoGroupsGivenAsMediansAndQuartiles() {
        // baseline median 50 [40, 64], treated 35 [30, 40], lower is better: RI = 30,
        // IQR_RI = 100 × √(24² + 10²) / 50 = 52; d = 1 − exp(−0.1 × 52 / 30) = 0.159
        Designs.Derived r = Designs.groups(Direction.LOWER_IS_BETTER, GroupSummary.ofMedian(12, 50, 40, 64),
                GroupSummary.ofMedian(12, 35, 30, 40), SAMPLE);
        assertThat(r.location()).isCloseTo(30.0, within(1e-12));
        assertThat(r.spread()).isCloseTo(52.0, within(1e-12));
        assertThat(DISCOUNT.discount(r.location(), r.spread())).isEqualTo(0.159);
        assertThat(r.derivation().notes()).anyMatch(n -> n.contains("medians"));
    }

    @Test
    void groupsThatDoNotMatchAreRejected() {
        assertThatThrownBy(() -> Designs.groups(Direction.HIGHER_IS_BETTER, GroupSummary.ofMean(5, 1, 1),
                GroupSummary.ofMedian(5, 1, 0, 2), SAMPLE)).hasMessageContaining("both give a mean, or both a median");
        assertThatThrownBy(() -> Designs.groups(Direction.HIGHER_IS_BETTER, GroupSummary.ofMean(5, 0, 1),
                GroupSummary.ofMean(5, 1, 1), SAMPLE)).hasMessageContaining("is 0");
        GroupSummary noSpread = new GroupSummary(5, OptionalDouble.of(3), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty());
        assertThatThrownBy(() -> Designs.groups(Direction.HIGHER_IS_BETTER, noSpread, noSpread, SAMPLE))
                .hasMessageContaining("standard deviation for both groups");
    }

    @Test
    void hedgesGOfTwoGroups() {
        // s_p = √((9·144 + 9·81) / 18) = √112.5 = 10.6066; d = (45 − 60) / 10.6066 = −√2;
        // J = 1 − 3 / (4·20 − 9) = 68/71; g = −1.354458; SE = J × √(20/100 + 2/40) = J × 0.5 = 0.478873
        EffectSize d = Designs.hedges(SOLO, PAIRS);
        assertThat(d.value()).isCloseTo(-Math.sqrt(2), within(1e-12));
        Designs.Derived r = Designs.effectSize(Direction.LOWER_IS_BETTER, d, SAMPLE);
        assertThat(r.derivation().values().get("j")).isCloseTo(68.0 / 71.0, within(1e-15));
        assertThat(r.derivation().values().get("g")).isCloseTo(-1.354458, within(1e-6));
        assertThat(r.derivation().values().get("se")).isCloseTo(0.478873, within(1e-6));
        // lower is better: the improvement is +1.354458 → strongly positive on the default |g| table
        assertThat(r.location()).isCloseTo(1.354458, within(1e-6));
        assertThat(CutPoints.standardized().classify(r.location())).isEqualTo(Intensity.SP);
        // spread 1.349 × √2 = 1.907745; d = 1 − exp(−0.1 × 1.907745 / 1.354455) = 0.131
        assertThat(r.spread()).isCloseTo(1.907745, within(1e-6));
        assertThat(DISCOUNT.discount(r.location(), r.spread())).isEqualTo(0.131);
    }

    @Test
    void cohensDWithGroupSizesIsCorrected() {
        // d = 0.5, n = 20 + 20: J = 1 − 3/151 = 0.980132, g = 0.490066,
        // SE = J × √(40/400 + 0.25/80) = J × 0.321131 = 0.314751 → {WP,PO}
        EffectSize es = new EffectSize(EffectSize.Kind.D, 0.5, OptionalLong.of(20), OptionalLong.of(20),
                OptionalDouble.empty());
        Designs.Derived r = Designs.effectSize(Direction.HIGHER_IS_BETTER, es, SAMPLE);
        assertThat(r.location()).isCloseTo(0.490066, within(1e-6));
        assertThat(r.derivation().values().get("se")).isCloseTo(0.314751, within(1e-6));
        assertThat(CutPoints.standardized().classify(r.location())).isEqualTo(Intensity.WP_PO);
    }

    @Test
    void hedgesGWithItsStandardError() {
        // g = 0.3, SE 0.2: weakly positive; estimate basis spread 1.349 × 0.2 = 0.269796,
        // d = 1 − exp(−0.1 × 0.269796 / 0.3) = 0.086
        EffectSize es = new EffectSize(EffectSize.Kind.G, 0.3, OptionalLong.empty(), OptionalLong.empty(),
                OptionalDouble.of(0.2));
        Designs.Derived r = Designs.effectSize(Direction.HIGHER_IS_BETTER, es, ESTIMATE);
        assertThat(CutPoints.standardized().classify(r.location())).isEqualTo(Intensity.WP);
        assertThat(r.spread()).isCloseTo(0.269796, within(1e-6));
        assertThat(DISCOUNT.discount(r.location(), r.spread())).isEqualTo(0.086);
    }

    @Test
    void effectSizesWithoutWhatTheCorrectionNeedsAreRejected() {
        assertThatThrownBy(() -> new EffectSize(EffectSize.Kind.D, 0.5, OptionalLong.empty(), OptionalLong.empty(),
                OptionalDouble.of(0.2))).hasMessageContaining("small-sample correction");
        assertThatThrownBy(() -> new EffectSize(EffectSize.Kind.G, 0.5, OptionalLong.empty(), OptionalLong.empty(),
                OptionalDouble.empty())).hasMessageContaining("group sizes");
        assertThatThrownBy(() -> new EffectSize(EffectSize.Kind.G, 0.5, OptionalLong.of(10), OptionalLong.empty(),
                OptionalDouble.empty())).hasMessageContaining("both group sizes");
    }

    @Test
    void theDefaultCutTableOnGFollowsCohensConventions() {
        CutPoints c = CutPoints.standardized();
        assertThat(c.classify(0.1)).isEqualTo(Intensity.IF);
        assertThat(c.classify(0.2)).isEqualTo(Intensity.IF_WP);
        assertThat(c.classify(-0.3)).isEqualTo(Intensity.WN);
        assertThat(c.classify(0.5)).isEqualTo(Intensity.WP_PO);
        assertThat(c.classify(0.6)).isEqualTo(Intensity.PO);
        assertThat(c.classify(-0.8)).isEqualTo(Intensity.SN_NE);
        assertThat(c.classify(0.9)).isEqualTo(Intensity.SP);
    }

    @Test
    void aSynthesisTakesGroupsAndEffectSizesWithTheirDerivation() {
        Effect duration = new Effect("duration", "Duration", "resource", Direction.LOWER_IS_BETTER);
        EvidenceModel em = new EvidenceModel("e1", "pairs vs solo", Map.of(), "", Map.of("duration",
                new EffectInput.FromGroups(SOLO, PAIRS, false, "groups", EffectInput.Recorded.NONE)));
        EvidenceModel eg = new EvidenceModel("e2", "pairs vs solo (g)", Map.of(), "", Map.of("duration",
                new EffectInput.FromGroups(SOLO, PAIRS, true, "groups", EffectInput.Recorded.NONE)));
        Study s = new Study("S1", "controlled-experiment", Map.of(), OptionalDouble.of(0.8), List.of(em, eg));
        Synthesis syn = new Synthesis("t", "t", "q", "pair programming", List.of(duration), List.of(),
                Optional.empty(), List.of(s), Policies.quantization(), Map.of());
        List<Finding> fs = Synthesizer.run(syn).findings();
        // RI 25 → {WP,PO}, s = 0.8 × (1 − 0.126) = 0.699; g 1.354 → SP, s = 0.8 × (1 − 0.131) = 0.695
        assertThat(fs.get(0).intensity()).isEqualTo(Intensity.WP_PO);
        assertThat(fs.get(0).mass()).isEqualTo(0.699);
        assertThat(fs.get(0).derivation().orElseThrow().design()).isEqualTo("groups");
        assertThat(fs.get(1).intensity()).isEqualTo(Intensity.SP);
        assertThat(fs.get(1).mass()).isEqualTo(0.695);
        assertThat(fs.get(1).statistics()).isEmpty();
        assertThat(fs.get(1).derivation().orElseThrow().values()).containsKeys("d", "j", "g", "se");
    }
}
