package org.ssmworkbench.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The measures of all focal sets at once agree with the per-set scans, on each of their paths. */
class FocalMeasuresTest {

    private static Frame frame(int atoms) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < atoms; i++) {
            names.add("x" + i);
        }
        return Frame.of(names);
    }

    /** A random function with {@code count} distinct focal sets, drawn from the given atoms only. */
    private static MassFunction random(Frame frame, int count, long atomsUsed, long seed) {
        return random(frame, count, atomsUsed, seed, false);
    }

    /** {@code sparse}: each atom in a set with probability 1/4 instead of 1/2. */
    private static MassFunction random(Frame frame, int count, long atomsUsed, long seed, boolean sparse) {
        Random r = new Random(seed);
        Map<Long, Double> weights = new LinkedHashMap<>();
        while (weights.size() < count) {
            long s = r.nextLong() & atomsUsed & (sparse ? r.nextLong() : -1L);
            if (s != 0L) {
                weights.putIfAbsent(s, 0.01 + r.nextDouble());
            }
        }
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        MassFunction.Builder b = MassFunction.builder(frame);
        weights.forEach((s, w) -> b.put(s, w / total));
        return b.build();
    }

    private static void assertSameAsScans(MassFunction m, double tolerance) {
        FocalMeasures fm = FocalMeasures.of(m);
        int stride = Math.max(1, m.size() / 1500); // the scans are n² work: check every set up to ~1,500
        for (int i = 0; i < m.size(); i += stride) {
            long a = m.focalSet(i);
            if (tolerance == 0.0) {
                assertThat(fm.belief(i)).as("Bel #%d", i).isEqualTo(m.belief(a));
                assertThat(fm.plausibility(i)).as("Pl #%d", i).isEqualTo(m.plausibility(a));
                assertThat(fm.commonality(i)).as("Q #%d", i).isEqualTo(m.commonality(a));
            } else {
                assertThat(fm.belief(i)).as("Bel #%d", i).isCloseTo(m.belief(a), within(tolerance));
                assertThat(fm.plausibility(i)).as("Pl #%d", i).isCloseTo(m.plausibility(a), within(tolerance));
                assertThat(fm.commonality(i)).as("Q #%d", i).isCloseTo(m.commonality(a), within(tolerance));
            }
        }
    }

    @Test
    void smallFunctionsAreTheScansThemselves() {
        assertSameAsScans(random(frame(7), 40, 0x7F, 1), 0.0);
    }

    @Test
    void bitSetsGiveTheScansSumsToTheLastBitOnAWideFrame() {
        // 3,000 focal sets on 64 atoms: past the scan limit, no transform possible
        MassFunction m = random(frame(64), 3000, -1L, 2);
        assertThat(m.size()).isGreaterThan(FocalMeasures.SCAN_LIMIT);
        assertSameAsScans(m, 0.0);
    }

    @Test
    void bitSetsCountTheEmptySetOnlyInCommonality() {
        Frame f = frame(40);
        // every set of a without x0 meets {x0} in ∅
        MassFunction a = random(f, 2000, f.theta(), 3, true);
        MassFunction b = MassFunction.simpleSupport(f, 1L, 0.5);
        MassFunction conj = CombinationRule.CONJUNCTIVE.fold(List.of(a, b)).result();
        assertThat(conj.size()).isGreaterThan(FocalMeasures.SCAN_LIMIT);
        assertThat(conj.focalSet(0)).isZero();
        assertSameAsScans(conj, 0.0);
    }

    @Test
    void theTransformAgreesWithTheScansOnAManySetFunctionOfFewClasses() {
        // 20,000 focal sets over 16 of 40 atoms: more than the bit-set limit, 17 classes (16 + the unused)
        Frame f = frame(40);
        MassFunction m = random(f, 20_000, 0xFFFFL << 8, 5);
        assertThat(m.size()).isGreaterThan(Limits.MAX_FOCAL_SETS_WIDE);
        assertThat(FocalMeasures.atomClasses(m)).hasSize(17);
        assertSameAsScans(m, 1e-12);
    }

    @Test
    void atomsNoFocalSetTellsApartFormOneClass() {
        Frame f = frame(6);
        MassFunction m = Masses.of(f, "x0,x1", 0.5, "x0,x1,x2,x3", 0.25, "x0,x1,x2,x3,x4,x5", 0.25);
        assertThat(FocalMeasures.atomClasses(m)).containsExactly(0b11L, 0b1100L, 0b110000L);
    }

    @Test
    void tooManySetsOnTooManyClassesIsALimitErrorNotAnHourOfWork() {
        MassFunction m = random(frame(64), Limits.MAX_FOCAL_SETS_WIDE + 1, -1L, 6);
        assertThatThrownBy(() -> FocalMeasures.of(m)).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("16,385 focal sets").hasMessageContaining("limit is 16,384");
    }

    @Test
    void aStepOfTooManyProductsIsRefusedBeforeAnyAllocation() {
        Frame f = frame(40);
        MassFunction a = random(f, 9000, -1L >>> 24, 7);
        MassFunction b = random(f, 9000, -1L >>> 24, 8);
        assertThatThrownBy(() -> CombinationRule.DEMPSTER.fold(List.of(a, b)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("81,000,000 products").hasMessageContaining("67,108,864");
    }

    @Test
    void inputsWithinToleranceAreRenormalized() {
        Frame f = frame(3);
        MassFunction m = Masses.of(f, "x0", 0.5000000005, "x1", 0.5);
        assertThat(m.total()).isCloseTo(1.0, within(1e-15));
        assertThat(m.belief(f.theta())).isLessThanOrEqualTo(1.0);
        // rounding-sized gaps stay as given
        MassFunction d = Masses.of(f, "x0", 0.1, "x1", 0.2, "x2", 0.7);
        assertThat(d.mass(1L)).isEqualTo(0.1);
        assertThat(d.mass(4L)).isEqualTo(0.7);
    }
}
