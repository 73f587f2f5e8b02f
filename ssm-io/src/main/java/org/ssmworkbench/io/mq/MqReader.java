package org.ssmworkbench.io.mq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.Sha256;
import org.ssmworkbench.io.project.ProjectFiles;

/**
 * Reads a replication package's processed evidence, in either layout (docs/formats/import-mq.md),
 * into an {@link MqPackage}. Every problem is an {@link InputException} naming the file, the line and
 * the record; a metric without intensity (or mass) is skipped and logged, nothing else is dropped.
 */
public final class MqReader {

    /** Layout 1: a study's findings. */
    static final String EFFECTS_1 = "effects.json";
    /** Layout 2: a study's findings. */
    static final String EFFECTS_2 = "effects_by_precision.json";
    /** A study's description. */
    static final String METADATA = "metadata.json";
    /** Layout 2: the studies with their beliefs. */
    static final String STUDIES = "studies.json";
    /** Layout 1: the README whose study table gives the beliefs. */
    static final String README = "README.md";
    /** Layout 1: the quality questionnaire (blank at the top, filled per study). */
    static final String QUESTIONNAIRE = "systematic-studies-quality-evaluation.md";
    /** Layout 1: the whole-study summary entry of effects.json. */
    static final String OVERALL = "overall";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.@-]+");
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_.@-]+");

    private final Path src;
    private final ImportLog log;
    private final Map<String, byte[]> cache = new HashMap<>();

    private MqReader(Path src, ImportLog log) {
        this.src = src.toAbsolutePath().normalize();
        this.log = log;
    }

    /**
     * Reads the package in folder {@code src}.
     *
     * @param log receives the files read, records skipped and entries ignored
     * @throws InputException for an unknown layout or anything that cannot be read, naming file, line and record
     */
    public static MqPackage read(Path src, ImportLog log) {
        return new MqReader(src, log).read();
    }

    private MqPackage read() {
        if (!Files.isDirectory(src)) {
            throw new InputException(src, 0, "", Files.exists(src) ? "not a folder" : "no such folder");
        }
        List<String> with1 = new ArrayList<>();
        List<String> with2 = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (var s = Files.list(src)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (!Files.isDirectory(p)) {
                    continue;
                }
                boolean one = Files.isRegularFile(p.resolve(EFFECTS_1));
                boolean two = Files.isRegularFile(p.resolve(EFFECTS_2));
                if (one && two) {
                    throw new InputException(p, 0, "", "holds both " + EFFECTS_1 + " and " + EFFECTS_2 + ": which"
                            + " layout is it? (see docs/formats/import-mq.md)");
                }
                (one ? with1 : two ? with2 : others).add(name);
            }
        } catch (IOException e) {
            throw new InputException(src, 0, "", "cannot list: " + e.getMessage(), e);
        }
        if (!with1.isEmpty() && !with2.isEmpty()) {
            throw new InputException(src, 0, "", "mixes layouts: " + with1.get(0) + "/" + EFFECTS_1 + " (layout 1) and "
                    + with2.get(0) + "/" + EFFECTS_2 + " (layout 2)");
        }
        if (with1.isEmpty() && with2.isEmpty()) {
            throw new InputException(src, 0, "", "not a replication-package layout this importer knows: expected"
                    + " study folders holding " + EFFECTS_1 + " and " + METADATA + " (layout 1), or " + STUDIES
                    + " and study folders holding " + EFFECTS_2 + " (layout 2); see docs/formats/import-mq.md");
        }
        for (String o : others) {
            log.ignore(o + "/: no " + EFFECTS_1 + " or " + EFFECTS_2 + ", not a study folder");
        }
        return with2.isEmpty() ? layout1(with1) : layout2(with2);
    }

    // ------------------------------------------------------------------ layout 2

    private MqPackage layout2(List<String> folders) {
        Path studiesFile = src.resolve(STUDIES);
        if (!Files.isRegularFile(studiesFile)) {
            throw new InputException(studiesFile, 0, "", "no such file: layout 2 (study folders with " + EFFECTS_2
                    + ") lists its studies with their beliefs in " + STUDIES);
        }
        JsonDoc sd = json(STUDIES);
        if (!sd.root().isArray() || sd.root().isEmpty()) {
            throw sd.error("", "expected a list of studies [{\"id\", \"key\", \"title\", \"study_belief\"}, ...]");
        }
        List<MqPackage.Study> studies = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < sd.root().size(); i++) {
            String at = "[" + i + "]";
            JsonNode e = sd.root().get(i);
            if (!e.isObject()) {
                throw sd.error(at, "expected {\"id\", \"key\", \"title\", \"study_belief\"}");
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!List.of("id", "key", "title", "study_belief").contains(f)) {
                    throw sd.error(JsonDoc.child(at, f), "unknown field '" + f + "' (known: id, key, title,"
                            + " study_belief)");
                }
            }
            String id = text(sd, at, e, "id", true);
            if (!ID.matcher(id).matches()) {
                throw sd.error(at + ".id", "'" + id + "' is not a valid study id (letters, digits, _ - . @)");
            }
            if (!ids.add(id)) {
                throw sd.error(at + ".id", "study " + id + " is listed twice");
            }
            String key = text(sd, at, e, "key", true);
            if (!FOLDER.matcher(key).matches() || key.equals(".") || key.equals("..")) {
                throw sd.error(at + ".key", "'" + key + "' is not a study folder name");
            }
            if (!keys.add(key)) {
                throw sd.error(at + ".key", "study folder " + key + " is listed twice");
            }
            String title = text(sd, at, e, "title", true);
            JsonNode b = e.get("study_belief");
            if (b == null || b.isNull()) {
                throw sd.error(at, "study " + id + " (" + key + "): missing study belief (\"study_belief\": a number"
                        + " in [0, 1])");
            }
            double belief = unit(sd, at + ".study_belief", b, "study " + id + ": study belief");
            if (!folders.contains(key)) {
                throw sd.error(at + ".key", "study " + id + ": no folder " + key + "/ with " + EFFECTS_2
                        + " beside " + STUDIES);
            }
            studies.add(study2(id, key, title, belief));
        }
        for (String f : folders) {
            if (!keys.contains(f)) {
                throw new InputException(src.resolve(f).resolve(EFFECTS_2), 0, "", "study folder " + f + " is not"
                        + " listed in " + STUDIES + " (its id, title and study belief)");
            }
        }
        log.note("study beliefs: " + STUDIES + " (study_belief, explicit)");
        List<MqPackage.Ref> order = List.of();
        Path of = src.resolve(OrderFile.NAME);
        if (Files.isRegularFile(of)) {
            byte[] bytes = bytes(OrderFile.NAME);
            order = OrderFile.resolve(of, OrderFile.parse(of, bytes), studies);
            log.note("combination order: " + OrderFile.NAME + " (" + order.size() + " evidence models)");
        } else {
            log.note("combination order: no " + OrderFile.NAME + ", so study order (" + STUDIES
                    + "), then record order");
        }
        for (String top : topFiles()) {
            if (!top.equals(STUDIES) && !top.equals(OrderFile.NAME)) {
                log.ignore(top + ": not part of layout 2's evidence, not read");
            }
        }
        return new MqPackage(2, Optional.empty(), studies, order);
    }

    private MqPackage.Study study2(String id, String key, String title, double belief) {
        String mdName = key + "/" + METADATA;
        String efName = key + "/" + EFFECTS_2;
        if (!Files.isRegularFile(src.resolve(mdName))) {
            throw new InputException(src.resolve(mdName), 0, "", "no such file: study " + id + " needs its metadata"
                    + " (study_type at least)");
        }
        JsonDoc md = json(mdName);
        ObjectNode meta = metadataObject(md);
        String reported = optionalText(md, "", meta, "study_type");
        String type = StudyTypes.band(reported).orElseThrow(() -> reported == null
                ? md.error("", "study " + id + ": missing study_type (the study's type selects its quality band)")
                : md.error("study_type", StudyTypes.unknown(reported)));
        ObjectNode context = context(meta, null, null, title);
        JsonDoc ef = json(efName);
        if (!ef.root().isArray()) {
            throw ef.error("", "expected a list of records [{\"quantization_method\", \"precision_configuration\","
                    + " <metric>: {...}}, ...]");
        }
        List<MqPackage.Evidence> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ef.root().size(); i++) {
            String at = "[" + i + "]";
            JsonNode r = ef.root().get(i);
            if (!r.isObject()) {
                throw ef.error(at, "record " + i + ": expected an object");
            }
            String method = optionalText(ef, at, r, "quantization_method");
            String config = text(ef, at, r, "precision_configuration", true);
            String name = "record " + i + " (" + (method == null ? "" : method + " ") + config + ")";
            if (!seen.add((method == null ? "" : method) + "\u0000" + config)) {
                throw ef.error(at, name + ": a second record with the same method and precision configuration");
            }
            LinkedHashMap<String, MqPackage.Metric> metrics = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().equals("quantization_method") || f.getKey().equals("precision_configuration")) {
                    continue;
                }
                metric(ef, at, name, f.getKey(), f.getValue(), metrics);
            }
            records.add(new MqPackage.Evidence(method, config, metrics));
        }
        if (records.isEmpty()) {
            throw ef.error("", "study " + id + ": no records (evidence models)");
        }
        return new MqPackage.Study(id, key, title, belief, STUDIES, type, METADATA + " study_type '" + reported + "'",
                reported, context, null, records, List.of(efName, mdName));
    }

    // ------------------------------------------------------------------ layout 1

    /** A row of the layout-1 README's study table. */
    private record Row(int line, String id, String type, String belief) {
    }

    private MqPackage layout1(List<String> folders) {
        Map<String, Row> rows = readmeTable();
        Optional<ProjectFiles.ChecklistFile> checklist = Optional.empty();
        if (Files.isRegularFile(src.resolve(QUESTIONNAIRE))) {
            checklist = Optional.of(Questionnaire.parse(src.resolve(QUESTIONNAIRE), bytes(QUESTIONNAIRE), false)
                    .checklist());
        }
        List<MqPackage.Study> studies = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (String folder : folders) {
            MqPackage.Study st = study1(folder, rows);
            String prev = ids.put(st.id(), folder);
            if (prev != null) {
                throw new InputException(src.resolve(folder).resolve(METADATA), 0, "id", "study id " + st.id()
                        + " is also the id of " + prev + "/");
            }
            studies.add(st);
            if (st.quality() != null && checklist.isEmpty()) {
                checklist = Optional.of(Questionnaire.parse(src.resolve(folder).resolve(QUESTIONNAIRE),
                        bytes(folder + "/" + QUESTIONNAIRE), true).checklist());
                log.note("checklist: the questionnaire of " + folder + "/ (no blank " + QUESTIONNAIRE + " at the top)");
            }
        }
        for (Map.Entry<String, Row> r : rows.entrySet()) {
            if (!folders.contains(r.getKey())) {
                throw new InputException(src.resolve(README), r.getValue().line(), "", "the study table names folder "
                        + r.getKey() + ", which holds no " + EFFECTS_1);
            }
        }
        if (checklist.isPresent()) {
            Set<String> items = new HashSet<>();
            checklist.get().questions().forEach(q -> q.items().forEach(it -> items.add(it.id())));
            for (MqPackage.Study st : studies) {
                if (st.quality() != null && !st.quality().keySet().equals(items)) {
                    Path q = src.resolve(st.key()).resolve(QUESTIONNAIRE);
                    throw new InputException(q, 0, "", "answers items " + st.quality().keySet()
                            + ", but the questionnaire has " + items);
                }
            }
        }
        studies.sort(Comparator.comparing(MqPackage.Study::id, MqReader::natural));
        log.note("study beliefs: " + README + " study table (explicit)");
        log.note("combination order: study id order, then the order of each " + EFFECTS_1 + " (layout 1 has no"
                + " order file)");
        for (String top : topFiles()) {
            if (!top.equals(README) && !top.equals(QUESTIONNAIRE)) {
                log.ignore(top + ": not part of layout 1's evidence, not read");
            }
        }
        return new MqPackage(1, checklist, studies, List.of());
    }

    private MqPackage.Study study1(String folder, Map<String, Row> rows) {
        String mdName = folder + "/" + METADATA;
        String efName = folder + "/" + EFFECTS_1;
        if (!Files.isRegularFile(src.resolve(mdName))) {
            throw new InputException(src.resolve(mdName), 0, "", "no such file: layout 1 takes the study's id, title"
                    + " and type from it");
        }
        JsonDoc md = json(mdName);
        ObjectNode meta = metadataObject(md);
        String id = text(md, "", meta, "id", true);
        if (!ID.matcher(id).matches()) {
            throw md.error("id", "'" + id + "' is not a valid study id (letters, digits, _ - . @)");
        }
        String title = text(md, "", meta, "title", true);
        String reported = optionalText(md, "", meta, "study_type");
        Row row = rows.get(folder);
        Path readme = src.resolve(README);
        if (row == null) {
            throw new InputException(readme, 0, "", "study " + id + " (" + folder + "): missing study belief: the"
                    + " study table has no row for folder " + folder);
        }
        if (!row.id().isEmpty() && !row.id().equals(id)) {
            throw new InputException(readme, row.line(), "", "the study table gives folder " + folder + " the id "
                    + row.id() + ", its " + METADATA + " says " + id);
        }
        if (row.belief().isEmpty()) {
            throw new InputException(readme, row.line(), "", "study " + id + " (" + folder + "): missing study"
                    + " belief");
        }
        double belief;
        try {
            belief = Double.parseDouble(row.belief());
        } catch (NumberFormatException e) {
            throw new InputException(readme, row.line(), "", "study " + id + ": study belief '" + row.belief()
                    + "' is not a number");
        }
        if (!(belief >= 0.0 && belief <= 1.0)) {
            throw new InputException(readme, row.line(), "", "study " + id + ": study belief " + row.belief()
                    + " is outside [0, 1]");
        }
        String type;
        String typeSource;
        if (row.type() != null && !row.type().isEmpty()) {
            type = StudyTypes.band(row.type()).orElseThrow(() -> new InputException(readme, row.line(), "",
                    "study " + id + ": " + StudyTypes.unknown(row.type())));
            typeSource = README + " study table '" + row.type() + "'";
        } else {
            type = StudyTypes.band(reported).orElseThrow(() -> reported == null
                    ? md.error("", "study " + id + ": missing study_type (the study's type selects its quality band)")
                    : md.error("study_type", StudyTypes.unknown(reported)));
            typeSource = METADATA + " study_type '" + reported + "'";
        }
        ObjectNode context = context(meta, id, folder, title);
        String method = method1(meta);
        LinkedHashMap<String, String> quality = null;
        List<String> files = new ArrayList<>(List.of(efName, mdName));
        if (Files.isRegularFile(src.resolve(folder).resolve(QUESTIONNAIRE))) {
            String qName = folder + "/" + QUESTIONNAIRE;
            quality = Questionnaire.parse(src.resolve(qName), bytes(qName), true).answers();
            files.add(qName);
        }
        JsonDoc ef = json(efName);
        if (!ef.root().isObject()) {
            throw ef.error("", "expected an object {\"<configuration>\": {\"<metric>\": {...}}, ...}");
        }
        List<MqPackage.Evidence> records = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ef.root().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> r = it.next();
            String at = JsonDoc.child("", r.getKey());
            if (r.getKey().equals(OVERALL)) {
                log.ignore(efName + ":" + ef.line(at) + ": \"" + OVERALL + "\": a whole-study summary, not an"
                        + " evidence model");
                continue;
            }
            String name = "record \"" + r.getKey() + "\"";
            if (!r.getValue().isObject()) {
                throw ef.error(at, name + ": expected {\"<metric>\": {...}}");
            }
            LinkedHashMap<String, MqPackage.Metric> metrics = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> mt = r.getValue().fields(); mt.hasNext();) {
                Map.Entry<String, JsonNode> f = mt.next();
                metric(ef, at, name, f.getKey(), f.getValue(), metrics);
            }
            records.add(new MqPackage.Evidence(method, r.getKey(), metrics));
        }
        if (records.isEmpty()) {
            throw ef.error("", "study " + id + ": no records (evidence models) besides \"" + OVERALL + "\"");
        }
        return new MqPackage.Study(id, folder, title, belief, README, type, typeSource, reported, context, quality,
                records, files);
    }

    /** Layout 1's method, from the study's metadata: qat or ptq when the text says which. */
    private static String method1(ObjectNode meta) {
        JsonNode schema = meta.get("quantization_schema");
        JsonNode m = schema == null ? null : schema.get("quantization_method");
        if (m == null || !m.isTextual()) {
            return null;
        }
        String t = m.asText().toLowerCase(Locale.ROOT);
        if (t.contains("aware") || t.equals("qat")) {
            return "qat";
        }
        if (t.contains("post-training") || t.contains("dynamic") || t.contains("static") || t.equals("ptq")) {
            return "ptq";
        }
        return null;
    }

    /** The README's study table: folder → row (id, type, belief). */
    private Map<String, Row> readmeTable() {
        Path readme = src.resolve(README);
        if (!Files.isRegularFile(readme)) {
            throw new InputException(readme, 0, "", "no such file: layout 1 takes each study's belief from the study"
                    + " table of " + README + " (| id | folder | ... | study belief B |)");
        }
        String[] lines = new String(bytes(README), StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            List<String> head = cells(lines[i]);
            int id = head.indexOf("id");
            int folder = head.indexOf("folder");
            int belief = -1;
            int type = -1;
            for (int c = 0; c < head.size(); c++) {
                if (head.get(c).contains("belief")) {
                    belief = c;
                } else if (head.get(c).contains("type")) {
                    type = c;
                }
            }
            if (folder < 0 || belief < 0) {
                continue;
            }
            Map<String, Row> rows = new LinkedHashMap<>();
            for (int j = i + 2; j < lines.length && lines[j].strip().startsWith("|"); j++) {
                List<String> raw = rawCells(lines[j]);
                if (raw.size() <= Math.max(folder, belief)) {
                    throw new InputException(readme, j + 1, "", "the study table row has " + raw.size() + " cells,"
                            + " the header " + head.size());
                }
                String f = raw.get(folder).replace("`", "");
                if (f.isEmpty()) {
                    continue;
                }
                Row prev = rows.put(f, new Row(j + 1, id < 0 ? "" : raw.get(id), type < 0 ? null : raw.get(type),
                        raw.get(belief)));
                if (prev != null) {
                    throw new InputException(readme, j + 1, "", "folder " + f + " has a second row (first on line "
                            + prev.line() + ")");
                }
            }
            return rows;
        }
        throw new InputException(readme, 0, "", "no study table: layout 1 takes each study's belief from a table"
                + " with the columns id, folder, type (optional) and study belief");
    }

    private static List<String> rawCells(String line) {
        String s = line.strip();
        if (!s.startsWith("|")) {
            return List.of();
        }
        s = s.substring(1);
        if (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String c : s.split("\\|", -1)) {
            out.add(c.strip());
        }
        return out;
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String c : rawCells(line)) {
            out.add(c.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    // ------------------------------------------------------------------ shared

    /** One metric of one record: a finding, or a skipped entry when it has no intensity or no mass. */
    private void metric(JsonDoc doc, String recordAt, String record, String metric, JsonNode value,
            Map<String, MqPackage.Metric> out) {
        String at = JsonDoc.child(recordAt, metric);
        if (!value.isObject()) {
            throw doc.error(at, record + ": '" + metric + "' is neither a known field nor a metric object"
                    + " {\"intensity\", \"belief\", ...}");
        }
        if (!ID.matcher(metric).matches()) {
            throw doc.error(at, record + ": metric id '" + metric + "' cannot be an effect id (letters, digits,"
                    + " _ - . @; no spaces)");
        }
        String where = relative(doc.file()) + ":" + doc.line(at) + ": " + record + ": " + metric + ": ";
        JsonNode in = value.get("intensity");
        JsonNode b = value.get("belief");
        if (in == null || in.isNull()) {
            log.skip(where + "no intensity (" + (in == null ? "missing" : "null") + ")");
            return;
        }
        if (b == null || b.isNull()) {
            log.skip(where + "no mass (\"belief\" " + (b == null ? "missing" : "null") + ")");
            return;
        }
        if (!in.isTextual()) {
            throw doc.error(at + ".intensity", record + ": expected an intensity label, got " + in);
        }
        Intensity intensity;
        try {
            intensity = Intensity.parse(in.asText());
        } catch (IllegalArgumentException e) {
            throw doc.error(at + ".intensity", record + ": unknown intensity label: " + e.getMessage());
        }
        double mass = unit(doc, at + ".belief", b, record + ": mass");
        LinkedHashMap<String, JsonNode> source = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("intensity") || f.getKey().equals("belief")) {
                continue;
            }
            if (f.getValue().isContainerNode()) {
                throw doc.error(JsonDoc.child(at, f.getKey()), record + ": expected a single value");
            }
            source.put(f.getKey(), f.getValue());
        }
        out.put(metric, new MqPackage.Metric(intensity.label(), mass, source));
    }

    private static double unit(JsonDoc doc, String at, JsonNode v, String what) {
        if (!v.isNumber()) {
            throw doc.error(at, what + ": expected a number in [0, 1], got " + v);
        }
        double d = v.doubleValue();
        if (!(d >= 0.0 && d <= 1.0)) {
            throw doc.error(at, what + " " + v.asText() + " is outside [0, 1]");
        }
        return d;
    }

    private static ObjectNode metadataObject(JsonDoc md) {
        if (!md.root().isObject()) {
            throw md.error("", "expected an object {\"title\", \"study_type\", ...}");
        }
        return (ObjectNode) md.root();
    }

    /**
     * The context: metadata.json without study_type (the study's reported type), and without id, key
     * and title where the study's own fields already hold the same value.
     */
    private static ObjectNode context(ObjectNode meta, String id, String key, String title) {
        ObjectNode c = meta.deepCopy();
        c.remove("study_type");
        removeIfSame(c, "id", id);
        removeIfSame(c, "key", key);
        removeIfSame(c, "title", title);
        return c;
    }

    private static void removeIfSame(ObjectNode c, String field, String value) {
        JsonNode v = c.get(field);
        if (v != null && v.isTextual() && v.asText().equals(value)) {
            c.remove(field);
        }
    }

    private static String text(JsonDoc doc, String at, JsonNode obj, String field, boolean required) {
        JsonNode v = obj.get(field);
        String path = JsonDoc.child(at, field);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            if (required) {
                throw doc.error(v == null ? at : path, "missing: " + field);
            }
            return null;
        }
        if (!v.isTextual()) {
            throw doc.error(path, "expected text, got " + v);
        }
        return v.asText().strip();
    }

    private static String optionalText(JsonDoc doc, String at, JsonNode obj, String field) {
        return text(doc, at, obj, field, false);
    }

    private JsonDoc json(String relative) {
        Path p = src.resolve(relative);
        return JsonDoc.parse(p, bytes(relative));
    }

    /** Reads a file of the package and records it with its hash (once). */
    private byte[] bytes(String relative) {
        byte[] cached = cache.get(relative);
        if (cached != null) {
            return cached;
        }
        Path p = src.resolve(relative);
        byte[] b;
        try {
            b = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new InputException(p, 0, "", "no such file");
        } catch (IOException e) {
            throw new InputException(p, 0, "", "cannot read: " + e.getMessage(), e);
        }
        log.read(relative, Sha256.hex(b), b.length);
        cache.put(relative, b);
        return b;
    }

    private List<String> topFiles() {
        try (var s = Files.list(src)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new InputException(src, 0, "", "cannot list: " + e.getMessage(), e);
        }
    }

    private String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(src) ? src.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** S2 before S10: digit runs compare as numbers. */
    static int natural(String a, String b) {
        Matcher ma = Pattern.compile("(\\D*)(\\d*)(.*)").matcher(a);
        Matcher mb = Pattern.compile("(\\D*)(\\d*)(.*)").matcher(b);
        if (ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1)) && !ma.group(2).isEmpty()
                && !mb.group(2).isEmpty()) {
            int c = new java.math.BigInteger(ma.group(2)).compareTo(new java.math.BigInteger(mb.group(2)));
            return c != 0 ? c : natural(ma.group(3), mb.group(3));
        }
        return a.compareTo(b);
    }
}
