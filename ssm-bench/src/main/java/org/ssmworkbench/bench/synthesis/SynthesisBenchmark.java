package org.ssmworkbench.bench.synthesis;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;

/**
 * The synthesis step alone (findings, folds with full traces, selection) on generated syntheses.
 * Target (issue 3): 10,000 studies × 10 effects in well under 2 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class SynthesisBenchmark {

    @Param({"10000"})
    public int studies;

    @Param({"10"})
    public int effects;

    private Synthesis synthesis;

    @Setup
    public void setUp() {
        synthesis = GeneratedSynthesis.generate(studies, effects, 42L);
    }

    @Benchmark
    public SynthesisResult synthesize() {
        return Synthesizer.run(synthesis);
    }
}
