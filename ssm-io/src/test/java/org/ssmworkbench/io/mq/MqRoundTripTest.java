package org.ssmworkbench.io.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectSources;

/**
 * `ssm export mq` writes the layout back so that importing it again gives the same project, byte for
 * byte (the import log aside: it names the source folder and its files' hashes); for layout 2 the
 * package's own files come back byte for byte, save the records the import skipped.
 */
class MqRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void layout2_importExportImportGivesTheSameProject() throws IOException {
        roundTrip(Cases.require(Cases.EXTENDED), 2);
    }

    @Test
    void layout1_importExportImportGivesTheSameProject() throws IOException {
        roundTrip(Cases.require(Cases.SMALL), 1);
    }

    private void roundTrip(Path src, int layout) throws IOException {
        MqImporter.Result first = Cases.importTo(src, tmp.resolve("p1"));
        ProjectSources p1 = Cases.load(tmp.resolve("p1"));
        assertThat(MqExporter.importedLayout(tmp.resolve("p1"))).isEqualTo(layout);
        MqExporter.Result exported = MqExporter.export(p1, layout);
        assertThat(exported.warnings()).isEmpty();
        Path src2 = Cases.write(tmp.resolve("src2"), exported.files());
        MqImporter.Result second = Cases.importTo(src2, tmp.resolve("p2"));
        assertThat(Cases.projectFiles(second.files())).isEqualTo(Cases.projectFiles(first.files()));
        assertThat(second.evidenceModels()).isEqualTo(first.evidenceModels());
        assertThat(second.findings()).isEqualTo(first.findings());
        // and once more: export(import(export(...))) is a fixed point
        MqExporter.Result again = MqExporter.export(Cases.load(tmp.resolve("p2")), layout);
        assertThat(again.files().keySet()).containsExactlyElementsOf(exported.files().keySet());
        again.files().forEach((k, v) -> assertThat(new String(v)).as(k).isEqualTo(new String(exported.files().get(k))));
    }

    /** The extended package's files come back unchanged, except S16's four mIoU objects without intensity. */
    @Test
    void layout2_exportReproducesThePackagesFiles() throws IOException {
        Cases.importTo(Cases.require(Cases.EXTENDED), tmp.resolve("p"));
        MqExporter.Result r = MqExporter.export(Cases.load(tmp.resolve("p")), 2);
        int same = 0;
        for (Map.Entry<String, byte[]> f : r.files().entrySet()) {
            if (f.getKey().equals(OrderFile.NAME)) {
                continue; // the labels are written in the one notation every record has (method + configuration)
            }
            byte[] original = Files.readAllBytes(Cases.EXTENDED.resolve(f.getKey()));
            if (f.getKey().equals("deputterPOQThereParetoOptimal2025/effects_by_precision.json")) {
                assertThat(new String(f.getValue())).doesNotContain("mIoU\": {\n            \"improvement\": null");
                continue;
            }
            assertThat(new String(f.getValue())).as(f.getKey()).isEqualTo(new String(original));
            same++;
        }
        assertThat(same).isEqualTo(1 + 21 + 20); // studies.json, every metadata.json, 20 of 21 effect files
        // the order file names the same evidence models in the same order
        List<OrderFile.Line> lines = OrderFile.parse(Path.of(OrderFile.NAME), r.files().get(OrderFile.NAME));
        assertThat(lines).hasSize(76);
        assertThat(lines.get(1).qualifier()).isEqualTo("qat mixed-3.9");
        assertThat(lines.get(75).qualifier()).isNull(); // S19 has one evidence model
    }

    /** A hand-written project (summary statistics, not direct inputs) exports its computed findings. */
    @Test
    void theBuiltInExampleExportsItsComputedFindings() throws IOException {
        ProjectSources example = Cases.load(Cases.EXAMPLE);
        MqExporter.Result r = MqExporter.export(example, 1);
        assertThat(r.evidenceModels()).isEqualTo(19);
        assertThat(r.findings()).isEqualTo(93);
        Cases.importTo(Cases.write(tmp.resolve("pkg"), r.files()), tmp.resolve("p"));
        SynthesisResult a = Synthesizer.run(Cases.load(tmp.resolve("p")).synthesis());
        SynthesisResult b = Synthesizer.run(example.synthesis());
        for (EffectResult eb : b.effects()) {
            EffectResult ea = a.effects().stream().filter(e -> e.effect().id().equals(eb.effect().id())).findFirst()
                    .orElseThrow();
            assertThat(ea.findings()).extracting(Finding::key, Finding::intensity, Finding::mass)
                    .containsExactlyElementsOf(eb.findings().stream()
                            .map(f -> org.assertj.core.groups.Tuple.tuple(f.key(), f.intensity(), f.mass())).toList());
            assertThat(ea.selection().orElseThrow().belief()).isCloseTo(eb.selection().orElseThrow().belief(),
                    within(1e-12));
        }
    }

    /** Layout 1 has no order file: a project with an order across studies says what the export loses. */
    @Test
    void layout1_warnsThatItCannotHoldAnOrderAcrossStudies() throws IOException {
        Cases.importTo(Cases.require(Cases.SMALL), tmp.resolve("p"));
        Path syn = tmp.resolve("p").resolve("synthesis.yaml");
        StringBuilder order = new StringBuilder("order:\n");
        ProjectSources p = Cases.load(tmp.resolve("p"));
        List<String> refs = new java.util.ArrayList<>();
        p.synthesis().studies().forEach(st -> st.evidence().forEach(em -> refs.add(st.id() + "/" + em.id())));
        java.util.Collections.reverse(refs);
        refs.forEach(r -> order.append("  - ").append(r).append('\n'));
        Files.writeString(syn, Files.readString(syn) + order);
        MqExporter.Result r = MqExporter.export(Cases.load(tmp.resolve("p")), 1);
        assertThat(r.warnings()).singleElement().asString().contains("no combination-order file");
        // layout 2 keeps it
        MqExporter.Result r2 = MqExporter.export(Cases.load(tmp.resolve("p")), 2);
        assertThat(r2.warnings()).isEmpty();
        Cases.importTo(Cases.write(tmp.resolve("pkg2"), r2.files()), tmp.resolve("p2"));
        assertThat(Cases.load(tmp.resolve("p2")).synthesis().order()).containsExactlyElementsOf(refs);
    }

    /** Layout 1 names a record by its configuration alone: two evidence models with one label cannot go there. */
    @Test
    void layout1_refusesTwoEvidenceModelsWithOneLabel() throws IOException {
        Cases.importTo(Cases.require(Cases.EXTENDED), tmp.resolve("p"));
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(org.ssmworkbench.io.InputException.class,
                () -> MqExporter.export(Cases.load(tmp.resolve("p")), 1));
        assertThat(e.getMessage()).contains("S6.yaml").contains("evidence[4].label")
                .contains("another evidence model of S6 has the label 'w-int1, a-int1'");
    }
}
