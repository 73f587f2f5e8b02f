package org.ssmworkbench.io.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.StudyResult;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.results.Comparison;

/**
 * The built-in case end to end: the quantization synthesis (6 studies, 19 evidence models) against
 * the published results and against an independent recomputation in this test.
 */
class QuantizationCaseTest {

    static final Path CASE = Path.of("..", "examples", "quantization");

    static Project project;
    static SynthesisResult result;

    @BeforeAll
    static void run() {
        project = new ProjectLoader(MeasurementReader::summarizeOne).load(CASE);
        result = Synthesizer.run(project.synthesis());
    }

    @Test
    void readsSixStudiesAndNineteenEvidenceModels() {
        assertThat(project.synthesis().studies()).extracting(s -> s.id())
                .containsExactly("S1", "S2", "S3", "S4", "S5", "S6");
        assertThat(project.synthesis().studies()).extracting(s -> s.evidence().size())
                .containsExactly(5, 1, 8, 2, 1, 2);
        assertThat(result.findings()).hasSize(93);
        assertThat(project.warnings()).isEmpty();
        assertThat(project.inputs()).extracting(Provenance.Input::path)
                .contains("synthesis.yaml", "checklist.yaml", "studies/S1.yaml", "studies/S6.yaml");
    }

    @ParameterizedTest(name = "{0}: {2} {3} from {1} findings")
    @CsvSource(delimiter = '|', textBlock = """
            accuracy                     | 17 | WN    | 0.90
            f1_score                     |  8 | IF    | 0.83
            storage_size                 | 17 | SP    | 1.00
            gpu_utilization              |  3 | IF    | 0.74
            gpu_memory_utilization       |  2 | PO,SP | 0.71
            gpu_power_draw               |  3 | IF,WP | 0.96
            gpu_energy_consumption       |  3 | PO,SP | 0.95
            inference_latency            | 13 | IF,WP | 0.98
            inference_power_draw         |  9 | WP    | 0.93
            inference_energy_consumption | 17 | WP    | 0.69
            """)
    void reproducesAllTenPublishedIntensities(String effect, int findings, String hypothesis, double belief) {
        EffectResult e = result.effect(effect).orElseThrow();
        assertThat(e.findings()).hasSize(findings);
        assertThat(e.selection().orElseThrow().code()).isEqualTo(hypothesis);
        assertThat(e.published().orElseThrow().hypothesis()).isEqualTo(SsmScale.FRAME.parse(hypothesis));
        assertThat(e.published().orElseThrow().belief()).isEqualTo(belief);
        assertThat(e.published().orElseThrow().findings().getAsInt()).isEqualTo(findings);
    }

    @ParameterizedTest(name = "{0}: computed {1}, published {2}")
    @CsvSource(delimiter = '|', textBlock = """
            accuracy                     | 0.886 | 0.90 | false
            f1_score                     | 0.825 | 0.83 | false
            inference_power_draw         | 0.921 | 0.93 | false
            inference_energy_consumption | 0.675 | 0.69 | false
            storage_size                 | 1.000 | 1.00 | true
            gpu_utilization              | 0.736 | 0.74 | true
            gpu_memory_utilization       | 0.705 | 0.71 | true
            gpu_power_draw               | 0.962 | 0.96 | true
            gpu_energy_consumption       | 0.949 | 0.95 | true
            inference_latency            | 0.980 | 0.98 | true
            """)
    void showsTheFourKnownDeltasToThePaperAndMatchesTheOtherSix(String effect, double computed3, double published,
            boolean matches) {
        EffectResult e = result.effect(effect).orElseThrow();
        double b = e.selection().orElseThrow().belief();
        assertThat(b).isCloseTo(computed3, within(0.0005));
        assertThat(Comparison.matchesAsPrinted(b, published)).isEqualTo(matches);
        if (!matches) {
            assertThat(b).as("the known deltas are all below the figure").isLessThan(published);
        }
    }

    @Test
    void beliefsEqualAnIndependentDempsterCombinationOfTheRecordedMassesTo1e9() {
        for (EffectResult e : result.effects()) {
            List<Map.Entry<TreeSet<Integer>, Double>> findings = new ArrayList<>();
            for (Finding f : e.findings()) {
                findings.add(Map.entry(atoms(f.recorded().intensity().orElseThrow().mask()),
                        f.recorded().mass().getAsDouble()));
            }
            Map<TreeSet<Integer>, Double> m = IndependentDempster.fold(findings);
            double[] expected = IndependentDempster.efSelect(m);
            assertThat(e.selection().orElseThrow().belief()).as(e.effect().id()).isCloseTo(expected[1], within(1e-9));
            assertThat(e.selection().orElseThrow().set()).as(e.effect().id()).isEqualTo((long) expected[0]);
            assertThat(e.selection().orElseThrow().plausibility()).as(e.effect().id())
                    .isCloseTo(expected[2], within(1e-9));
        }
    }

