package org.ssmworkbench.bench.synthesis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectInput;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.core.synthesis.Synthesis;

/**
 * Deterministic synthetic syntheses for benchmarks: N studies, each with one evidence model reporting
 * every one of E effects as summary statistics. Means cluster around a per-effect centre so that the
 * findings agree enough to avoid total conflict, as real syntheses do.
 */
public final class GeneratedSynthesis {

    private GeneratedSynthesis() {
    }

    /** The effects: half correctness (higher is better), half resource (lower is better). */
    public static List<Effect> effects(int count) {
        List<Effect> out = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            boolean correctness = e % 2 == 0;
            out.add(new Effect("effect" + e, "Effect " + e, correctness ? "correctness" : "resource",
                    correctness ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER));
        }
        return out;
    }

    /** A per-study sample: study belief in [0.2, 0.9], mean RI around the effect's centre, some spread. */
    public static Synthesis generate(int studies, int effects, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Effect> fx = effects(effects);
        double[] centre = new double[effects];
        for (int e = 0; e < effects; e++) {
            centre[e] = rnd.nextDouble(-30, 60);
        }
        List<Study> list = new ArrayList<>(studies);
        for (int s = 0; s < studies; s++) {
            Map<String, EffectInput> inputs = new LinkedHashMap<>();
            for (int e = 0; e < effects; e++) {
                double mean = Math.round((centre[e] + rnd.nextDouble(-4, 4)) * 1000) / 1000.0;
                double iqr = rnd.nextInt(4) == 0 ? 0.0 : Math.round(rnd.nextDouble(0, 8) * 1000) / 1000.0;
                inputs.put(fx.get(e).id(), new EffectInput.FromSummary(SummaryStatistics.of(mean, iqr), "summary",
                        EffectInput.Recorded.NONE));
            }
            double belief = 0.2 + rnd.nextDouble() * 0.7;
            list.add(new Study("S" + (s + 1), "quasi-experiment", Map.of(), OptionalDouble.of(belief),
                    List.of(new EvidenceModel("e1", "config", Map.of(), "", inputs))));
        }
        return new Synthesis("generated", "Generated synthesis", "", "intervention", fx, List.of(), Optional.empty(),
                list, Policies.quantization(), Map.of());
    }
}
