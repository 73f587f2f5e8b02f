package org.ssmworkbench.io.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.core.compare.ConceptComparison;
import org.ssmworkbench.core.compare.ConceptDiff;
import org.ssmworkbench.core.compare.ConceptRow;
import org.ssmworkbench.core.compare.ConceptTrees;
import org.ssmworkbench.core.compare.DecisionFindings;
import org.ssmworkbench.core.compare.MatchBasis;
import org.ssmworkbench.core.compare.MatchState;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.Context;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.core.whatif.ChangeKind;
import org.ssmworkbench.core.whatif.EffectChange;
import org.ssmworkbench.core.whatif.Scenario;
import org.ssmworkbench.core.whatif.WhatIf;
import org.ssmworkbench.core.whatif.WhatIfResult;
import org.ssmworkbench.io.measurements.MeasurementReader;

/** Comparing and what-if on the built-in case, against values computed another way. */
class CaseCompareWhatIfTest {

    static Project project;
    static SynthesisResult result;
    static Map<String, Context> contexts = new LinkedHashMap<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        project = new ProjectLoader(MeasurementReader::summarizeOne).load(QuantizationCaseTest.CASE);
        result = Synthesizer.run(project.synthesis());
        project.descriptions().forEach((k, v) -> contexts.put(k, v.context()));
    }

    static String line(ConceptRow r) {
        return r.slot() + " " + r.state().id() + " " + r.basis().id() + (r.valuesAgree() ? " agree" : "");
    }

    @Test
    void s1AgainstS6MatchesSharedEffectsAndMarksTheOthersAsDecided() {
        ConceptComparison c = ConceptDiff.compare(ConceptTrees.model(result, contexts, "S1", "e1"),
                ConceptTrees.model(result, contexts, "S6", "e1"), project.synthesis());
        assertThat(c.rows()).filteredOn(r -> r.level().id().equals("effect")).extracting(CaseCompareWhatIfTest::line)
                .containsExactly(
                        "accuracy matched same-name agree",              // IF on both sides
                        "inference_energy_consumption differs declared-effect",
                        "storage_size matched same-name agree",          // SP on both sides
                        "inference_latency differs declared-effect",
                        "gpu_energy_consumption differs decision",      // the case's keep of the four GPU effects
                        "gpu_power_draw differs decision",
                        "gpu_utilization differs decision",
                        "gpu_memory_utilization differs decision");
        ConceptRow acc = c.rows().get(1);
        assertThat(acc.left().orElseThrow().effect().orElseThrow().weight()).isEqualTo(0.373);
        assertThat(acc.right().orElseThrow().effect().orElseThrow().weight()).isEqualTo(0.031);
        assertThat(acc.decision().orElseThrow().index()).isZero();
        // all six studies describe the same six context aspects; their values differ
        assertThat(c.rows()).filteredOn(r -> r.level().id().equals("context")).extracting(CaseCompareWhatIfTest::line)
                .containsExactly("quantization matched same-name", "models matched same-name",
                        "datasets matched same-name", "hardware matched same-name",
                        "energy_measurement matched same-name", "data_quality matched same-name");
        assertThat(c.count(MatchState.UNDECIDED)).isZero();
    }

    @Test
    void aModelAgainstTheAggregateShowsEachEffectsPublishedResult() {
        ConceptComparison c = ConceptDiff.compare(ConceptTrees.model(result, contexts, "S5", "e1"),
                ConceptTrees.aggregate(result, contexts), project.synthesis());
        ConceptRow acc = c.rows().stream().filter(r -> r.slot().equals("accuracy")).findFirst().orElseThrow();
        assertThat(acc.state()).isEqualTo(MatchState.MATCHED);
        assertThat(acc.left().orElseThrow().effect().orElseThrow().set()).isEqualTo(SsmScale.NE | SsmScale.WN);
        assertThat(acc.right().orElseThrow().effect().orElseThrow().set()).isEqualTo(SsmScale.WN);
        assertThat(acc.right().orElseThrow().effect().orElseThrow().weight()).isCloseTo(0.886, within(5e-4));
        assertThat(acc.right().orElseThrow().effect().orElseThrow().findings()).isEqualTo(17);
        ConceptRow dsc = c.rows().stream().filter(r -> r.slot().equals("dsc")).findFirst().orElseThrow();
        assertThat(dsc.basis()).isEqualTo(MatchBasis.DECISION);
        assertThat(dsc.left()).isEmpty();
    }

    @Test
    void theKeepOfAccuracyBringsTogetherItsSeventeenFindingsFromFiveStudies() {
        DecisionFindings d = DecisionFindings.of(project.synthesis(), project.synthesis().mappings().get(0));
        assertThat(d.findings()).hasSize(17);
        assertThat(d.studies()).isEqualTo(5);
        assertThat(d.findings()).extracting(b -> b.study()).containsOnly("S1", "S2", "S3", "S5", "S6");
    }

    @Test
    void switchingS3OffGivesWhatLoadingTheCaseWithoutS3Gives() throws IOException {
        WhatIfResult w = WhatIf.run(result, new Scenario(Set.of("S3"), Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of()));
        // independently: the case with S3 taken out of synthesis.yaml's study list, loaded and run as ssm does
        Path dir = copyCase();
        Path yaml = dir.resolve("synthesis.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("studies: [S1, S2, S3, S4, S5, S6]",
                "studies: [S1, S2, S4, S5, S6]"));
        SynthesisResult without = Synthesizer.run(new ProjectLoader(MeasurementReader::summarizeOne).load(dir)
                .synthesis());
        for (EffectResult e : without.effects()) {
            EffectResult got = w.result().effect(e.effect().id()).orElseThrow();
            assertThat(got.selection().map(s -> s.set())).as(e.effect().id()).isEqualTo(e.selection().map(s -> s.set()));
            assertThat(got.selection().map(s -> s.belief())).as(e.effect().id())
                    .isEqualTo(e.selection().map(s -> s.belief()));
        }
        EffectChange energy = w.change("inference_energy_consumption").orElseThrow();
        assertThat(energy.kind()).isEqualTo(ChangeKind.FLIPS);
        assertThat(energy.before().orElseThrow().code()).isEqualTo("WP");
        assertThat(energy.after().orElseThrow().code()).isEqualTo("SP");
        assertThat(energy.after().orElseThrow().belief()).isCloseTo(0.9668, within(1e-4));
        assertThat(w.change("f1_score").orElseThrow().kind()).isEqualTo(ChangeKind.NO_FINDINGS);
        assertThat(w.flips()).extracting(c -> c.effect().id()).containsExactly("accuracy", "f1_score",
                "inference_latency", "inference_power_draw", "inference_energy_consumption");
    }

    Path copyCase() throws IOException {
        Path to = tmp.resolve("case");
        try (Stream<Path> s = Files.walk(QuantizationCaseTest.CASE)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(QuantizationCaseTest.CASE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

}
