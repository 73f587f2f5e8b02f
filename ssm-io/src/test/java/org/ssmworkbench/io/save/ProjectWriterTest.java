package org.ssmworkbench.io.save;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectFiles;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.io.yaml.YamlDocument;
import org.ssmworkbench.io.yaml.YamlEditException;
import org.ssmworkbench.io.yaml.YamlEditPropertiesTest;

/** Saving a loaded project back: byte-identical when unchanged, one change in its lines only. */
class ProjectWriterTest {

    static final Map<String, Path> PROJECTS = Map.of(
            "quantization", Path.of("..", "examples", "quantization"),
            "quantization-extended", Path.of("..", "examples", "quantization-extended"),
            "init", Path.of("..", "ssm-cli", "src", "main", "resources", "org", "ssmworkbench", "cli", "init"));

    /**
     * The scaffold as `ssm init` wrote it until 2026-11 (quantization-flavoured, flow and block styles
     * side by side): the fixture of the tests below that edit particular lines, so that they do not
     * follow changes of today's scaffold.
     */
    static final Path FIXTURE = Path.of("src", "test", "resources", "org", "ssmworkbench", "io", "save",
            "scaffold-2026-11");

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    static ProjectContent load(Path dir) {
        return ProjectContent.of(new ProjectLoader(MeasurementReader::summarizeOne).loadSources(dir));
    }