    @Test
    void everyFindingReproducesTheRecordedIntensityDiscountAndMass() {
        for (Finding f : result.findings()) {
            assertThat(Comparison.findingMatches(f)).as(f.key() + " " + f.effect()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}/{1} {2}: {3} mass {4}")
    @CsvSource(delimiter = '|', textBlock = """
            S5 | e1 | accuracy                     | NE,WN | 0.665 | 0.096
            S6 | e1 | accuracy                     | IF    | 0.031 | 0.956
            S1 | e1 | storage_size                 | SP    | 0.373 | 0.0
            S1 | e3 | storage_size                 | PO,SP | 0.373 | 0.0
            S1 | e1 | inference_energy_consumption | SP    | 0.373 | 0.0
            S3 | e5 | f1_score                     | NE    | 0.643 | 0.0
            S2 | e1 | storage_size                 | SP    | 0.394 | 0.001
            """)
    void sampleFindings(String study, String evidence, String effect, String intensity, double mass, double discount) {
        Finding f = result.findings().stream()
                .filter(x -> x.study().equals(study) && x.evidence().equals(evidence) && x.effect().equals(effect))
                .findFirst().orElseThrow();
        assertThat(f.intensity().code()).isEqualTo(intensity);
        assertThat(f.mass()).isEqualTo(mass);
        assertThat(f.discount().getAsDouble()).isEqualTo(discount);
    }

    @ParameterizedTest(name = "{0}: B {1}")
    @CsvSource(delimiter = '|', textBlock = """
            S1 | 0.37333333333333335 | 0.387037037037037
            S2 | 0.3939814814814815  | 0.3939814814814815
            S3 | 0.6429166666666667  | 0.6588
            S4 | 0.185               |
            S5 | 0.7361083333333334  | 0.7361111111111112
            S6 | 0.7129601851851852  | 0.712962962962963
            """)
    void studyBeliefsAreTheExplicitOnesWithBandTimesChecklistBeside(String study, double explicit, Double computed) {
        StudyResult s = result.study(study).orElseThrow();
        assertThat(s.belief()).isEqualTo(explicit);
        assertThat(s.explicit()).isTrue();
        if (computed == null) {
            assertThat(s.computed()).isEmpty();
        } else {
            assertThat(s.computed().getAsDouble()).isCloseTo(computed, within(1e-4));
        }
    }

    @Test
    void dscIsComputedFromItsSingleFinding() {
        EffectResult dsc = result.effect("dsc").orElseThrow();
        assertThat(dsc.findings()).hasSize(1);
        assertThat(dsc.selection().orElseThrow().code()).isEqualTo("IF");
        assertThat(dsc.selection().orElseThrow().belief()).isEqualTo(0.394);
        assertThat(dsc.published()).isEmpty();
        assertThat(dsc.change()).isEqualTo(EffectResult.Change.UNCHANGED);
    }

    @Test
    void traceKeepsEveryStepsConflict() {
        EffectResult acc = result.effect("accuracy").orElseThrow();
        var c = acc.combination().orElseThrow();
        assertThat(c.conflicts()).hasSize(16);
        assertThat(c.lastConflict()).isCloseTo(0.404, within(0.0005));
        assertThat(c.steps().get(15).rightLabel()).isEqualTo("S6/e2");
    }

    private static TreeSet<Integer> atoms(long mask) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int i = 0; i < 7; i++) {
            if ((mask & (1L << i)) != 0) {
                s.add(i);
            }
        }
        return s;
    }

    /** A deliberately naive Dempster's rule over sets of atom indices, written apart from the engine. */
    static final class IndependentDempster {
        static final TreeSet<Integer> THETA = new TreeSet<>(List.of(0, 1, 2, 3, 4, 5, 6));

        static Map<TreeSet<Integer>, Double> fold(List<Map.Entry<TreeSet<Integer>, Double>> findings) {
            Map<TreeSet<Integer>, Double> acc = null;
            for (Map.Entry<TreeSet<Integer>, Double> f : findings) {
                Map<TreeSet<Integer>, Double> m = new LinkedHashMap<>();
                m.merge(f.getKey(), f.getValue(), Double::sum);
                m.merge(THETA, 1.0 - f.getValue(), Double::sum);
                if (acc == null) {
                    acc = m;
                    continue;
                }
                Map<TreeSet<Integer>, Double> next = new LinkedHashMap<>();
                double conflict = 0;
                for (var a : acc.entrySet()) {
                    for (var b : m.entrySet()) {
                        TreeSet<Integer> meet = new TreeSet<>(a.getKey());
                        meet.retainAll(b.getKey());
                        double p = a.getValue() * b.getValue();
                        if (meet.isEmpty()) {
                            conflict += p;
                        } else {
                            next.merge(meet, p, Double::sum);
                        }
                    }
                }
                double k = conflict;
                next.replaceAll((s, v) -> v / (1 - k));
                acc = next;
            }
            return acc;
        }

        static double bel(Map<TreeSet<Integer>, Double> m, TreeSet<Integer> a) {
            return m.entrySet().stream().filter(e -> a.containsAll(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
        }

        static double pl(Map<TreeSet<Integer>, Double> m, TreeSet<Integer> a) {
            return m.entrySet().stream().filter(e -> e.getKey().stream().anyMatch(a::contains))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        /** [mask, Bel, Pl] of the EF-compatible choice (docs/method.md section 6). */
        static double[] efSelect(Map<TreeSet<Integer>, Double> m) {
            double bestBel = -1;
            TreeSet<Integer> best = null;
            for (int i = 0; i < 7; i++) {
                TreeSet<Integer> single = new TreeSet<>(List.of(i));
                double b = bel(m, single);
                if (b > 0 && (b > bestBel + 1e-12 || best != null && Math.abs(b - bestBel) <= 1e-12 && best.size() > 1)) {
                    bestBel = b;
                    best = single;
                }
                if (i < 6) {
                    TreeSet<Integer> pair = new TreeSet<>(List.of(i, i + 1));
                    if (m.getOrDefault(pair, 0.0) > 0) {
                        double bp = bel(m, pair);
                        boolean excluded = bel(m, new TreeSet<>(List.of(i))) >= 0.75 * bp
                                || bel(m, new TreeSet<>(List.of(i + 1))) >= 0.75 * bp;
                        if (!excluded && bp > bestBel + 1e-12) {
                            bestBel = bp;
                            best = pair;
                        }
                    }
                }
            }
            long mask = 0;
            for (int a : best) {
                mask |= 1L << a;
            }
            return new double[] {mask, bestBel, pl(m, best)};
        }
    }
}
