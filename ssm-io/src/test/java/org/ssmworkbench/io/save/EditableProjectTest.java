package org.ssmworkbench.io.save;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.ProjectLoader;

/** Validate before save on a copy of the case: a draft loads the project with its texts in memory. */
class EditableProjectTest {

    static final Path CASE = Path.of("..", "examples", "quantization");
    static final ProjectLoader LOADER = new ProjectLoader(MeasurementReader::summarizeOne);

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void copy() throws IOException {
        dir = tmp.resolve("q");
        try (Stream<Path> s = Files.walk(CASE)) {
            for (Path p : s.toList()) {
                Path t = dir.resolve(CASE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** S1's e2 accuracy (summary mean -8.461) as a direct input: strongly negative with mass 0.9. */
    private Map<String, JsonNode> directAccuracy(EditableProject p) {
        ObjectNode s1 = (ObjectNode) p.tree("studies/S1.yaml").orElseThrow();
        ObjectNode acc = (ObjectNode) s1.get("evidence").get(1).get("effects").get("accuracy");
        acc.remove("summary");
        acc.put("intensity", "strongly negative");
        acc.put("mass", 0.9);
        return Map.of("studies/S1.yaml", s1);
    }

    @Test
    void aDraftIsTheProjectAsItWouldBeAndNothingIsWrittenUntilSaved() throws IOException {
        EditableProject p = EditableProject.load(LOADER, dir);
        String before = Files.readString(dir.resolve("studies/S1.yaml"));
        EditableProject.Draft d = p.draft(directAccuracy(p), Set.of());
        assertThat(Files.readString(dir.resolve("studies/S1.yaml"))).isEqualTo(before);
        assertThat(d.changes()).extracting(EditableProject.FileChange::path).containsExactly("studies/S1.yaml");
        var e2 = d.project().synthesis().studies().get(0).evidence().get(1);
        assertThat(e2.id()).isEqualTo("e2");
        var finding = Synthesizer.run(d.project().synthesis()).findings().stream()
                .filter(f -> f.study().equals("S1") && f.evidence().equals("e2") && f.effect().equals("accuracy"))
                .findFirst().orElseThrow();
        assertThat(finding.mass()).isEqualTo(0.9);
        assertThat(finding.source()).isEqualTo("direct");

        EditableProject.Saved saved = EditableProject.save(d);
        assertThat(saved.written()).containsExactly("studies/S1.yaml");
        assertThat(saved.previous().get("studies/S1.yaml")).hasContent(before);
        String after = Files.readString(dir.resolve("studies/S1.yaml"));
        assertThat(after).contains("# S1: transcribed from the replication package", "# w2a2 vs the fp64 baseline",
                "intensity: strongly negative", "mass: 0.9");
        assertThat(after.lines().count()).as("summary: {...} became intensity: and mass:").isEqualTo(before.lines().count() + 1);
        assertThat(EditableProject.load(LOADER, dir).versions().get("studies/S1.yaml"))
                .isNotEqualTo(p.versions().get("studies/S1.yaml"));
    }

    @Test
    void aDraftThatDoesNotLoadIsRefusedWithItsLocation() throws IOException {
        EditableProject p = EditableProject.load(LOADER, dir);
        ObjectNode s1 = (ObjectNode) p.tree("studies/S1.yaml").orElseThrow();
        ((ObjectNode) s1.get("evidence").get(0).get("effects").get("accuracy")).put("intensity", "very positive");
        String before = Files.readString(dir.resolve("studies/S1.yaml"));
        assertThatThrownBy(() -> p.draft(Map.of("studies/S1.yaml", s1), Set.of()))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file().getFileName().toString()).isEqualTo("S1.yaml");
                    assertThat(e.line()).isPositive();
                    assertThat(e.field()).startsWith("evidence[0].effects.accuracy");
                });
        assertThat(Files.readString(dir.resolve("studies/S1.yaml"))).isEqualTo(before);
        assertThat(dir.resolve(".ssm")).doesNotExist();
    }

    @Test
    void aSaveOverAHandEditIsAConflictAndWritesNothing() throws IOException {
        EditableProject p = EditableProject.load(LOADER, dir);
        EditableProject.Draft d = p.draft(directAccuracy(p), Set.of());
        Path s1 = dir.resolve("studies/S1.yaml");
        String hand = Files.readString(s1).replace("# S1: transcribed", "# S1 (edited by hand): transcribed");
        Files.writeString(s1, hand);
        assertThatThrownBy(() -> EditableProject.save(d)).isInstanceOfSatisfying(SaveConflictException.class,
                e -> assertThat(e.files()).containsExactly("studies/S1.yaml"));
        assertThat(Files.readString(s1)).isEqualTo(hand);
    }

    @Test
    void aNewStudyIsCheckedInMemoryThenWrittenBeforeTheListThatNamesIt() throws IOException {
        EditableProject p = EditableProject.load(LOADER, dir);
        ObjectNode s7 = (ObjectNode) p.tree("studies/S6.yaml").orElseThrow();
        s7.put("id", "S7");
        ObjectNode syn = (ObjectNode) p.tree("synthesis.yaml").orElseThrow();
        ((ArrayNode) syn.get("studies")).add("S7");
        EditableProject.Draft d = p.draft(Map.of("synthesis.yaml", syn, "studies/S7.yaml", s7), Set.of());
        assertThat(dir.resolve("studies/S7.yaml")).doesNotExist();
        assertThat(d.project().synthesis().studies()).hasSize(7);
        assertThat(d.changes()).extracting(EditableProject.FileChange::path)
                .containsExactly("studies/S7.yaml", "synthesis.yaml");
        EditableProject.save(d);
        assertThat(EditableProject.load(LOADER, dir).project().synthesis().studies()).hasSize(7);
        assertThat(Files.readString(dir.resolve("synthesis.yaml"), StandardCharsets.UTF_8))
                .contains("# Built-in example: the model-quantization synthesis");
    }

    @Test
    void aRemovedStudyLeavesTheListAndItsFileGoesToTheHistory() throws IOException {
        EditableProject p = EditableProject.load(LOADER, dir);
        ObjectNode syn = (ObjectNode) p.tree("synthesis.yaml").orElseThrow();
        ArrayNode studies = (ArrayNode) syn.get("studies");
        studies.remove(5);
        String s6 = Files.readString(dir.resolve("studies/S6.yaml"));
        EditableProject.Draft d = p.draft(Map.of("synthesis.yaml", syn), Set.of("studies/S6.yaml"));
        EditableProject.Saved saved = EditableProject.save(d);
        assertThat(saved.written()).containsExactly("synthesis.yaml", "studies/S6.yaml");
        assertThat(dir.resolve("studies/S6.yaml")).doesNotExist();
        assertThat(saved.previous().get("studies/S6.yaml")).hasContent(s6);
        assertThat(EditableProject.load(LOADER, dir).project().synthesis().studies()).hasSize(5);
    }
}
