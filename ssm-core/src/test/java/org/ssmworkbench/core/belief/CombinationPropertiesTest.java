package org.ssmworkbench.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;
import org.ssmworkbench.core.ssm.SsmScale;

/**
 * Algebraic properties of the combination rules and measures, on random valid mass functions: on the
 * SSM frame, on random frames of 1 to 12 atoms (dense accumulator) and on frames of 13 to 64 atoms
 * (hashed accumulator).
 */
class CombinationPropertiesTest {

    private static final double TOL = 1e-9;

    private static final Map<Integer, Frame> FRAMES = new HashMap<>();

    private static synchronized Frame frameOfSize(int n) {
        return FRAMES.computeIfAbsent(n, k -> Frame.of(
                IntStream.range(0, k).mapToObj(i -> "x" + i).collect(Collectors.toList())));
    }

    // ------------------------------------------------------------------ generators

    private static Arbitrary<Frame> smallFrames() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(SsmScale.FRAME)),
                Tuple.of(2, Arbitraries.integers().between(1, 12).map(CombinationPropertiesTest::frameOfSize)));
    }

    private static Arbitrary<Frame> largeFrames() {
        return Arbitraries.integers().between(13, 64).map(CombinationPropertiesTest::frameOfSize);
    }

    private static Arbitrary<Long> focalSets(Frame f, long alwaysIn) {
        Arbitrary<Long> any = f.size() == Frame.MAX_ATOMS
                ? Arbitraries.longs().filter(s -> s != 0L)
                : Arbitraries.longs().between(1L, f.theta());
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(f.theta())), Tuple.of(5, any))
                .map(s -> s | alwaysIn);
    }

    /** 1–6 distinct non-empty focal sets, masses from integer weights; the last takes 1 − the others. */
    private static Arbitrary<MassFunction> massFunctions(Frame f, long alwaysIn) {
        return Combinators.combine(
                focalSets(f, alwaysIn).list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.integers().between(1, 1000).list().ofSize(6))
                .as((sets, weights) -> build(f, sets, weights));
    }

    private static MassFunction build(Frame f, List<Long> sets, List<Integer> weights) {
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(sets));
        int k = distinct.size();
        long total = 0;
        for (int i = 0; i < k; i++) {
            total += weights.get(i);
        }
        MassFunction.Builder b = MassFunction.builder(f);
        double given = 0.0;
        for (int i = 0; i < k - 1; i++) {
            double m = (double) weights.get(i) / total;
            b.put(distinct.get(i), m);
            given += m;
        }
        // the last weight is at least 1/6000 of the total, far above rounding noise: never negative
        b.put(distinct.get(k - 1), 1.0 - given);
        return b.build();
    }

    private static Arbitrary<List<MassFunction>> onOneFrame(Arbitrary<Frame> frames, int min, int max) {
        return frames.flatMap(f -> massFunctions(f, 0L).list().ofMinSize(min).ofMaxSize(max));
    }

    @Provide
    Arbitrary<MassFunction> one() {
        return onOneFrame(smallFrames(), 1, 1).map(l -> l.get(0));
    }

    @Provide
    Arbitrary<List<MassFunction>> two() {
        return onOneFrame(smallFrames(), 2, 2);
    }

    @Provide
    Arbitrary<List<MassFunction>> three() {
        return onOneFrame(smallFrames(), 3, 3);
    }

    @Provide
    Arbitrary<List<MassFunction>> several() {
        return onOneFrame(smallFrames(), 1, 5);
    }

    @Provide
    Arbitrary<List<MassFunction>> twoOnLargeFrames() {
        return onOneFrame(largeFrames(), 2, 2);
    }

    /** Two functions whose focal sets all contain one common atom: no product is ever empty. */
    @Provide
    Arbitrary<List<MassFunction>> compatiblePair() {
        return smallFrames().flatMap(f -> Arbitraries.integers().between(0, f.size() - 1)
                .flatMap(anchor -> massFunctions(f, 1L << anchor).list().ofSize(2)));
    }

    // ------------------------------------------------------------------ helpers

    /** The result, or null on total conflict (only Dempster's rule may meet it). */
    private static MassFunction foldOrNull(CombinationRule rule, List<MassFunction> in) {
        try {
            return rule.fold(in).result();
        } catch (TotalConflictException e) {
            assertThat(rule).as("only Dempster's rule fails on total conflict").isEqualTo(CombinationRule.DEMPSTER);
            return null;
        }
    }

    private static MassFunction orNull(Supplier<MassFunction> s) {
        try {
            return s.get();
        } catch (TotalConflictException e) {
            return null;
        }
    }

    private static void assertSameOutcome(MassFunction x, MassFunction y, double tol) {
        assertThat(x == null).as("total conflict in one order only").isEqualTo(y == null);
        if (x != null) {
            assertThat(x.approximatelyEquals(y, tol)).as("%s%nvs%n%s", x, y).isTrue();
        }
    }

    private static void collectOutcome(MassFunction result) {
        Statistics.label("outcome").collect(result == null ? "total conflict" : "combined");
        Statistics.label("outcome").coverage(c -> c.check("combined").percentage(p -> p > 50.0));
    }

    private static List<Long> probeSets(MassFunction m, Random random) {
        Frame f = m.frame();
        List<Long> sets = new ArrayList<>();
        for (long s : m.focalSets()) {
            sets.add(s);
            sets.add(f.theta() & ~s);
        }
        sets.add(0L);
        sets.add(f.theta());
        for (int i = 0; i < 10; i++) {
            sets.add(random.nextLong() & f.theta());
        }
        return sets;
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 500)
    void everyRuleIsCommutative(@ForAll("two") List<MassFunction> in) {
        MassFunction a = in.get(0);
        MassFunction b = in.get(1);
        for (CombinationRule rule : CombinationRule.values()) {
            assertSameOutcome(orNull(() -> a.combine(b, rule)), orNull(() -> b.combine(a, rule)), TOL);
        }
        collectOutcome(orNull(() -> a.combine(b, CombinationRule.DEMPSTER)));
    }

    @Property
    void dempsterIsAssociative(@ForAll("three") List<MassFunction> in) {
        MassFunction a = in.get(0);
        MassFunction b = in.get(1);
        MassFunction c = in.get(2);
        CombinationRule d = CombinationRule.DEMPSTER;

        MassFunction left = orNull(() -> a.combine(b, d).combine(c, d));
        MassFunction right = orNull(() -> a.combine(b.combine(c, d), d));

        assertSameOutcome(left, right, TOL);
        collectOutcome(left);
    }

    @Property
    void conjunctiveAndDisjunctiveRulesAreAssociative(@ForAll("three") List<MassFunction> in) {
        for (CombinationRule rule : EnumSet.of(CombinationRule.CONJUNCTIVE, CombinationRule.DISJUNCTIVE)) {
            MassFunction left = in.get(0).combine(in.get(1), rule).combine(in.get(2), rule);
            MassFunction right = in.get(0).combine(in.get(1).combine(in.get(2), rule), rule);
            assertThat(left.approximatelyEquals(right, TOL)).as("%s", rule).isTrue();
        }
    }

    @Property
    void dempsterResultDoesNotDependOnFoldOrder(@ForAll("several") List<MassFunction> in, @ForAll Random random) {
        List<MassFunction> shuffled = new ArrayList<>(in);
        Collections.shuffle(shuffled, random);

        MassFunction result = foldOrNull(CombinationRule.DEMPSTER, in);
        assertSameOutcome(result, foldOrNull(CombinationRule.DEMPSTER, shuffled), TOL);
        collectOutcome(result);
    }

    @Property
    void murphyResultDoesNotDependOnInputOrder(@ForAll("several") List<MassFunction> in, @ForAll Random random) {
        List<MassFunction> shuffled = new ArrayList<>(in);
        Collections.shuffle(shuffled, random);

        Combination c = CombinationRule.MURPHY.fold(in);

        assertThat(c.result().approximatelyEquals(CombinationRule.MURPHY.fold(shuffled).result(), TOL)).isTrue();
        assertThat(c.steps()).hasSize(in.size() - 1);
        assertThat(c.average().orElseThrow().approximatelyEquals(CombinationRule.average(shuffled), TOL)).isTrue();
    }

    @Property
    void everyRuleYieldsMassesSummingToOne(@ForAll("several") List<MassFunction> in) {
        for (CombinationRule rule : CombinationRule.values()) {
            MassFunction m = foldOrNull(rule, in);
            if (m == null) {
                continue;
            }
            assertThat(m.total()).as("%s", rule).isCloseTo(1.0, within(TOL));
            for (int i = 0; i < m.size(); i++) {
                assertThat(m.massAt(i)).as("%s", rule).isPositive().isLessThanOrEqualTo(1.0 + TOL);
                assertThat(m.frame().contains(m.focalSet(i))).isTrue();
            }
            if (rule != CombinationRule.CONJUNCTIVE) {
                assertThat(m.emptyMass()).as("%s", rule).isZero();
            }
        }
    }

    @Property
    void conflictOfEveryStepLiesInTheUnitInterval(@ForAll("several") List<MassFunction> in) {
        Combination c = CombinationRule.YAGER.fold(in);

        assertThat(c.conflicts()).hasSize(in.size() - 1);
        for (double k : c.conflicts()) {
            assertThat(k).isBetween(0.0, 1.0 + TOL);
        }
        assertThat(c.meanConflict()).isBetween(0.0, 1.0 + TOL);
    }

    @Property(tries = 300)
    void beliefNeverExceedsPlausibility(@ForAll("two") List<MassFunction> in, @ForAll Random random) {
        for (CombinationRule rule : CombinationRule.values()) {
            MassFunction m = foldOrNull(rule, in);
            if (m == null) {
                continue;
            }
            long theta = m.frame().theta();
            for (long a : probeSets(m, random)) {
                double bel = m.belief(a);
                double pl = m.plausibility(a);
                assertThat(bel).as("%s Bel", rule).isGreaterThanOrEqualTo(0.0);
                assertThat(bel).as("%s Bel ≤ Pl", rule).isLessThanOrEqualTo(pl + TOL);
                assertThat(pl).as("%s Pl", rule).isLessThanOrEqualTo(1.0 + TOL);
                assertThat(pl).as("%s duality", rule)
                        .isCloseTo(m.total() - m.emptyMass() - m.belief(theta & ~a), within(TOL));
                assertThat(m.commonality(a)).as("%s Q ≤ Pl", rule)
                        .isLessThanOrEqualTo(a == 0L ? 1.0 + TOL : pl + TOL);
            }
        }
    }

    @Property
    void normalizedResultsGiveTheWholeFrameFullBelief(@ForAll("two") List<MassFunction> in) {
        for (CombinationRule rule : CombinationRule.values()) {
            MassFunction m = foldOrNull(rule, in);
            if (m == null) {
                continue;
            }
            double expected = rule == CombinationRule.CONJUNCTIVE ? 1.0 - m.emptyMass() : 1.0;
            assertThat(m.belief(m.frame().theta())).as("%s", rule).isCloseTo(expected, within(TOL));
            assertThat(m.plausibility(m.frame().theta())).as("%s", rule).isCloseTo(expected, within(TOL));
        }
    }

    @Property(tries = 300)
    void pignisticIsAProbabilityBetweenBeliefAndPlausibility(@ForAll("two") List<MassFunction> in,
            @ForAll Random random) {
        for (CombinationRule rule : CombinationRule.values()) {
            MassFunction m = foldOrNull(rule, in);
            if (m == null) {
                continue;
            }
            if (m.size() == 1 && m.focalSet(0) == 0L) {
                // the conjunctive rule met total conflict: BetP is undefined
                assertThatThrownBy(m::pignistic).isInstanceOf(InvalidMassException.class);
                continue;
            }
            double[] p = m.pignistic();
            double sum = 0.0;
            for (double x : p) {
                assertThat(x).isGreaterThanOrEqualTo(0.0);
                sum += x;
            }
            assertThat(sum).as("%s", rule).isCloseTo(1.0, within(TOL));
            double norm = 1.0 - m.emptyMass();
            for (long a : probeSets(m, random)) {
                double betP = m.pignistic(a);
                assertThat(m.belief(a) / norm).as("%s Bel ≤ BetP", rule).isLessThanOrEqualTo(betP + TOL);
                assertThat(betP).as("%s BetP ≤ Pl", rule).isLessThanOrEqualTo(m.plausibility(a) / norm + TOL);
            }
        }
    }

    @Property
    void yagerAndDuboisPradeEqualDempsterWhenThereIsNoConflict(@ForAll("compatiblePair") List<MassFunction> in) {
        MassFunction a = in.get(0);
        MassFunction b = in.get(1);

        CombinationStep dempster = CombinationRule.DEMPSTER.combine(a, b);

        assertThat(dempster.conflict()).isZero();
        MassFunction conj = a.combine(b, CombinationRule.CONJUNCTIVE);
        assertThat(conj.emptyMass()).isZero();
        assertThat(a.combine(b, CombinationRule.YAGER).approximatelyEquals(dempster.result(), TOL)).isTrue();
        assertThat(a.combine(b, CombinationRule.DUBOIS_PRADE).approximatelyEquals(dempster.result(), TOL)).isTrue();
        assertThat(conj.approximatelyEquals(dempster.result(), TOL)).isTrue();
    }

    @Property(tries = 500)
    void vacuousFunctionIsNeutralForConjunctiveRules(@ForAll("one") MassFunction m) {
        MassFunction v = MassFunction.vacuous(m.frame());
        for (CombinationRule rule : EnumSet.of(CombinationRule.DEMPSTER, CombinationRule.CONJUNCTIVE,
                CombinationRule.YAGER, CombinationRule.DUBOIS_PRADE)) {
            CombinationStep step = rule.combine(m, v);
            assertThat(step.conflict()).isZero();
            assertThat(step.result().approximatelyEquals(m, TOL)).as("%s: m ⊕ vacuous", rule).isTrue();
            assertThat(v.combine(m, rule).approximatelyEquals(m, TOL)).as("%s: vacuous ⊕ m", rule).isTrue();
        }
    }

    @Property
    void vacuousFunctionAbsorbsUnderTheDisjunctiveRule(@ForAll("one") MassFunction m) {
        MassFunction v = MassFunction.vacuous(m.frame());

        assertThat(m.combine(v, CombinationRule.DISJUNCTIVE).approximatelyEquals(v, TOL)).isTrue();
    }

    @Property
    void dempsterIsTheConjunctiveSumNormalizedByOneMinusK(@ForAll("two") List<MassFunction> in) {
        CombinationStep conj = CombinationRule.CONJUNCTIVE.combine(in.get(0), in.get(1));
        double k = conj.conflict();
        MassFunction d = orNull(() -> in.get(0).combine(in.get(1), CombinationRule.DEMPSTER));
        collectOutcome(d);
        if (d == null) {
            assertThat(k).isCloseTo(1.0, within(TOL));
            return;
        }
        assertThat(k).isEqualTo(conj.result().emptyMass());
        for (MassFunction.Focal f : conj.result().focals()) {
            if (f.set() != 0L) {
                assertThat(d.mass(f.set()) * (1.0 - k)).isCloseTo(f.mass(), within(TOL));
            }
        }
        assertThat(d.size()).isEqualTo(conj.result().size() - (k > 0.0 ? 1 : 0));
    }

    @Property
    void discountKeepsAValidFunctionAndScalesBelief(@ForAll("one") MassFunction m,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double alpha) {
        MassFunction d = m.discount(alpha);
        long theta = m.frame().theta();

        assertThat(d.total()).isCloseTo(1.0, within(TOL));
        for (long s : m.focalSets()) {
            if (s != theta) {
                assertThat(d.belief(s)).isCloseTo(alpha * m.belief(s), within(TOL));
            }
        }
        assertThat(d.mass(theta)).isCloseTo(alpha * m.mass(theta) + 1.0 - alpha, within(TOL));
    }

    @Property(tries = 300)
    void largeFramesCombineLikeADirectDoubleLoop(@ForAll("twoOnLargeFrames") List<MassFunction> in) {
        MassFunction a = in.get(0);
        MassFunction b = in.get(1);
        Map<Long, Double> expected = new HashMap<>();
        for (MassFunction.Focal x : a.focals()) {
            for (MassFunction.Focal y : b.focals()) {
                expected.merge(x.set() & y.set(), x.mass() * y.mass(), Double::sum);
            }
        }

        MassFunction conj = a.combine(b, CombinationRule.CONJUNCTIVE);

        assertThat(conj.toMap().keySet()).isEqualTo(expected.keySet());
        expected.forEach((set, mass) -> assertThat(conj.mass(set)).isCloseTo(mass, within(1e-12)));
        for (CombinationRule rule : CombinationRule.values()) {
            MassFunction ab = orNull(() -> a.combine(b, rule));
            assertSameOutcome(ab, orNull(() -> b.combine(a, rule)), TOL);
            if (ab != null) {
                assertThat(ab.total()).as("%s", rule).isCloseTo(1.0, within(TOL));
            }
        }
    }
}
