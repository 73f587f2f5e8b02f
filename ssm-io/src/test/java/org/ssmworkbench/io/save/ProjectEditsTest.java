package org.ssmworkbench.io.save;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.whatif.Scenario;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectLoader;

/** Concept decisions and policy changes written into a copy of the built-in case, checked as drafts first. */
class ProjectEditsTest {

    @TempDir
    Path tmp;

    static final ProjectLoader LOADER = new ProjectLoader(MeasurementReader::summarizeOne);

    Path copy() {
        return ProjectWriterTest.copy(ProjectWriterTest.PROJECTS.get("quantization"), tmp.resolve("q"));
    }

    static EditableProject.Saved save(EditableProject p,
            java.util.function.Function<EditableProject, com.fasterxml.jackson.databind.JsonNode> edit) throws IOException {
        return EditableProject.save(p.draft(Map.of("synthesis.yaml", edit.apply(p)), Set.of()));
    }

    /** The comment of every line that has one (the text from its '#'), in order. */
    static List<String> comments(String text) {
        return text.lines().filter(l -> l.strip().startsWith("#") || l.contains(" # "))
                .map(l -> l.strip().startsWith("#") ? l.strip() : l.substring(l.indexOf(" # ") + 1)).toList();
    }

    @Test
    void aKeepDecisionIsAppendedToConceptsWithEveryCommentKept() throws IOException {
        Path dir = copy();
        String before = Files.readString(dir.resolve("synthesis.yaml"));
        ConceptMapping keep = new ConceptMapping(ConceptMapping.Decision.KEEP, List.of("inference_latency"), null,
                "S6 times whole generations; the same concept as the per-sample latency of S3 and S5");
        save(EditableProject.load(LOADER, dir), p -> ProjectEdits.withConceptDecision(p, keep));

        String after = Files.readString(dir.resolve("synthesis.yaml"));
        assertThat(comments(after)).containsExactlyElementsOf(comments(before));
        List<List<String>> changed = ProjectWriterTest.changed(before, after);
        assertThat(changed.get(0)).isEmpty();
        assertThat(String.join("\n", changed.get(1))).contains("keep: [inference_latency]")
                .contains("S6 times whole generations");
        // the new entry follows the last decision, before the blank line and policies:
        int at = after.indexOf("keep: [inference_latency]");
        assertThat(after.indexOf("inference_power_draw).")).isLessThan(at);
        assertThat(after.indexOf("\npolicies:")).isGreaterThan(at);
        Project p = new ProjectLoader(MeasurementReader::summarizeOne).load(dir);
        assertThat(p.synthesis().mappings()).hasSize(5).last().isEqualTo(keep);
        assertThat(dir.resolve(".ssm/history/synthesis.yaml")).isDirectory();
    }

    @Test
    void aDecisionThatWouldNotLoadWritesNothingAndNamesFileLineAndField() throws IOException {
        Path dir = copy();
        Map<String, String> before = ProjectWriterTest.files(dir);
        EditableProject p = EditableProject.load(LOADER, dir);
        ConceptMapping typo = new ConceptMapping(ConceptMapping.Decision.JOIN, List.of("pass@1"), "acuracy",
                "typo in the effect");
        assertThatThrownBy(() -> p.draft(Map.of("synthesis.yaml", ProjectEdits.withConceptDecision(p, typo)), Set.of())).isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException x = (InputException) e;
                    assertThat(x.file()).isEqualTo(dir.resolve("synthesis.yaml"));
                    assertThat(x.line()).isGreaterThan(0);
                    assertThat(x.field()).startsWith("concepts[4]");
                    assertThat(x.getMessage()).contains("acuracy");
                });
        assertThat(ProjectWriterTest.files(dir)).isEqualTo(before);
    }

    @Test
    void keepingAWhatIfWritesItsPoliciesInPlace() throws IOException {
        Path dir = copy();
        String before = Files.readString(dir.resolve("synthesis.yaml"));
        Scenario sc = new Scenario(Set.of("S3"), Set.of(), Optional.of(CombinationRule.YAGER),
                Optional.of(ResultSelector.SANTOS), Optional.of(MassAssignment.EQUITABLE_SPLIT),
                Map.of("correctness", new CutPoints("correctness", new double[] {2.5, 5, 10, 15, 20, 25})));
        save(EditableProject.load(LOADER, dir), p -> ProjectEdits.withPolicies(p, sc));

        String after = Files.readString(dir.resolve("synthesis.yaml"));
        assertThat(comments(after)).containsExactlyElementsOf(comments(before));
        List<List<String>> changed = ProjectWriterTest.changed(before, after);
        assertThat(changed.get(1)).containsExactly(
                "  rule: yager",
                "  selector: santos",
                "  assignment: equitable-split      # each finding's mass as published in effects.json (\"belief\")",
                "  quantiles: nearest",
                "  zero_baseline: reject",
                "  discount:",
                "    factor: 0.1                    # d = 1 - exp(-0.1 * |IQR / mean RI|)",
                "    decimals: 3",
                "    mass_decimals: 3",
                "  cut_points:                      # upper-inclusive bands of |mean RI| (docs/method.md section 3)",
                "    correctness: [2.5, 5, 10, 15, 20, 25]");
        Project p = new ProjectLoader(MeasurementReader::summarizeOne).load(dir);
        assertThat(p.synthesis().policies().rule()).isEqualTo(CombinationRule.YAGER);
        assertThat(p.synthesis().policies().cuts("correctness").cut(1)).isEqualTo(2.5);
        // switched-off studies are not a policy: the study order is as it was
        assertThat(p.synthesis().studies()).hasSize(6);
    }

    @Test
    void anUnchangedScenarioWritesNothing() throws IOException {
        Path dir = copy();
        Map<String, String> before = ProjectWriterTest.files(dir);
        EditableProject.Saved s = save(EditableProject.load(LOADER, dir), p -> ProjectEdits.withPolicies(p,
                Scenario.NONE));
        assertThat(s.written()).isEmpty();
        assertThat(ProjectWriterTest.files(dir)).isEqualTo(before);
    }
}
