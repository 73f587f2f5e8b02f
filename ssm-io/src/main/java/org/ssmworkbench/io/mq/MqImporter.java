package org.ssmworkbench.io.mq;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.project.ProjectFiles;
import org.ssmworkbench.io.project.ProjectLoader;

/**
 * Turns a replication package's processed evidence ({@link MqPackage}) into a synthesis project in
 * the workbench's format: synthesis.yaml, studies/ID.yaml, checklist.yaml (when the package has a
 * questionnaire) and import-log.txt. Every finding becomes a direct input (the package's intensity
 * and mass as given) with the package's other values under {@code source}. Same package and options,
 * same bytes.
 */
public final class MqImporter {

    /** The log file the import writes into the project. */
    public static final String LOG = "import-log.txt";

    /** Default title of an imported synthesis. */
    public static final String DEFAULT_TITLE = "Model quantization: evidence imported from a replication package";

    private static final String QUESTION = "What does model quantization (lower numeric precision of a deep"
            + " learning model's weights and activations) do to the model's correctness and resource use?";

    /** The YAML writer: snake_case names, no nulls, block style, quotes only where YAML needs them. */
    static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /**
     * Choices the package cannot make.
     *
     * @param id       the synthesis id, or null (then the project folder's name is used)
     * @param title    the synthesis title, or null for {@link #DEFAULT_TITLE}
     * @param families metric id → correctness | resource, for metrics the built-in table does not know
     *                 (or to override it)
     * @param better   metric id → higher | lower
     */
    public record Options(String id, String title, Map<String, String> families, Map<String, String> better) {
        /** Defensive copies. */
        public Options {
            families = families == null ? Map.of() : Map.copyOf(families);
            better = better == null ? Map.of() : Map.copyOf(better);
        }

        /** No choices: the defaults. */
        public static Options defaults() {
            return new Options(null, null, Map.of(), Map.of());
        }
    }

    /**
     * What an import produced.
     *
     * @param files          the project files, name → bytes, in writing order
     * @param layout         the package layout
     * @param studies        studies imported
     * @param evidenceModels evidence models imported
     * @param findings       findings imported (evidence model × metric)
     * @param effects        effects declared
     * @param skipped        metric records skipped (no intensity or no mass), each listed in the log
     * @param ignored        entries not imported by design (whole-study summaries, other files)
     */
    public record Result(Map<String, byte[]> files, int layout, int studies, int evidenceModels, int findings,
            int effects, int skipped, int ignored) {
    }

    private MqImporter() {
    }

    /**
     * Reads the package in {@code src} and builds the project.
     *
     * @param sourceName how the log names the source folder (as the user gave it)
     * @param tool       the tool and version, for the log
     * @throws InputException for anything the package holds that cannot be imported
     */
    public static Result importPackage(Path src, Options options, String sourceName, String tool) {
        ImportLog log = new ImportLog();
        MqPackage pkg = MqReader.read(src, log);
        return build(pkg, options, log, src, sourceName, tool);
    }

