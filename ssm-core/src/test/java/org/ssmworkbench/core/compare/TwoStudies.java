package org.ssmworkbench.core.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.Context;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectInput;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.core.synthesis.Synthesis;

/**
 * A worked example of two studies: S1/e1 reports accuracy (mean RI -4.27: {WN,IF}) and latency
 * (+57.18: SP) with B = 0.6; S2/e1 reports pass@1 (-8: WN), which a join makes accuracy, and bleu,
 * which a drop leaves out, with B = 0.4. Accuracy aggregates to {WN,IF} with Bel 0.76: WN gets
 * 0.6 × 0.4 + 0.4 × 0.4 = 0.4, {WN,IF} 0.6 × 0.6 = 0.36, Θ 0.24.
 */
public final class TwoStudies {

    public static final Effect ACCURACY = new Effect("accuracy", "Accuracy", "correctness", Direction.HIGHER_IS_BETTER);
    public static final Effect LATENCY = new Effect("latency", "Latency", "resource", Direction.LOWER_IS_BETTER);

    public static final ConceptMapping JOIN_PASS = new ConceptMapping(ConceptMapping.Decision.JOIN, List.of("pass@1"),
            "accuracy", "pass@1 is the accuracy of generated code");
    public static final ConceptMapping DROP_BLEU = new ConceptMapping(ConceptMapping.Decision.DROP, List.of("bleu"),
            null, "one study only");

    private TwoStudies() {
    }

    public static EffectInput summary(double mean) {
        return new EffectInput.FromSummary(SummaryStatistics.of(mean, 0.0), "summary", EffectInput.Recorded.NONE);
    }

    static Map<String, EffectInput> effects(Object... kv) {
        Map<String, EffectInput> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (EffectInput) kv[i + 1]);
        }
        return m;
    }

    static Map<String, String> moderators(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    public static Synthesis synthesis() {
        Study s1 = new Study("S1", "quasi-experiment", Map.of(), OptionalDouble.of(0.6), List.of(
                new EvidenceModel("e1", "int8", moderators("bits", "8"), "",
                        effects("accuracy", summary(-4.27), "latency", summary(57.18)))));
        Study s2 = new Study("S2", "observational", Map.of(), OptionalDouble.of(0.4), List.of(
                new EvidenceModel("e1", "int4", moderators("bits", "4", "method", "PTQ"), "",
                        effects("pass@1", summary(-8.0), "bleu", summary(1.0)))));
        return new Synthesis("t", "test", "q", "quantization", List.of(ACCURACY, LATENCY), List.of(JOIN_PASS, DROP_BLEU),
                Optional.empty(), List.of(s1, s2), Policies.quantization(), Map.of());
    }

    public static Map<String, Context> contexts() {
        return Map.of(
                "S1", new Context(List.of(Context.Aspect.of("models", List.of("ResNet-18")),
                        Context.Aspect.of("hardware", List.of("GPU V100")),
                        Context.Aspect.of("energy_measurement", List.of("analytical")))),
                "S2", new Context(List.of(Context.Aspect.of("models", List.of("Llama-2-7B")),
                        Context.Aspect.of("datasets", List.of("HumanEval")))));
    }
}
