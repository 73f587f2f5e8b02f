package org.ssmworkbench.io.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssmworkbench.core.sensitivity.EffectSensitivity;
import org.ssmworkbench.core.sensitivity.SensitivityAnalysis;
import org.ssmworkbench.core.sensitivity.SensitivityPlan;
import org.ssmworkbench.core.sensitivity.SensitivityResult;
import org.ssmworkbench.core.sensitivity.Variant;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.io.measurements.MeasurementReader;

/** Sensitivity analysis of the built-in case, pinned to values computed independently here. */
class SensitivityCaseTest {

    static Project project;
    /** With every step's K (each variant folded step by step). */
    static SensitivityResult result;
    /** The default: the last K only, leave-one-out variants from shared folds. */
    static SensitivityResult summary;

    @BeforeAll
    static void run() {
        project = new ProjectLoader(MeasurementReader::summarizeOne).load(QuantizationCaseTest.CASE);
        result = SensitivityAnalysis.run(project.synthesis(), project.sensitivity()
                .withConflicts(SensitivityPlan.Conflicts.FULL));
        summary = SensitivityAnalysis.run(project.synthesis(), project.sensitivity());
    }

    private static Variant variant(String effect, String name) {
        return result.effect(effect).orElseThrow().variants().stream().filter(v -> v.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no variant '" + name + "' for " + effect));
    }

    /** The recorded (published) findings of an effect, as (atoms, mass), without the studies named. */
    private static List<Map.Entry<TreeSet<Integer>, Double>> recorded(String effect, List<String> withoutStudies) {
        List<Map.Entry<TreeSet<Integer>, Double>> out = new ArrayList<>();
        for (Finding f : result.base().findings()) {
            if (f.effect().equals(effect) && !withoutStudies.contains(f.study())) {
                TreeSet<Integer> atoms = new TreeSet<>();
                long m = f.recorded().intensity().orElseThrow().mask();
                for (int i = 0; i < 7; i++) {
                    if ((m & (1L << i)) != 0) {
                        atoms.add(i);
                    }
                }
                out.add(Map.entry(atoms, f.recorded().mass().getAsDouble()));
            }
        }
        return out;
    }

    @Test
    void everyVariantOfTheCaseIsProducedWithStableNames() {
        // 6 studies + 19 evidence models + 5 rules + 2 selectors + 4 assignments + 2 discount factors
        // + cut points (6 x 4 factors per family, 3 skipped per family) + 8 subgroups
        // + inclusion (1 belief threshold, 1 set of types, 15 checklist items some study answers "no")
        // + 3 dependence
        for (EffectSensitivity e : result.effects()) {
            assertThat(e.variants()).as(e.effect().id()).hasSize(6 + 19 + 5 + 2 + 4 + 2 + 21 + 8 + 17 + 3);
            Map<String, Long> perAnalysis = e.variants().stream()
                    .collect(Collectors.groupingBy(v -> v.analysis().id(), LinkedHashMap::new, Collectors.counting()));
            assertThat(perAnalysis).containsExactly(
                    Map.entry("leave-one-study-out", 6L), Map.entry("leave-one-evidence-model-out", 19L),
                    Map.entry("rule", 5L), Map.entry("selector", 2L), Map.entry("assignment", 4L),
                    Map.entry("discount-factor", 2L), Map.entry("cut-points", 21L), Map.entry("subgroup", 8L),
                    Map.entry("inclusion", 17L), Map.entry("dependence", 3L));
        }
        assertThat(result.effect("accuracy").orElseThrow().variants()).extracting(Variant::name)
                .contains("without S3", "without S3/e2", "rule=yager", "rule=murphy", "rule=conjunctive",
                        "selector=santos", "assignment=equitable-split", "cuts=correctness:c3*1.25",
                        "subgroup bits<=4", "subgroup bits=8", "subgroup bits>=16", "subgroup method=PTQ",
                        "subgroup method=QAT", "subgroup energy=measured", "subgroup energy=analytical",
                        "subgroup energy=simulated", "dependence=study-combined", "dependence=study-averaged", "dependence=strongest-per-study");
        assertThat(result.effect("inference_latency").orElseThrow().variants()).extracting(Variant::name)
                .contains("cuts=resource:c3*1.25").doesNotContain("cuts=correctness:c3*1.25");
        assertThat(result.skipped()).filteredOn(s -> s.startsWith("cuts=")).hasSize(6)
                .anyMatch(s -> s.startsWith("cuts=resource:c5*0.75"));
        assertThat(result.skipped()).filteredOn(s -> s.startsWith("quality ")).allMatch(s -> s.contains("no study"
                + " answers item"));
    }

    @Test
    void accuracyWithoutS3EqualsAnIndependentCombination() {
        Map<TreeSet<Integer>, Double> m = QuantizationCaseTest.IndependentDempster.fold(recorded("accuracy",
                List.of("S3")));
        double[] expected = QuantizationCaseTest.IndependentDempster.efSelect(m);
        Variant v = variant("accuracy", "without S3");
        assertThat(v.hypothesis().orElseThrow()).isEqualTo((long) expected[0]);
        assertThat(SsmScale.FRAME.format(v.hypothesis().orElseThrow())).isEqualTo("WN,IF");
        assertThat(v.belief()).isCloseTo(expected[1], within(1e-9));
        assertThat(v.plausibility()).isCloseTo(expected[2], within(1e-9));
        assertThat(v.findings()).isEqualTo(9);
        assertThat(v.studies()).isEqualTo(4);
        assertThat(v.flips()).isTrue();
    }

    @Test
    void yagerOnInferenceEnergyEqualsAnIndependentYager() {
        List<Map.Entry<TreeSet<Integer>, Double>> fs = recorded("inference_energy_consumption", List.of());
        TreeSet<Integer> theta = QuantizationCaseTest.IndependentDempster.THETA;
        Map<TreeSet<Integer>, Double> acc = null;
        List<Double> ks = new ArrayList<>();
        for (Map.Entry<TreeSet<Integer>, Double> f : fs) {
            Map<TreeSet<Integer>, Double> m = new LinkedHashMap<>();
            m.merge(f.getKey(), f.getValue(), Double::sum);
            m.merge(theta, 1 - f.getValue(), Double::sum);
            if (acc == null) {
                acc = m;
                continue;
            }
            Map<TreeSet<Integer>, Double> next = new LinkedHashMap<>();
            double k = 0;
            for (var a : acc.entrySet()) {
                for (var b : m.entrySet()) {
                    TreeSet<Integer> meet = new TreeSet<>(a.getKey());
                    meet.retainAll(b.getKey());
                    if (meet.isEmpty()) {
                        k += a.getValue() * b.getValue();
                    } else {
                        next.merge(meet, a.getValue() * b.getValue(), Double::sum);
                    }
                }
            }
            next.merge(theta, k, Double::sum);
            ks.add(k);
            acc = next;
        }
        double[] expected = QuantizationCaseTest.IndependentDempster.efSelect(acc);
        Variant v = variant("inference_energy_consumption", "rule=yager");
        assertThat(v.hypothesis().orElseThrow()).isEqualTo((long) expected[0]);
        assertThat(v.belief()).isCloseTo(expected[1], within(1e-9));
        assertThat(v.conflicts().orElseThrow()).hasSize(16);
        for (int i = 0; i < ks.size(); i++) {
            assertThat(v.conflicts().orElseThrow()[i]).isCloseTo(ks.get(i), within(1e-12));
        }
        assertThat(v.flips()).isEqualTo(expected[0] != SsmScale.WP);
    }

    @Test
    void baseRuleVariantReproducesTheBaseAndTheConjunctiveReportsEmptyMass() {
        for (EffectSensitivity e : result.effects()) {
            Variant d = variant(e.effect().id(), "rule=dempster");
            assertThat(d.flips()).isFalse();
            assertThat(d.belief()).isEqualTo(e.base().selection().orElseThrow().belief());
            Variant ef = variant(e.effect().id(), "selector=ef");
            assertThat(ef.flips()).isFalse();
            Variant pub = variant(e.effect().id(), "assignment=published");
            assertThat(pub.belief()).isEqualTo(e.base().selection().orElseThrow().belief());
        }
        Variant conj = variant("accuracy", "rule=conjunctive");
        assertThat(conj.emptyMass()).isPresent();
        assertThat(conj.emptyMass().getAsDouble()).isBetween(0.0, 1.0);
        assertThat(conj.emptyMass().getAsDouble()).isCloseTo(conj.lastConflict(), within(1e-12));
        assertThat(variant("accuracy", "rule=yager").emptyMass()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            bits_weights       | subgroup bits<=4          | <=4
            bits_weights       | subgroup bits=8           | =8
            bits_weights       | subgroup bits>=16         | >=16
            method             | subgroup method=PTQ       | PTQ
            method             | subgroup method=QAT       | QAT
            energy_measurement | subgroup energy=measured  | measured
            energy_measurement | subgroup energy=analytical| analytical
            energy_measurement | subgroup energy=simulated | simulated
            """)
    void subgroupsCountFindingsAndStudiesAndWarnWhenOneStudyCarriesThem(String moderator, String name, String test) {
        for (EffectSensitivity e : result.effects()) {
            int findings = 0;
            java.util.Set<String> studies = new java.util.HashSet<>();
            for (var st : project.synthesis().studies()) {
                for (var em : st.evidence()) {
                    String value = em.moderators().get(moderator);
                    boolean in = value != null && switch (test) {
                        case "<=4" -> Double.parseDouble(value) <= 4;
                        case "=8" -> Double.parseDouble(value) == 8;
                        case ">=16" -> Double.parseDouble(value) >= 16;
                        default -> value.equals(test);
                    };
                    if (in && em.effects().containsKey(e.effect().id())) {
                        findings++;
                        studies.add(st.id());
                    }
                }
            }
            Variant v = variant(e.effect().id(), name);
            assertThat(v.findings()).as(e.effect().id() + " " + name).isEqualTo(findings);
            assertThat(v.studies()).as(e.effect().id() + " " + name).isEqualTo(studies.size());
            assertThat(v.note()).as(e.effect().id() + " " + name)
                    .isEqualTo(studies.size() == 1 ? "rests on one study" : findings == 0 ? "no findings" : "");
        }
        assertThat(variant("accuracy", "subgroup bits<=4").findings()).as("S1 w2, w4 and S6 int4").isEqualTo(3);
    }

    @Test
    void dependenceVariantsUseOneFindingPerStudy() {
        Variant strongest = variant("accuracy", "dependence=strongest-per-study");
        assertThat(strongest.findings()).isEqualTo(5);
        assertThat(strongest.studies()).isEqualTo(5);
        Variant combined = variant("accuracy", "dependence=study-combined");
        assertThat(combined.findings()).isEqualTo(17);
        assertThat(combined.conflicts().orElseThrow()).as("one step per pair of studies").hasSize(4);
        assertThat(combined.steps()).isEqualTo(4);
        // Dempster is associative: combining within studies first gives the same masses, so the same result
        assertThat(combined.belief()).isCloseTo(result.effect("accuracy").orElseThrow().base().selection()
                .orElseThrow().belief(), within(1e-9));
        Variant averaged = variant("accuracy", "dependence=study-averaged");
        assertThat(averaged.findings()).isEqualTo(17);
        assertThat(averaged.studies()).isEqualTo(5);
        assertThat(averaged.belief()).as("averaging within a study removes self-reinforcement")
                .isLessThan(combined.belief());
    }

    @Test
    void smallestCutFlipIsTheSmallestChangeThatFlips() {
        EffectSensitivity acc = result.effect("accuracy").orElseThrow();
        assertThat(acc.smallestCutFlip()).isPresent();
        assertThat(acc.smallestCutFlip().get().name()).isEqualTo("cuts=correctness:c1*1.1");
        assertThat(result.effect("storage_size").orElseThrow().smallestCutFlip()).isEmpty();
    }

    @Test
    void theSummaryGivesTheSameVariantsAsTheStepByStepFolds() {
        for (EffectSensitivity e : result.effects()) {
            List<Variant> slow = e.variants();
            List<Variant> fast = summary.effect(e.effect().id()).orElseThrow().variants();
            assertThat(fast).hasSameSizeAs(slow);
            for (int i = 0; i < slow.size(); i++) {
                Variant a = slow.get(i);
                Variant b = fast.get(i);
                assertThat(b.name()).isEqualTo(a.name());
                assertThat(b.hypothesis()).as(a.name()).isEqualTo(a.hypothesis());
                assertThat(b.belief()).as(a.name()).isCloseTo(a.belief(), within(1e-12));
                assertThat(b.plausibility()).as(a.name()).isCloseTo(a.plausibility(), within(1e-12));
                assertThat(b.lastConflict()).as(a.name()).isCloseTo(a.lastConflict(), within(1e-12));
                assertThat(b.steps()).as(a.name()).isEqualTo(a.conflicts().orElseThrow().length);
                assertThat(b.findings()).isEqualTo(a.findings());
                assertThat(b.studies()).isEqualTo(a.studies());
                assertThat(b.conflicts()).isEmpty();
                assertThat(b.meanConflict()).isEmpty();
            }
        }
    }
}