    static Result build(MqPackage pkg, Options options, ImportLog log, Path src, String sourceName, String tool) {
        // records left with no finding cannot be evidence models
        List<List<Integer>> kept = new ArrayList<>();
        for (MqPackage.Study st : pkg.studies()) {
            List<Integer> k = new ArrayList<>();
            for (int i = 0; i < st.records().size(); i++) {
                if (st.records().get(i).metrics().isEmpty()) {
                    log.skip(st.files().get(0) + ": record " + i + " (" + OrderFile.describe(st.records().get(i))
                            + "): no metric with an intensity, so no evidence model");
                } else {
                    k.add(i);
                }
            }
            if (k.isEmpty()) {
                throw new InputException(src.resolve(st.files().get(0)), 0, "", "study " + st.id() + ": no record"
                        + " has a metric with an intensity and a mass: nothing to import");
            }
            kept.add(k);
        }

        List<ProjectFiles.EffectEntry> effects = effects(pkg, options, src);

        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> studyIds = new ArrayList<>();
        int models = 0;
        int findings = 0;
        boolean anyMethod = false;
        for (int s = 0; s < pkg.studies().size(); s++) {
            MqPackage.Study st = pkg.studies().get(s);
            studyIds.add(st.id());
            List<ProjectFiles.EvidenceEntry> evidence = new ArrayList<>();
            for (int n = 0; n < kept.get(s).size(); n++) {
                MqPackage.Evidence r = st.records().get(kept.get(s).get(n));
                LinkedHashMap<String, JsonNode> moderators = null;
                if (r.method() != null) {
                    moderators = new LinkedHashMap<>();
                    moderators.put("method", JsonNodeFactory.instance.textNode(r.method()));
                    anyMethod = true;
                }
                LinkedHashMap<String, ProjectFiles.EffectInputEntry> in = new LinkedHashMap<>();
                for (Map.Entry<String, MqPackage.Metric> m : r.metrics().entrySet()) {
                    MqPackage.Metric f = m.getValue();
                    in.put(m.getKey(), new ProjectFiles.EffectInputEntry(null, null, null, null, f.intensity(), f.mass(), null,
                            f.source().isEmpty() ? null : f.source()));
                    findings++;
                }
                evidence.add(new ProjectFiles.EvidenceEntry("e" + (n + 1), r.label(), moderators, null, in));
                models++;
            }
            ProjectFiles.StudyFile sf = new ProjectFiles.StudyFile(st.id(), st.key(),
                    new ProjectFiles.CitationEntry(null, st.title(), null, null, null, null), st.type(),
                    st.reportedType(), st.quality(), st.belief(), st.context().isEmpty() ? null : st.context(),
                    evidence);
            files.put("studies/" + st.id() + ".yaml", yaml(studyHeader(pkg, st), sf));
        }

        List<String> order = null;
        if (!pkg.order().isEmpty()) {
            order = new ArrayList<>();
            for (MqPackage.Ref ref : pkg.order()) {
                int n = kept.get(ref.study()).indexOf(ref.record());
                if (n >= 0) {
                    order.add(pkg.studies().get(ref.study()).id() + "/e" + (n + 1));
                }
            }
        }
        ProjectFiles.SensitivityEntry sensitivity = anyMethod ? new ProjectFiles.SensitivityEntry(null,
                List.of(new ProjectFiles.SubgroupEntry("method", null, null))) : null;
        ProjectFiles.SynthesisFile synthesis = new ProjectFiles.SynthesisFile(ProjectLoader.FORMAT, options.id(),
                options.title() == null ? DEFAULT_TITLE : options.title(), QUESTION, "model quantization", effects,
                null, new ProjectFiles.PoliciesEntry("dempster", "ef", null, null, null, null, null, null, null),
                pkg.checklist().isPresent() ? "checklist.yaml" : null, studyIds, order, null, sensitivity, null);
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put(ProjectLoader.SYNTHESIS_FILE, yaml(synthesisHeader(pkg), synthesis));
        pkg.checklist().ifPresent(c -> all.put("checklist.yaml", yaml(checklistHeader(), c)));
        all.putAll(files);

        Result counts = new Result(Map.of(), pkg.layout(), pkg.studies().size(), models, findings, effects.size(),
                log.skipped().size(), log.ignored().size());
        all.put(LOG, logText(log, summary(counts), sourceName, tool, pkg).getBytes(StandardCharsets.UTF_8));
        return new Result(java.util.Collections.unmodifiableMap(all), counts.layout(), counts.studies(), models,
                findings, counts.effects(), counts.skipped(), counts.ignored());
    }

    /** The effects: every metric with a finding, in the table's order, then unknown ones as they appear. */
    private static List<ProjectFiles.EffectEntry> effects(MqPackage pkg, Options options, Path src) {
        Map<String, String[]> firstSeen = new LinkedHashMap<>(); // metric → {file, record}
        for (MqPackage.Study st : pkg.studies()) {
            for (MqPackage.Evidence r : st.records()) {
                for (String m : r.metrics().keySet()) {
                    firstSeen.putIfAbsent(m, new String[] {st.files().get(0), recordName(pkg, st, r)});
                }
            }
        }
        List<String> ids = new ArrayList<>(firstSeen.keySet());
        ids.sort(Comparator.comparingInt(Metrics::rank)); // stable: unknown ones keep their order
        List<ProjectFiles.EffectEntry> out = new ArrayList<>();
        for (String id : ids) {
            var known = Metrics.known(id);
            String family = options.families().getOrDefault(id, known.map(Metrics.Known::family).orElse(null));
            if (family == null) {
                String[] at = firstSeen.get(id);
                throw new InputException(src.resolve(at[0]), 0, "", at[1] + ": unknown metric '" + id + "': give its"
                        + " effect family with --family " + id + "=correctness|resource (and its direction with"
                        + " --better " + id + "=higher|lower)");
            }
            if (!family.equals(Metrics.CORRECTNESS) && !family.equals(Metrics.RESOURCE)) {
                throw new InputException(null, 0, "", "--family " + id + "=" + family + ": expected correctness or"
                        + " resource");
            }
            String better = options.better().getOrDefault(id, options.families().containsKey(id) || known.isEmpty()
                    ? Metrics.defaultBetter(family) : known.get().better());
            if (!better.equals("higher") && !better.equals("lower")) {
                throw new InputException(null, 0, "", "--better " + id + "=" + better + ": expected higher or lower");
            }
            out.add(new ProjectFiles.EffectEntry(id, known.map(Metrics.Known::label).orElse(id), family, better,
                    null));
        }
        for (String given : options.families().keySet()) {
            if (!firstSeen.containsKey(given)) {
                throw new InputException(null, 0, "", "--family " + given + ": no finding of the package has this"
                        + " metric (metrics: " + String.join(", ", ids) + ")");
            }
        }
        for (String given : options.better().keySet()) {
            if (!firstSeen.containsKey(given)) {
                throw new InputException(null, 0, "", "--better " + given + ": no finding of the package has this"
                        + " metric (metrics: " + String.join(", ", ids) + ")");
            }
        }
        return out;
    }

