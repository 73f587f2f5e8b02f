package org.ssmworkbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.belief.Frame;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.ssm.SsmScale;

/**
 * Dempster's rule on the SSM frame (7 atoms), and what is read off its result.
 *
 * <ul>
 *   <li>{@code combineSimpleSupport}: two simple support functions m(H) = s, m(Θ) = 1 − s (the SSM case);
 *   <li>{@code combineRandom6}: two random functions with 6 focal sets each (5 random proper subsets + Θ);
 *   <li>{@code fold19}: the left fold of 19 simple support functions (the size of the built-in case);
 *   <li>{@code beliefPlausibility13}: Bel and Pl of the 13 SSM intensities on the folded result
 *       (one op = 26 evaluations);
 *   <li>{@code selectEvidenceFactory}: {@link ResultSelector#EVIDENCE_FACTORY} on the folded result.
 * </ul>
 *
 * <p>Inputs are drawn once per fork from a fixed seed, so every run measures the same functions.
 * Scores are operations per second (higher is better).
 *
 * <p>The fork runs with the serial collector and a 256 MiB heap. With the JVM's default heap (a
 * quarter of the RAM) the young generation keeps growing into fresh memory, and on the project's
 * virtual machines touching fresh pages is so slow (system time) that scores dropped up to 100-fold
 * from one iteration to the next; a small heap keeps the same pages in use. Override with
 * {@code -jvmArgsAppend} to compare.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx256m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DempsterBenchmark {

    /** Seed of the inputs. */
    static final long SEED = 42L;

    private static final Frame FRAME = SsmScale.FRAME;
    private static final CombinationRule DEMPSTER = CombinationRule.DEMPSTER;

    MassFunction simpleA;
    MassFunction simpleB;
    MassFunction randomA;
    MassFunction randomB;
    List<MassFunction> nineteen;
    MassFunction folded;
    long[] intensities;

    @Setup
    public void setUp() {
        Random rnd = new Random(SEED);
        // the example of the mass command's help: {PO,SP}:0.65 ⊕ {WP,PO}:0.4
        simpleA = MassFunction.simpleSupport(FRAME, SsmScale.PO | SsmScale.SP, 0.65);
        simpleB = MassFunction.simpleSupport(FRAME, SsmScale.WP | SsmScale.PO, 0.4);
        randomA = randomFunction(rnd, 6);
        randomB = randomFunction(rnd, 6);
        nineteen = new ArrayList<>(19);
        Intensity[] all = Intensity.values();
        for (int i = 0; i < 19; i++) {
            // mostly positive findings, as in a real synthesis, with some disagreement
            Intensity h = rnd.nextInt(4) == 0 ? all[rnd.nextInt(all.length)] : all[7 + rnd.nextInt(6)];
            double s = (100 + rnd.nextInt(801)) / 1000.0; // 0.1 .. 0.9
            nineteen.add(MassFunction.simpleSupport(FRAME, h.mask(), s));
        }
        folded = DEMPSTER.fold(nineteen).result();
        intensities = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            intensities[i] = all[i].mask();
        }
        if (randomA.size() != 6 || randomB.size() != 6) {
            throw new IllegalStateException("random functions should have 6 focal sets: " + randomA + " / " + randomB);
        }
    }

    /** {@code focal} focal sets: {@code focal - 1} distinct random proper subsets and Θ (so K &lt; 1). */
    static MassFunction randomFunction(Random rnd, int focal) {
        long theta = FRAME.theta();
        long[] sets = new long[focal];
        double[] w = new double[focal];
        double total = 0.0;
        for (int i = 0; i < focal; i++) {
            if (i == focal - 1) {
                sets[i] = theta;
            } else {
                long s;
                boolean dup;
                do {
                    s = 1L + rnd.nextInt((int) theta - 1);
                    dup = false;
                    for (int j = 0; j < i; j++) {
                        dup |= sets[j] == s;
                    }
                } while (dup);
                sets[i] = s;
            }
            w[i] = 0.05 + rnd.nextDouble();
            total += w[i];
        }
        MassFunction.Builder b = MassFunction.builder(FRAME);
        double used = 0.0;
        for (int i = 0; i < focal - 1; i++) {
            double m = w[i] / total;
            b.put(sets[i], m);
            used += m;
        }
        b.put(theta, 1.0 - used);
        return b.build();
    }

    @Benchmark
    public MassFunction combineSimpleSupport() {
        return DEMPSTER.combine(simpleA, simpleB).result();
    }

    @Benchmark
    public MassFunction combineRandom6() {
        return DEMPSTER.combine(randomA, randomB).result();
    }

    @Benchmark
    public MassFunction fold19() {
        return DEMPSTER.fold(nineteen).result();
    }

    @Benchmark
    public void beliefPlausibility13(Blackhole bh) {
        MassFunction m = folded;
        for (long set : intensities) {
            bh.consume(m.belief(set));
            bh.consume(m.plausibility(set));
        }
    }

    @Benchmark
    public void selectEvidenceFactory(Blackhole bh) {
        bh.consume(ResultSelector.EVIDENCE_FACTORY.select(folded));
    }
}
