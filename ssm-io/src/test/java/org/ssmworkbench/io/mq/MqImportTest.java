package org.ssmworkbench.io.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.core.belief.CombinationStep;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.synthesis.EffectInput;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectSources;
import org.ssmworkbench.io.project.ProjectLoader;

/**
 * `ssm import mq` on the two shipped packages: both layouts import, with the counts of their READMEs,
 * every mass and intensity as in the source files (read here independently with plain Jackson), the
 * combination order of sources.json, provenance of every file, and the small case synthesizes exactly
 * like the hand-written built-in example.
 */
class MqImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void layout1_importsTheSmallCase() throws IOException {
        MqImporter.Result r = Cases.importTo(Cases.require(Cases.SMALL), tmp);
        assertThat(r.layout()).isEqualTo(1);
        assertThat(r.studies()).isEqualTo(6);
        assertThat(r.evidenceModels()).isEqualTo(19);
        assertThat(r.findings()).isEqualTo(93);
        assertThat(r.effects()).isEqualTo(11);
        assertThat(r.skipped()).isZero();
        ProjectSources p = Cases.load(tmp);
        assertThat(p.synthesis().studies()).extracting(Study::id).containsExactly("S1", "S2", "S3", "S4", "S5", "S6");
        assertThat(p.synthesis().studies()).extracting(s -> s.evidence().size()).containsExactly(5, 1, 8, 2, 1, 2);
        assertThat(p.synthesis().order()).isEmpty(); // layout 1: study order
        assertThat(p.checklist()).isPresent();
        // the questionnaire answers and the README's band and belief, as in the hand-written example
        ProjectSources example = Cases.load(Cases.EXAMPLE);
        for (String id : List.of("S1", "S2", "S3", "S4", "S5", "S6")) {
            assertThat(p.studies().get(id).quality()).as(id).isEqualTo(example.studies().get(id).quality());
            assertThat(p.studies().get(id).belief()).as(id).isEqualTo(example.studies().get(id).belief());
            assertThat(p.studies().get(id).type()).as(id).isEqualTo(example.studies().get(id).type());
            assertThat(p.studies().get(id).reportedType()).as(id).isEqualTo(example.studies().get(id).reportedType());
        }
        assertThat(p.studies().get("S2").key()).isEqualTo("sathishVerifiableEnergyEfficient2022");
        assertThat(p.studies().get("S2").context().get("key").asText()).isEqualTo("satishVerifiableEnergyEfficient2022");
    }

    @Test
    void layout2_importsTheExtendedCase() throws IOException {
        MqImporter.Result r = Cases.importTo(Cases.require(Cases.EXTENDED), tmp);
        assertThat(r.layout()).isEqualTo(2);
        assertThat(r.studies()).isEqualTo(21);
        assertThat(r.evidenceModels()).isEqualTo(76);
        assertThat(r.findings()).isEqualTo(276);
        assertThat(r.effects()).isEqualTo(22);
        assertThat(r.skipped()).isEqualTo(4); // the four mIoU objects of S16 with intensity null
        ProjectSources p = Cases.load(tmp);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            ids.add("S" + i);
        }
        assertThat(p.synthesis().studies()).extracting(Study::id).containsExactlyElementsOf(ids);
        // evidence models per study, as the case README's table lists them
        assertThat(p.synthesis().studies()).extracting(s -> s.evidence().size())
                .containsExactly(4, 3, 2, 11, 1, 17, 1, 1, 5, 1, 8, 1, 1, 2, 2, 8, 2, 1, 1, 2, 2);
        assertThat(p.synthesis().order()).hasSize(76);
        JsonNode studies = JSON.readTree(Cases.EXTENDED.resolve("studies.json").toFile());
        for (JsonNode s : studies) {
            Study st = study(p, s.get("id").asText());
            assertThat(st.explicitBelief().getAsDouble()).isEqualTo(s.get("study_belief").asDouble());
            assertThat(p.studies().get(st.id()).key()).isEqualTo(s.get("key").asText());
            assertThat(p.studies().get(st.id()).citation().title()).isEqualTo(s.get("title").asText());
        }
        assertThat(p.synthesis().effects()).extracting(e -> e.id()).containsExactly("accuracy", "f1_score",
                "precision", "recall", "dsc", "mAP", "mAP_5", "mAP_5_95", "mIoU", "bleu", "perplexity",
                "word_error_rate", "storage_size", "ram_usage", "gpu_utilization", "gpu_memory_utilization",
                "gpu_power_draw", "gpu_energy_consumption", "ram_energy_consumption", "inference_power_draw",
                "inference_energy_consumption", "inference_latency");
    }

    /** Every finding of both packages against the source files, read here with plain Jackson. */
    @Test
    void everyMassAndIntensityIsTheSourceFilesOwn() throws IOException {
        Cases.importTo(Cases.require(Cases.EXTENDED), tmp.resolve("x"));
        ProjectSources p = Cases.load(tmp.resolve("x"));
        int checked = 0;
        for (JsonNode s : JSON.readTree(Cases.EXTENDED.resolve("studies.json").toFile())) {
            Study st = study(p, s.get("id").asText());
            JsonNode records = JSON.readTree(Cases.EXTENDED.resolve(s.get("key").asText())
                    .resolve("effects_by_precision.json").toFile());
            assertThat(st.evidence()).hasSize(records.size());
            for (int i = 0; i < records.size(); i++) {
                JsonNode rec = records.get(i);
                EvidenceModel em = st.evidence().get(i);
                assertThat(em.label()).isEqualTo(rec.get("precision_configuration").asText());
                assertThat(em.moderators()).containsEntry("method", rec.get("quantization_method").asText());
                checked += compare(st.id() + "/" + em.id(), rec, em, List.of("quantization_method",
                        "precision_configuration"));
            }
        }
        assertThat(checked).isEqualTo(276);

        Cases.importTo(Cases.require(Cases.SMALL), tmp.resolve("s"));
        ProjectSources q = Cases.load(tmp.resolve("s"));
        checked = 0;
        for (Study st : q.synthesis().studies()) {
            JsonNode effects = JSON.readTree(Cases.SMALL.resolve(q.studies().get(st.id()).key()).resolve("effects.json")
                    .toFile());
            List<String> labels = new ArrayList<>();
            effects.fieldNames().forEachRemaining(labels::add);
            labels.remove("overall");
            assertThat(st.evidence()).extracting(EvidenceModel::label).containsExactlyElementsOf(labels);
            for (EvidenceModel em : st.evidence()) {
                checked += compare(st.id() + "/" + em.id(), effects.get(em.label()), em, List.of());
            }
        }
        assertThat(checked).isEqualTo(93);
    }

    private static int compare(String where, JsonNode rec, EvidenceModel em, List<String> notMetrics) {
        int n = 0;
        Map<String, EffectInput> inputs = new LinkedHashMap<>(em.effects());
        for (Iterator<Map.Entry<String, JsonNode>> it = rec.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (notMetrics.contains(f.getKey())) {
                continue;
            }
            JsonNode m = f.getValue();
            if (m.get("intensity").isNull()) {
                assertThat(inputs).as(where).doesNotContainKey(f.getKey());
                continue;
            }
            EffectInput.Direct d = (EffectInput.Direct) inputs.remove(f.getKey());
            assertThat(d).as(where + " " + f.getKey()).isNotNull();
            assertThat(d.mass()).as(where + " " + f.getKey()).isEqualTo(m.get("belief").asDouble());
            assertThat(d.intensity()).as(where + " " + f.getKey()).isEqualTo(Intensity.parse(m.get("intensity").asText()));
            n++;
        }
        assertThat(inputs).as(where + ": findings not in the source").isEmpty();
        return n;
    }

    /** A few findings spelled out, as they read in the source files. */
    @Test
    void sampleFindingsAsInTheSourceFiles() throws IOException {
        Cases.importTo(Cases.require(Cases.EXTENDED), tmp);
        ProjectSources p = Cases.load(tmp);
        // ajiCompressingNeuralMachine2020 record 0 (ptq-retrain w-log1): bleu "negative - weakly negative", 0.327
        assertDirect(p, "S1", 0, "bleu", Intensity.NE_WN, 0.327);
        assertDirect(p, "S1", 0, "storage_size", Intensity.SP, 0.327);
        // deputterPOQThereParetoOptimal2025 record 0 (qat w-int2, a-int2): accuracy "negative", 0.334
        assertDirect(p, "S16", 0, "accuracy", Intensity.NE, 0.334);
        assertThat(study(p, "S16").evidence().get(0).effects()).doesNotContainKey("mIoU");
        // S6 qat mixed-3.9 is the 13th record of xuMixedPrecisionLowBit2021 and second in the combination order
        assertThat(study(p, "S6").evidence().get(12).label()).isEqualTo("mixed-3.9");
        assertThat(p.synthesis().order().subList(0, 3)).containsExactly("S1/e1", "S6/e13", "S21/e2");
        // the package's other values are kept under source, in file order
        var source = p.studies().get("S16").evidence().get(0).effects().get("accuracy").source();
        assertThat(source.keySet()).containsExactly("improvement", "std", "iqr", "sample_size_discount",
                "variability_discount", "discount_factor", "p_value");
        assertThat(source.get("improvement").asDouble()).isEqualTo(-16.662);

        Cases.importTo(Cases.require(Cases.SMALL), tmp.resolve("s"));
        ProjectSources q = Cases.load(tmp.resolve("s"));
        // paulEnergyEfficientRespiratoryAnomaly2022 "q0.8": accuracy "weakly negative - indiferent", 0.373
        EvidenceModel q08 = study(q, "S1").evidence().get(4);
        assertThat(q08.label()).isEqualTo("q0.8");
        assertDirect(q, "S1", 4, "accuracy", Intensity.WN_IF, 0.373);
        // geensEnergyCostModelling2024 "w-int4, a-fp16": inference_energy_consumption {PO,SP}, 0.185
        assertDirect(q, "S4", 1, "inference_energy_consumption", Intensity.PO_SP, 0.185);
    }

    private static void assertDirect(ProjectSources p, String study, int evidence, String effect, Intensity i, double mass) {
        EffectInput.Direct d = (EffectInput.Direct) study(p, study).evidence().get(evidence).effects().get(effect);
        assertThat(d.intensity()).isEqualTo(i);
        assertThat(d.mass()).isEqualTo(mass);
    }

    /** The combination order as sources.json records it per record (aggregation_index), independently of the parser. */
    @Test
    void combinationOrderIsTheOrderFilesAsSourcesJsonRecordsIt() throws IOException {
        Cases.importTo(Cases.require(Cases.EXTENDED), tmp);
        ProjectSources p = Cases.load(tmp);
        JsonNode sources = JSON.readTree(Cases.EXTENDED.resolve("sources.json").toFile());
        String[] expected = new String[76];
        for (JsonNode s : sources.get("studies")) {
            for (JsonNode r : s.get("evidence_models_in_file_order")) {
                expected[r.get("aggregation_index").asInt()] = s.get("id").asText() + "/e"
                        + (r.get("record_index").asInt() + 1);
            }
        }
        assertThat(p.synthesis().order()).containsExactly(expected);
        // and the synthesis folds in it: the findings of an effect follow the order
        SynthesisResult r = Synthesizer.run(p.synthesis());
        EffectResult acc = effect(r, "accuracy");
        List<Integer> positions = new ArrayList<>();
        for (Finding f : acc.findings()) {
            positions.add(p.synthesis().order().indexOf(f.key()));
        }
        assertThat(positions).isSorted();
    }

    /** The small case imported from its package synthesizes exactly like the hand-written example. */
    @Test
    void smallCaseSynthesisEqualsTheBuiltInExample() throws IOException {
        Cases.importTo(Cases.require(Cases.SMALL), tmp);
        SynthesisResult imported = Synthesizer.run(Cases.load(tmp).synthesis());
        SynthesisResult example = Synthesizer.run(Cases.load(Cases.EXAMPLE).synthesis());
        assertThat(imported.effects()).extracting(e -> e.effect().id())
                .containsExactlyInAnyOrderElementsOf(example.effects().stream().map(e -> e.effect().id()).toList());
        assertThat(imported.findings()).hasSize(93);
        for (EffectResult ex : example.effects()) {
            EffectResult im = effect(imported, ex.effect().id());
            String id = ex.effect().id();
            assertThat(im.findings()).as(id).hasSameSizeAs(ex.findings());
            for (int i = 0; i < ex.findings().size(); i++) {
                Finding a = im.findings().get(i);
                Finding b = ex.findings().get(i);
                assertThat(a.key()).as(id).isEqualTo(b.key());
                assertThat(a.label()).as(id).isEqualTo(b.label());
                assertThat(a.intensity()).as(id + " " + a.key()).isEqualTo(b.intensity());
                assertThat(a.mass()).as(id + " " + a.key()).isCloseTo(b.mass(), within(1e-12));
            }
            assertThat(im.selection().orElseThrow().set()).as(id).isEqualTo(ex.selection().orElseThrow().set());
            assertThat(im.selection().orElseThrow().belief()).as(id)
                    .isCloseTo(ex.selection().orElseThrow().belief(), within(1e-12));
            assertThat(im.selection().orElseThrow().plausibility()).as(id)
                    .isCloseTo(ex.selection().orElseThrow().plausibility(), within(1e-12));
            double[] ka = im.combination().orElseThrow().conflicts();
            double[] kb = ex.combination().orElseThrow().conflicts();
            assertThat(ka).as(id).hasSameSizeAs(kb);
            for (int i = 0; i < kb.length; i++) {
                assertThat(ka[i]).as(id + " K" + i).isCloseTo(kb[i], within(1e-12));
            }
            assertThat(im.studies()).as(id).isEqualTo(ex.studies());
        }
        // the study beliefs too (explicit in both; the computed band × checklist where answered)
        for (int i = 0; i < 6; i++) {
            assertThat(imported.studies().get(i).belief()).isEqualTo(example.studies().get(i).belief());
            assertThat(imported.studies().get(i).computed()).isEqualTo(example.studies().get(i).computed());
        }
    }

    @Test
    void sameInputSameBytes() {
        MqImporter.Result a = MqImporter.importPackage(Cases.require(Cases.EXTENDED), MqImporter.Options.defaults(),
                "x", "t");
        MqImporter.Result b = MqImporter.importPackage(Cases.EXTENDED, MqImporter.Options.defaults(), "x", "t");
        assertThat(a.files().keySet()).containsExactlyElementsOf(b.files().keySet());
        a.files().forEach((k, v) -> assertThat(v).as(k).isEqualTo(b.files().get(k)));
    }

    /** Provenance: every file read, with its SHA-256; every record skipped with file, line and reason. */
    @Test
    void theImportLogNamesEveryFileWithItsHashAndEverySkippedRecord() throws IOException {
        Cases.importTo(Cases.require(Cases.EXTENDED), tmp);
        String log = Files.readString(tmp.resolve(MqImporter.LOG), StandardCharsets.UTF_8);
        assertThat(log).contains("layout: 2");
        Map<String, String> hashes = new HashMap<>();
        for (String line : log.split("\n")) {
            String[] f = line.strip().split("  ");
            if (f.length == 3 && f[0].matches("[0-9a-f]{64}")) {
                hashes.put(f[2], f[0]);
            }
        }
        assertThat(hashes).hasSize(1 + 1 + 21 * 2); // studies.json, the order file, per study 2 files
        for (Map.Entry<String, String> h : hashes.entrySet()) {
            byte[] bytes = Files.readAllBytes(Cases.EXTENDED.resolve(h.getKey()));
            assertThat(org.ssmworkbench.io.Sha256.hex(bytes)).as(h.getKey()).isEqualTo(h.getValue());
        }
        assertThat(log).contains("records skipped (4):");
        assertThat(log).contains("deputterPOQThereParetoOptimal2025/effects_by_precision.json:16: record 0 (qat"
                + " w-int2, a-int2): mIoU: no intensity (null)");
        assertThat(log).contains("sources.json: not part of layout 2's evidence, not read");
        // the synthesis file points at it, and names the layout
        String syn = Files.readString(tmp.resolve("synthesis.yaml"), StandardCharsets.UTF_8);
        assertThat(syn).startsWith("# Imported with `ssm import mq`").contains("import-log.txt");

        Cases.importTo(Cases.require(Cases.SMALL), tmp.resolve("s"));
        String small = Files.readString(tmp.resolve("s").resolve(MqImporter.LOG), StandardCharsets.UTF_8);
        assertThat(small).contains("layout: 1").contains("records skipped (0):")
                .contains("paulEnergyEfficientRespiratoryAnomaly2022/effects.json:2: \"overall\": a whole-study"
                        + " summary, not an evidence model");
    }

    @Test
    void anUnknownMetricNeedsItsFamily() throws IOException {
        Path src = Cases.copy(Cases.require(Cases.SMALL), tmp.resolve("pkg"));
        Path f = src.resolve("geensEnergyCostModelling2024").resolve("effects.json");
        Files.writeString(f, Files.readString(f).replace("\"inference_latency\"", "\"token_latency\""));
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.ssmworkbench.io.InputException.class,
                () -> MqImporter.importPackage(src, MqImporter.Options.defaults(), "pkg", "t"));
        assertThat(e.getMessage()).contains("geensEnergyCostModelling2024/effects.json").contains("record \"w-int1,"
                + " a-fp32\"").contains("unknown metric 'token_latency'").contains("--family token_latency=");
        MqImporter.Result r = MqImporter.importPackage(src, new MqImporter.Options("q", "T",
                Map.of("token_latency", "resource"), Map.of()), "pkg", "t");
        Cases.write(tmp.resolve("p"), r.files());
        ProjectSources p = Cases.load(tmp.resolve("p"));
        var eff = p.synthesis().effects().stream().filter(x -> x.id().equals("token_latency")).findFirst().orElseThrow();
        assertThat(eff.family()).isEqualTo("resource");
        assertThat(eff.direction().name()).isEqualTo("LOWER_IS_BETTER");
        assertThat(p.synthesis().id()).isEqualTo("q");
        assertThat(p.synthesis().title()).isEqualTo("T");
    }

    @Test
    void lastConflictFollowsTheImportedOrder() throws IOException {
        Cases.importTo(Cases.require(Cases.EXTENDED), tmp);
        ProjectSources p = Cases.load(tmp);
        SynthesisResult inOrder = Synthesizer.run(p.synthesis());
        SynthesisResult studyOrder = Synthesizer.run(new org.ssmworkbench.core.synthesis.Synthesis(
                p.synthesis().id(), p.synthesis().title(), "", "", p.synthesis().effects(), p.synthesis().mappings(),
                p.synthesis().checklist(), p.synthesis().studies(), p.synthesis().policies(),
                p.synthesis().published()));
        EffectResult a = effect(inOrder, "accuracy");
        EffectResult b = effect(studyOrder, "accuracy");
        // same final masses (Dempster's rule is associative and commutative) ...
        assertThat(a.selection().orElseThrow().belief()).isCloseTo(b.selection().orElseThrow().belief(),
                within(1e-12));
        // ... but the steps, and so the last K, depend on the order
        List<CombinationStep> sa = a.combination().orElseThrow().steps();
        List<CombinationStep> sb = b.combination().orElseThrow().steps();
        assertThat(sa.get(sa.size() - 1).conflict()).isNotCloseTo(sb.get(sb.size() - 1).conflict(), within(1e-6));
    }

    private static Study study(ProjectSources p, String id) {
        return p.synthesis().studies().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static EffectResult effect(SynthesisResult r, String id) {
        return r.effects().stream().filter(e -> e.effect().id().equals(id)).findFirst().orElseThrow();
    }
}