    private static String recordName(MqPackage pkg, MqPackage.Study st, MqPackage.Evidence r) {
        return pkg.layout() == 1 ? "record \"" + r.label() + "\"" : "record " + st.records().indexOf(r) + " ("
                + OrderFile.describe(r) + ")";
    }

    private static byte[] yaml(String header, Object value) {
        try {
            return (header + YAML.writeValueAsString(value)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getMessage(), e);
        }
    }

    private static String layoutFiles(int layout) {
        return layout == 1
                ? "README.md (study table: id, folder, type, study belief), the blank questionnaire\n"
                + "# systematic-studies-quality-evaluation.md, and per study folder metadata.json, effects.json and\n"
                + "# the filled questionnaire"
                : "studies.json (id, key, title, study belief), evidence-factory-aggregation-order.txt\n"
                + "# (the combination order), and per study folder metadata.json and effects_by_precision.json";
    }

    private static String synthesisHeader(MqPackage pkg) {
        return "# Imported with `ssm import mq` from a replication package's processed evidence, layout "
                + pkg.layout() + ":\n# " + layoutFiles(pkg.layout()) + ".\n"
                + "# Every finding is a direct input: the package's intensity and mass (\"belief\") as given; the\n"
                + "# package's other values for a finding are kept under `source` (the method ignores them).\n"
                + "# Files read with their SHA-256, records skipped and how each value was read: import-log.txt.\n"
                + (pkg.order().isEmpty() ? "" : "# `order` is the package's combination order across studies.\n");
    }

    private static String studyHeader(MqPackage pkg, MqPackage.Study st) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(st.id()).append(": imported with `ssm import mq` (layout ").append(pkg.layout())
                .append(") from:\n");
        for (String f : st.files()) {
            sb.append("#   ").append(f).append('\n');
        }
        sb.append("# belief: explicit, from ").append(st.beliefSource()).append('\n');
        sb.append("# type: the quality band for ").append(st.typeSource()).append('\n');
        sb.append(st.quality() == null ? "#   (B is explicit, so the band is shown only)\n"
                : "#   (B is explicit; band × checklist is computed and shown beside it)\n");
        sb.append("# context: the rest of metadata.json\n");
        return sb.toString();
    }

    private static String checklistHeader() {
        return "# Imported with `ssm import mq` from the package's systematic-studies-quality-evaluation.md\n"
                + "# (question and item texts unchanged).\n";
    }

    private static String logText(ImportLog log, String summary, String sourceName, String tool, MqPackage pkg) {
        StringBuilder sb = new StringBuilder();
        sb.append("ssm import mq\n");
        sb.append("source: ").append(sourceName).append('\n');
        sb.append("layout: ").append(pkg.layout()).append('\n');
        sb.append("tool: ").append(tool).append("\n\n");
        sb.append("summary: ").append(summary).append("\n\n");
        sb.append("how values were read:\n");
        for (String n : log.notes()) {
            sb.append("  ").append(n).append('\n');
        }
        for (MqPackage.Study st : pkg.studies()) {
            sb.append("  ").append(st.id()).append(" type ").append(st.type()).append(": ").append(st.typeSource())
                    .append('\n');
        }
        sb.append("\nfiles read (SHA-256, bytes, path relative to the source folder):\n");
        for (ImportLog.FileRead f : log.files()) {
            sb.append("  ").append(f.sha256()).append("  ").append(f.bytes()).append("  ").append(f.path())
                    .append('\n');
        }
        sb.append("\nrecords skipped (").append(log.skipped().size()).append("):\n");
        for (String s : log.skipped()) {
            sb.append("  ").append(s).append('\n');
        }
        sb.append("\nnot imported, by design (").append(log.ignored().size()).append("):\n");
        for (String s : log.ignored()) {
            sb.append("  ").append(s).append('\n');
        }
        return sb.toString();
    }

    /** The one-line summary the command prints and the log repeats. */
    public static String summary(Result r) {
        return r.studies() + " studies, " + r.evidenceModels() + " evidence models, " + r.findings()
                + " findings on " + r.effects() + " effects (layout " + r.layout() + "); " + r.skipped()
                + " records skipped (no intensity or no mass); " + r.ignored() + " entries not imported by design";
    }
}
