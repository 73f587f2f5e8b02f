package org.ssmworkbench.bench.whatif;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.core.whatif.Scenario;
import org.ssmworkbench.core.whatif.WhatIf;
import org.ssmworkbench.core.whatif.WhatIfResult;

/**
 * One what-if computation (issue 11's "time from a what-if change to the new result", server side,
 * without rendering): study S3 switched off and the correctness cut points changed, on the built-in
 * case (93 findings) and on the case cloned to 10,044 findings. Target: under 16 ms for the case.
 * Run from the repository root (it loads examples/quantization).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
public class WhatIfBenchmark {

    /** Findings of the synthesis: the case (93) or the case cloned to at least this many. */
    @Param({"93", "10000"})
    public int findings;

    private SynthesisResult saved;
    private Scenario scenario;

    @Setup
    public void setUp() {
        Synthesis c = CaseClones.load(Path.of(""));
        Synthesis s = findings <= CaseClones.findings(c) ? c : CaseClones.cloned(c, findings);
        saved = Synthesizer.run(s);
        scenario = new Scenario(Set.of("S3"), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of("correctness", new CutPoints("correctness", new double[] {2.5, 5, 10, 15, 20, 25})));
        WhatIfResult check = WhatIf.run(saved, scenario);
        if (check.result().findings().isEmpty()) {
            throw new IllegalStateException("the scenario left no findings");
        }
    }

    @Benchmark
    public WhatIfResult whatIf() {
        return WhatIf.run(saved, scenario);
    }
}
