package org.ssmworkbench.io.mq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.StudyResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.io.project.ProjectFiles;
import org.ssmworkbench.io.project.ProjectSources;

/**
 * Writes a synthesis project back as a replication package's processed evidence, in layout 1 or 2
 * (docs/formats/import-mq.md): per finding the intensity and mass the method uses (for a direct input
 * the given ones, else the computed ones) and the reference values under {@code source}. For a
 * project made by {@code ssm import mq}, importing the export again gives the same project files.
 */
public final class MqExporter {

    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_.@-]+");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * What an export produced.
     *
     * @param files          package files, name → bytes
     * @param layout         the layout written
     * @param studies        studies written
     * @param evidenceModels records written
     * @param findings       metric objects written
     * @param warnings       what the layout cannot hold
     */
    public record Result(Map<String, byte[]> files, int layout, int studies, int evidenceModels, int findings,
            List<String> warnings) {
    }

    private MqExporter() {
    }

    /**
     * The layout a project came from, as its import log records it ({@code layout: N}); 2 when unknown.
     */
    public static int importedLayout(Path projectDir) {
        Path log = projectDir.resolve(MqImporter.LOG);
        try {
            for (String line : java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.equals("layout: 1")) {
                    return 1;
                }
                if (line.equals("layout: 2")) {
                    return 2;
                }
            }
        } catch (java.io.IOException e) {
            return 2;
        }
        return 2;
    }

    /**
     * Loads the project in {@code dir} (raw measurements read with DuckDB) and exports it.
     *
     * @throws InputException for anything wrong in the project's files
     */
    public static Result export(Path dir, int layout) {
        return export(new ProjectLoader(MeasurementReader::summarizeOne).loadSources(dir), layout);
    }

    /**
     * Exports a loaded project.
     *
     * @param layout 1 or 2
     * @throws InputException for what the layout cannot express (a study key that is no folder name,
     *     two evidence models one record would name, a study without belief)
     */
    public static Result export(ProjectSources project, int layout) {
        if (layout != 1 && layout != 2) {
            throw new IllegalArgumentException("layout must be 1 or 2, got " + layout);
        }
        Synthesizer.Prepared prepared = Synthesizer.prepare(project.synthesis());
        Map<String, Finding> findings = new HashMap<>();
        for (Finding f : prepared.findings()) {
            findings.put(f.study() + "/" + f.evidence() + "/" + f.concept(), f);
        }
        Map<String, Double> beliefs = new HashMap<>();
        for (StudyResult sr : prepared.studies()) {
            beliefs.put(sr.study(), sr.belief());
        }
        List<String> warnings = new ArrayList<>();
        for (String d : prepared.dropped()) {
            warnings.add("not exported (a drop decision leaves it out of the synthesis): " + d);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        Set<String> folders = new HashSet<>();
        List<String> studiesJson = new ArrayList<>();
        List<String[]> readme = new ArrayList<>();
        Map<String, List<MqPackage.Evidence>> named = new LinkedHashMap<>(); // study → how the order file names each
        Map<String, String> titles = new HashMap<>();
        int models = 0;
        int metrics = 0;
        Path dir = project.dir();
        for (Map.Entry<String, ProjectFiles.StudyFile> e : project.studies().entrySet()) {
            String id = e.getKey();
            ProjectFiles.StudyFile sf = e.getValue();
            Path file = dir.resolve("studies").resolve(id + ".yaml");
            String folder = sf.key() != null ? sf.key() : id;
            if (Double.isNaN(beliefs.getOrDefault(id, 0.0))) {
                throw new InputException(file, 0, "belief", "the package layout needs a study belief, and study " + id
                        + " gives none");
            }
            if (!FOLDER.matcher(folder).matches() || folder.equals(".") || folder.equals("..")) {
                throw new InputException(file, 0, "key", "'" + folder + "' cannot name the study's folder");
            }
            if (!folders.add(folder)) {
                throw new InputException(file, 0, "key", "another study already has the key '" + folder + "'");
            }
            ObjectNode context = sf.context() != null && sf.context().isObject() ? (ObjectNode) sf.context()
                    : F.objectNode();
            String title = sf.citation() != null && sf.citation().title() != null ? sf.citation().title() : folder;
            titles.put(id, title);
            String studyType = sf.reportedType() != null ? sf.reportedType() : sf.type();
            ObjectNode meta = F.objectNode();
            if (layout == 1) {
                meta.put("id", id);
                meta.set("key", context.has("key") ? context.get("key") : F.textNode(folder));
            }
            meta.set("title", context.has("title") ? context.get("title") : F.textNode(title));
            meta.put("study_type", studyType);
            for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> c = it.next();
                if (!meta.has(c.getKey())) {
                    meta.set(c.getKey(), c.getValue());
                }
            }
            files.put(folder + "/" + MqReader.METADATA, bytes(JsonText.write(meta, layout == 1 ? 4 : 2, true)));

            ObjectNode byLabel = F.objectNode();
            ArrayNode records = F.arrayNode();
            Set<String> recordNames = new HashSet<>();
            List<MqPackage.Evidence> names = new ArrayList<>();
            for (int i = 0; i < sf.evidence().size(); i++) {
                ProjectFiles.EvidenceEntry ee = sf.evidence().get(i);
                String label = ee.label() != null ? ee.label() : ee.id();
                JsonNode m = ee.moderators() == null ? null : ee.moderators().get("method");
                String method = m == null || m.isNull() ? null : m.asText();
                String where = "evidence[" + i + "]";
                if (layout == 1 && label.equals(MqReader.OVERALL)) {
                    throw new InputException(file, 0, where + ".label", "'overall' names the whole-study summary in"
                            + " layout 1; rename the evidence model");
                }
                String name = layout == 1 ? label : (method == null ? "" : method) + "\u0000" + label;
                if (!recordNames.add(name)) {
                    throw new InputException(file, 0, where + ".label", "another evidence model of " + id
                            + " has the label '" + label + "'" + (layout == 2 ? " and the same method" : "")
                            + ": one record could not tell them apart");
                }
                ObjectNode record = F.objectNode();
                if (layout == 2) {
                    if (method != null) {
                        record.put("quantization_method", method);
                    }
                    record.put("precision_configuration", label);
                }
                for (Map.Entry<String, ProjectFiles.EffectInputEntry> in : ee.effects().entrySet()) {
                    Finding f = findings.get(id + "/" + ee.id() + "/" + in.getKey());
                    if (f == null) {
                        continue; // dropped: warned above
                    }
                    record.set(f.effect(), metric(f, in.getValue(), layout));
                    metrics++;
                }
                if (layout == 1) {
                    byLabel.set(label, record);
                } else {
                    records.add(record);
                }
                names.add(new MqPackage.Evidence(method, label, new LinkedHashMap<>()));
                models++;
            }
            named.put(id, names);
            if (layout == 1) {
                files.put(folder + "/" + MqReader.EFFECTS_1, bytes(JsonText.write(byLabel, 4, true)));
                if (sf.quality() != null && !sf.quality().isEmpty() && project.checklist().isPresent()) {
                    files.put(folder + "/" + MqReader.QUESTIONNAIRE,
                            bytes(Questionnaire.write(project.checklist().get(), sf.quality())));
                }
                readme.add(new String[] {id, folder, title.replace('|', '/'), sf.type() + " band",
                        Double.toString(beliefs.get(id))});
            } else {
                files.put(folder + "/" + MqReader.EFFECTS_2, bytes(JsonText.write(records, 4, false)));
                studiesJson.add("  {\"id\": " + str(id) + ", \"key\": " + str(folder) + ", \"title\": " + str(title)
                        + ", \"study_belief\": " + Double.toString(beliefs.get(id)) + "}");
            }
        }
        List<String> order = project.synthesis().order();
        if (layout == 1) {
            if (!order.isEmpty() && !studyGrouped(order, project)) {
                warnings.add("layout 1 has no combination-order file: the project's order across studies is not"
                        + " exported (an import combines in study order)");
            }
            project.checklist().ifPresent(c -> files.put(MqReader.QUESTIONNAIRE, bytes(Questionnaire.write(c, null))));
            files.put(MqReader.README, bytes(readme(project, readme)));
        } else {
            files.put(MqReader.STUDIES, bytes("[\n" + String.join(",\n", studiesJson) + "\n]\n"));
            List<String> lines = new ArrayList<>();
            List<String> refs = order.isEmpty() ? studyOrder(project) : order;
            for (String ref : refs) {
                int slash = ref.indexOf('/');
                String sid = ref.substring(0, slash);
                ProjectFiles.StudyFile sf = project.studies().get(sid);
                int idx = 0;
                while (!sf.evidence().get(idx).id().equals(ref.substring(slash + 1))) {
                    idx++;
                }
                lines.add(OrderFile.label(titles.get(sid), named.get(sid).get(idx), sf.evidence().size() == 1));
            }
            files.put(OrderFile.NAME, bytes(String.join("\n", lines) + "\n"));
        }
        return new Result(files, layout, project.studies().size(), models, metrics, warnings);
    }

    /** One metric object: the reference values, then belief (the mass) and intensity. */
    private static ObjectNode metric(Finding f, ProjectFiles.EffectInputEntry in, int layout) {
        ObjectNode o = F.objectNode();
        if (in.source() != null) {
            in.source().forEach((k, v) -> o.set(k, v == null ? F.nullNode() : v));
        } else if (f.statistics().isPresent()) {
            var s = f.statistics().get();
            o.put("improvement", s.mean());
            if (s.std().isPresent()) {
                o.put("std", s.std().getAsDouble());
            } else {
                o.putNull("std");
            }
            o.put("iqr", s.iqr());
            if (f.discount().isPresent()) {
                o.put(layout == 1 ? "discount" : "p_value", f.discount().getAsDouble());
            }
        }
        o.remove("belief");
        o.remove("intensity");
        o.put("belief", f.mass());
        o.put("intensity", f.intensity().label());
        return o;
    }

    private static boolean studyGrouped(List<String> order, ProjectSources project) {
        return order.equals(studyOrder(project));
    }

    private static List<String> studyOrder(ProjectSources project) {
        List<String> out = new ArrayList<>();
        project.studies().forEach((id, sf) -> sf.evidence().forEach(ee -> out.add(id + "/" + ee.id())));
        return out;
    }

    private static String readme(ProjectSources project, List<String[]> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Processed evidence, layout 1\n\n");
        sb.append("Exported by SSM Workbench (`ssm export mq`) from the synthesis project \"")
                .append(project.synthesis().title()).append("\". Per study folder: metadata.json,\n")
                .append("effects.json (per configuration and metric: the reference values, the mass \"belief\" and\n")
                .append("the intensity) and, where the study answers it, the filled quality questionnaire.\n")
                .append("`ssm import mq` reads this folder back; it takes each study's belief from the table below.\n\n");
        sb.append("| id | folder | study | type (as graded) | study belief B |\n");
        sb.append("|---|---|---|---|---|\n");
        for (String[] r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }

    private static String str(String s) {
        return JsonText.scalar(F.textNode(s));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