    static Path copy(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under a folder with its bytes as text, by relative path. */
    static Map<String, String> files(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), new String(Files.readAllBytes(p),
                        StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The project with one study's record edited through its tree. */
    static ProjectContent withStudy(ProjectContent p, String id, Consumer<ObjectNode> edit) {
        ObjectNode t = (ObjectNode) ProjectTrees.tree(p.studies().get(id));
        edit.accept(t);
        return p.withStudy(id, ProjectTrees.record(t, ProjectFiles.StudyFile.class));
    }

    /** The project with synthesis.yaml's record edited through its tree. */
    static ProjectContent withSynthesis(ProjectContent p, Consumer<ObjectNode> edit) {
        ObjectNode t = (ObjectNode) ProjectTrees.tree(p.synthesis());
        edit.accept(t);
        return p.withSynthesis(ProjectTrees.record(t, ProjectFiles.SynthesisFile.class));
    }

    /** Whether two projects' models write the same trees (as the loader reads them). */
    static void assertSameModel(ProjectContent reloaded, ProjectContent edited) {
        Map<String, JsonNode> a = ProjectTrees.of(reloaded);
        Map<String, JsonNode> b = ProjectTrees.of(edited);
        assertThat(a.keySet()).isEqualTo(b.keySet());
        for (String f : a.keySet()) {
            assertThat(YamlDocument.same(a.get(f), b.get(f))).as(f + ": " + a.get(f) + " vs " + b.get(f)).isTrue();
        }
    }

    /** Lines of a that b does not have, and lines of b that a does not have, after the common head and tail. */
    static List<List<String>> changed(String a, String b) {
        return YamlEditPropertiesTest.Changed.between(a, b).lines(a, b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quantization", "quantization-extended", "init"})
    void anUnchangedModelRewritesEveryFileByteIdentical(String name) throws IOException {
        Path dir = copy(PROJECTS.get(name), tmp.resolve(name));
        Map<String, String> before = files(dir);
        ProjectContent p = load(dir);
        ProjectWriter w = new ProjectWriter(AtomicFiles.KEEP, CLOCK);
        List<ProjectWriter.FileText> texts = w.render(p);
        assertThat(texts).hasSize(p.studies().size() + 1 + (p.checklist().isPresent() ? 1 : 0));
        assertThat(texts).extracting(ProjectWriter.FileText::path).containsAll(p.inputs().stream()
                .map(org.ssmworkbench.core.synthesis.Provenance.Input::path).filter(f -> f.endsWith(".yaml")).toList());
        for (ProjectWriter.FileText t : texts) {
            assertThat(t.after()).as(t.path()).isEqualTo(t.before());
        }
        assertThat(w.save(p).written()).isEmpty();
        assertThat(files(dir)).isEqualTo(before);
        assertThat(dir.resolve(".ssm")).doesNotExist();
    }

    /** Saves an edited project and returns the changed file's before/after lines; checks the rest. */
    private List<List<String>> saveOne(Path dir, ProjectContent edited, String file) throws IOException {
        Map<String, String> before = files(dir);
        ProjectWriter.Saved saved = new ProjectWriter(AtomicFiles.KEEP, CLOCK).save(edited);
        assertThat(saved.written()).containsExactly(file);
        Map<String, String> after = files(dir);
        for (String f : before.keySet()) {
            if (!f.equals(file)) {
                assertThat(after.get(f)).as(f).isEqualTo(before.get(f));
            }
        }
        String kept = ".ssm/history/" + file + "/000001-20261201T120000.000Z.yaml";
        assertThat(after.get(kept)).as("previous version kept").isEqualTo(before.get(file));
        assertSameModel(load(dir), edited);
        return changed(before.get(file), after.get(file));
    }

    @Test
    void anIntensityAndAMassChangeOneLineEach() throws IOException {
        Path dir = copy(PROJECTS.get("quantization-extended"), tmp.resolve("x"));
        ProjectContent p = load(dir);
        ProjectContent edited = withStudy(p, "S1", t -> ((ObjectNode) t.at("/evidence/0/effects/bleu")).put("intensity", "weakly negative"));
        assertThat(saveOne(dir, edited, "studies/S1.yaml")).isEqualTo(List.of(
                List.of("        intensity: negative - weakly negative"), List.of("        intensity: weakly negative")));
        ProjectContent again = load(dir);
        ProjectContent mass = withStudy(again, "S1", t -> ((ObjectNode) t.at("/evidence/0/effects/storage_size")).put("mass", 0.5));
        new ProjectWriter(AtomicFiles.KEEP, CLOCK).save(mass);
        List<List<String>> c = changed(files(dir).get(".ssm/history/studies/S1.yaml/000002-20261201T120000.000Z.yaml"),
                files(dir).get("studies/S1.yaml"));
        assertThat(c).isEqualTo(List.of(List.of("        mass: 0.327"), List.of("        mass: 0.5")));
        assertSameModel(load(dir), mass);
    }

    @Test
    void aChecklistAnswerChangesItsLineAndKeepsTheSpelling() throws IOException {
        Path dir = copy(PROJECTS.get("quantization"), tmp.resolve("q"));
        ProjectContent edited = withStudy(load(dir), "S1", t -> ((ObjectNode) t.get("quality")).put("1.1", "yes"));
        assertThat(saveOne(dir, edited, "studies/S1.yaml"))
                .isEqualTo(List.of(List.of("  \"1.1\": no"), List.of("  \"1.1\": yes")));
    }

    @Test
    void aNewEvidenceModelIsAppendedInTheStyleOfTheOthers() throws IOException {
        Path dir = copy(FIXTURE, tmp.resolve("i"));
        ProjectContent edited = withStudy(load(dir), "S2", t -> {
            ObjectNode e = ((ArrayNode) t.get("evidence")).addObject();
            e.put("id", "e2").put("label", "int8");
            e.putObject("moderators").put("bits_weights", 8).put("bits_activations", 16).put("method", "PTQ");
            e.putObject("effects").putObject("top1_accuracy").put("intensity", "indifferent").put("mass", 0.35);
        });
        List<List<String>> c = saveOne(dir, edited, "studies/S2.yaml");
        assertThat(c.get(0)).isEmpty();
        assertThat(c.get(1)).containsExactly(
                "  - id: e2",
                "    label: int8",
                "    moderators: {bits_weights: 8, bits_activations: 16, method: PTQ}",
                "    effects:",
                "      top1_accuracy:",
                "        intensity: indifferent",
                "        mass: 0.35");
    }

    @Test
    void aConceptDecisionIsAppendedToTheMapping() throws IOException {
        Path dir = copy(FIXTURE, tmp.resolve("c"));
        ProjectContent p = load(dir);
        ProjectContent edited = withSynthesis(p, t -> ((ArrayNode) t.get("concepts")).addObject()
                .put("reason", "recorded for the audit trail: 'top-1' is how S2 names it")
                .set("keep", t.arrayNode().add("accuracy")));
        List<List<String>> c = saveOne(dir, edited, "synthesis.yaml");
        assertThat(c.get(0)).isEmpty();
        assertThat(String.join("\n", c.get(1))).contains("reason: \"recorded for the audit trail: 'top-1' is how S2 names it\"")
                .contains("keep: [accuracy]");
    }

    @Test
    void aFileChangedOnDiskSinceLoadingIsNotOverwritten() throws IOException {
        Path dir = copy(FIXTURE, tmp.resolve("k"));
        ProjectContent edited = withStudy(load(dir), "S2", t -> t.put("belief", 0.5));
        Path s2 = dir.resolve("studies/S2.yaml");
        String hand = Files.readString(s2).replace("year: 2024", "year: 2025   # corrected by hand");
        Files.writeString(s2, hand);
        assertThatThrownBy(() -> new ProjectWriter().save(edited)).isInstanceOf(SaveConflictException.class)
                .hasMessageContaining("studies/S2.yaml changed on disk since the project was read; nothing was saved");
        assertThat(Files.readString(s2)).isEqualTo(hand);
        assertThat(dir.resolve(".ssm")).doesNotExist();
    }

    @Test
    void aFileThatCannotBeEditedFaithfullyStopsTheWholeSave() throws IOException {
        Path dir = copy(FIXTURE, tmp.resolve("a"));
        Path s2 = dir.resolve("studies/S2.yaml");
        Files.writeString(s2, Files.readString(s2).replace("  models: [MobileNetV2]", "  models: [MobileNetV2,\n    ResNet-50]"));
        ProjectContent p = load(dir);
        Map<String, String> before = files(dir);
        ProjectContent edited = withStudy(withStudy(p, "S1", t -> t.put("type", "controlled-experiment")), "S2",
                t -> ((ArrayNode) t.at("/context/models")).add("ViT"));
        assertThatThrownBy(() -> new ProjectWriter().save(edited)).isInstanceOf(YamlEditException.class)
                .hasMessageContaining("studies/S2.yaml: line 8, context.models: is a flow collection ([...] or {...})"
                        + " over several lines");
        assertThat(files(dir)).as("S1 could be edited, but is not written either").isEqualTo(before);
    }

    @Test
    void aNewStudyIsWrittenBeforeTheListThatNamesIt() throws IOException {
        Path dir = copy(FIXTURE, tmp.resolve("n"));
        ProjectContent p = load(dir);
        ObjectNode s3 = (ObjectNode) ProjectTrees.tree(p.studies().get("S2"));
        s3.put("id", "S3");
        ProjectContent withS3 = withSynthesis(p.withStudy("S3", ProjectTrees.record(s3, ProjectFiles.StudyFile.class)),
                t -> ((ArrayNode) t.get("studies")).add("S3"));
        ProjectWriter.Saved saved = new ProjectWriter(3, CLOCK).save(withS3);
        assertThat(saved.written()).containsExactly("studies/S3.yaml", "synthesis.yaml");
        assertThat(saved.previous()).containsOnlyKeys("synthesis.yaml");
        // laid out like the first study file, S1 (whose moderators are a block, while S2's are a flow)
        assertThat(Files.readString(dir.resolve("studies/S3.yaml"))).isEqualTo("""
                id: S3
                citation:
                  title: "Another study (replace me)"
                  year: 2024
                type: observational
                belief: 0.4
                context:
                  models: [MobileNetV2]
                evidence:
                  - id: e1
                    label: int4
                    moderators:
                      bits_weights: 4
                      bits_activations: 16
                      method: QAT
                    effects:
                      top1_accuracy:
                        intensity: weakly negative
                        mass: 0.35
                """);
        assertSameModel(load(dir), withS3);
    }

    @Test
    void historyKeepsTheNewestVersions() throws IOException {
        Path dir = copy(FIXTURE, tmp.resolve("h"));
        for (int i = 1; i <= 5; i++) {
            double belief = 0.4 + i / 10.0;
            new ProjectWriter(2, CLOCK).save(withStudy(load(dir), "S2", t -> t.put("belief", belief)));
        }
        AtomicFiles files = new AtomicFiles(dir, 2, CLOCK);
        assertThat(files.versions("studies/S2.yaml")).extracting(v -> v.getFileName().toString())
                .containsExactly("000004-20261201T120000.000Z.yaml", "000005-20261201T120000.000Z.yaml");
        assertThat(Files.readString(dir.resolve("studies/S2.yaml"))).contains("belief: 0.9");
        files.restore("studies/S2.yaml", files.versions("studies/S2.yaml").get(1));
        assertThat(Files.readString(dir.resolve("studies/S2.yaml"))).contains("belief: 0.8")
                .isEqualTo(Files.readString(FIXTURE.resolve("studies/S2.yaml")).replace("belief: 0.4", "belief: 0.8"));
        assertThat(files.versions("studies/S2.yaml")).extracting(v -> v.getFileName().toString())
                .containsExactly("000005-20261201T120000.000Z.yaml", "000006-20261201T120000.000Z.yaml");
        assertThatThrownBy(() -> files.restore("studies/S2.yaml", dir.resolve("studies/S1.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a kept version of studies/S2.yaml");
    }
}
