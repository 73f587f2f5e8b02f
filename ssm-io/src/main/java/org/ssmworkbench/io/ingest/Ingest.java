package org.ssmworkbench.io.ingest;

import org.ssmworkbench.core.text.NameHint;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ssmworkbench.io.InputException;

/**
 * Turns the logs an ingest spec declares into the tidy measurement table a project reads
 * (docs/formats/project.md, "Raw measurement files": {@code effect,evidence,baseline,treated}, one row
 * per pair of runs) and the derivation record beside it (docs/formats/ingest.md): every log with its
 * SHA-256, each metric's units and aggregate, every run with its value, every pair, and every run left
 * out with the file, line, column and reason.
 *
 * <p>Steps per source: read each log by its tool's layout into runs (attributes and a value in the
 * output unit, or an exclusion); join the run table's factors by {@code __run_id}; check that every
 * run has the factor, the pairing attributes and the evidence id's attributes, and that no other
 * attribute varies (so that nothing is pooled unseen); then pair each treated run with the baseline run
 * that agrees on the pairing attributes and the evidence id's other attributes.
 */
public final class Ingest {

    /** The name of the table in the output folder. */
    public static final String TABLE = "measurements.csv";
    /** The name of the derivation record in the output folder. */
    public static final String DERIVATION = "derivation.json";
    /** The format id of the derivation record. */
    public static final String DERIVATION_FORMAT = "ssm-workbench/ingest-derivation/1";

    /**
     * What an ingest produced.
     *
     * @param files    name → bytes for the output folder
     * @param sources  one summary per source, in spec order
     * @param inputs   the logs read
     */
    public record Result(Map<String, byte[]> files, List<SourceSummary> sources, int inputs) {
    }

    /**
     * One source's counts.
     *
     * @param effect   the effect id
     * @param tool     the tool id
     * @param metric   the metric's derivation in words
     * @param files    logs read
     * @param runs     runs with a value
     * @param pairs    pairs written
     * @param excluded runs left out, by kind
     */
    public record SourceSummary(String effect, String tool, String metric, int files, int runs, int pairs,
            Map<String, Integer> excluded) {
    }

    /** The state of one source while its files are read: the metric settled by the first file. */
    static final class SourceState {
        private final IngestSpec.Source source;
        private Metric metric;
        private Path firstFile;

        SourceState(IngestSpec.Source source) {
            this.source = source;
        }

        Metric metric(Metric m, Path file) {
            if (metric == null) {
                metric = m;
                firstFile = file;
            } else if (!metric.unitIn().equals(m.unitIn()) || metric.aggregate() != m.aggregate()) {
                throw new InputException(file, 1, m.column(), "unit " + m.unitIn() + ", but " + m.unitIn()
                        .replace(m.unitIn(), metric.unitIn()) + " in " + InputException.display(firstFile)
                        + ": the logs of " + source.field() + " disagree");
            }
            return metric;
        }
    }

    private record Input(String path, String sha256, long bytes, Set<String> tools) {
    }

    private record Pair(String evidence, List<String> key, RunRecord baseline, RunRecord treated) {
    }

    private Ingest() {
    }

    /**
     * Runs an ingest.
     *
     * @param toolVersion written into the derivation record
     * @throws InputException for bad input, naming file, line and column (or the spec's field)
     */
    public static Result run(IngestSpec spec, String toolVersion) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        RunTableIndex table = RunTableIndex.none();
        if (spec.runTable() != null) {
            table = RunTableIndex.read(spec.runTable());
            input(inputs, spec, spec.runTable().file(), "experiment-runner");
        }
        StringBuilder csv = new StringBuilder("effect,evidence,baseline,treated\n");
        List<SourceSummary> summaries = new ArrayList<>();
        List<SourceOut> outs = new ArrayList<>();
        for (IngestSpec.Source src : spec.sources()) {
            SourceState state = new SourceState(src);
            List<Path> files = src.tool() == Tool.EXPERIMENT_RUNNER ? List.of(spec.runTable().file())
                    : expand(spec, src);
            List<RunRecord> records = new ArrayList<>();
            Map<String, Path> paths = new LinkedHashMap<>();
            for (Path f : files) {
                String display = relative(spec, f);
                paths.put(display, f);
                Map<String, String> attrs = src.files() == null ? Map.of() : src.files().match(display).orElseThrow();
                input(inputs, spec, f, src.tool().id());
                records.addAll(src.tool().sampled() ? SampledReader.read(f, display, attrs, src, state)
                        : RowReader.read(f, display, attrs, src, state, table));
            }
            records = join(spec, src, records, table, paths);
            check(spec, src, records, paths);
            if (spec.irregular() == IngestSpec.Irregular.ERROR) {
                for (RunRecord r : records) {
                    if (r.exclusion() != null && r.exclusion().kind().equals("irregular")) {
                        throw new InputException(paths.get(r.file()), r.exclusion().line(),
                                r.exclusion().column() == null ? "" : r.exclusion().column(), r.exclusion().reason()
                                        + " (irregular: error)");
                    }
                }
            }
            SourceOut out = pair(spec, src, records, paths);
            out.metric = state.metric;
            out.files = files.size();
            outs.add(out);
            for (Pair p : out.pairs) {
                csv.append(src.effect()).append(',').append(p.evidence()).append(',')
                        .append(Numbers.text(p.baseline().value())).append(',')
                        .append(Numbers.text(p.treated().value())).append('\n');
            }
            Map<String, Integer> ex = new TreeMap<>();
            int measured = 0;
            for (RunRecord r : out.records) {
                if (r.exclusion() != null) {
                    ex.merge(r.exclusion().kind(), 1, Integer::sum);
                } else {
                    measured++;
                }
            }
            summaries.add(new SourceSummary(src.effect(), src.tool().id(), state.metric.describe(), files.size(),
                    measured, out.pairs.size(), ex));
        }
        byte[] tableBytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] derivation = derivation(spec, toolVersion, inputs, outs, tableBytes);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TABLE, tableBytes);
        files.put(DERIVATION, derivation);
        return new Result(files, summaries, inputs.size());
    }

    // ---------------------------------------------------------------------------------------------
    // Files

    private static List<Path> expand(IngestSpec spec, IngestSpec.Source src) {
        Pattern p = src.files();
        Path base = spec.folder().resolve(p.fixedFolder()).normalize();
        if (p.literal()) {
            Path f = spec.folder().resolve(p.toString()).normalize();
            if (!Files.isRegularFile(f)) {
                throw spec.error(src.field() + ".files", "'" + p + "' does not exist");
            }
            return List.of(f);
        }
        if (!Files.isDirectory(base)) {
            throw spec.error(src.field() + ".files", "the folder '" + p.fixedFolder() + "' does not exist");
        }
        List<Path> out = new ArrayList<>();
        Path outFolder = spec.output();
        try (Stream<Path> s = Files.walk(base)) {
            for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                if (Files.isRegularFile(f) && !f.startsWith(outFolder) && p.match(relative(spec, f)).isPresent()) {
                    out.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + InputException.display(base) + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw spec.error(src.field() + ".files", "no file matches '" + p + "'");
        }
        return out;
    }

    private static String relative(IngestSpec spec, Path f) {
        return spec.folder().relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static void input(Map<String, Input> inputs, IngestSpec spec, Path f, String tool) {
        String rel = relative(spec, f);
        Input in = inputs.get(rel);
        if (in == null) {
            try {
                in = new Input(rel, sha256(f), Files.size(f), new LinkedHashSet<>());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + InputException.display(f) + ": " + e.getMessage(), e);
            }
            inputs.put(rel, in);
        }
        in.tools().add(tool);
    }

    /** Hex SHA-256 of a file, streamed. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Attributes

    private static List<RunRecord> join(IngestSpec spec, IngestSpec.Source src, List<RunRecord> records,
            RunTableIndex table, Map<String, Path> paths) {
        if (spec.runTable() == null || src.tool() == Tool.EXPERIMENT_RUNNER) {
            return records;
        }
        List<RunRecord> out = new ArrayList<>();
        for (RunRecord r : records) {
            String id = r.attributes().get("__run_id");
            if (id == null) {
                out.add(r);
                continue;
            }
            RunTableIndex.Run run = table.get(id);
            if (run == null) {
                throw new InputException(paths.get(r.file()), r.line(), "", "run '" + id + "' is not in "
                        + spec.runTable().display() + NameHint.didYouMean(id, table.ids()));
            }
            Map<String, String> attrs = new LinkedHashMap<>(run.attributes());
            for (Map.Entry<String, String> e : r.attributes().entrySet()) {
                String before = attrs.putIfAbsent(e.getKey(), e.getValue());
                if (before != null && !before.equals(e.getValue())) {
                    throw new InputException(paths.get(r.file()), r.line(), e.getKey(), "'" + e.getValue()
                            + "' here, but the run table says '" + before + "' for run " + id);
                }
            }
            RunRecord joined = r.withAttributes(attrs);
            if (!run.done()) {
                joined = joined.withExclusion("not-done", "the run is not done in " + spec.runTable().display()
                        + " (line " + run.line() + ", __done = " + run.doneText() + ")" + (r.exclusion() == null ? ""
                                : "; its log is irregular too: " + r.exclusion().reason()));
            }
            out.add(joined);
        }
        return out;
    }

    private static void check(IngestSpec spec, IngestSpec.Source src, List<RunRecord> records, Map<String, Path> paths) {
        Set<String> needed = new LinkedHashSet<>();
        needed.add(spec.factor());
        needed.addAll(spec.pairBy());
        needed.addAll(spec.evidence().names());
        Map<String, Set<String>> others = new TreeMap<>();
        for (RunRecord r : records) {
            for (String n : needed) {
                if (!r.attributes().containsKey(n)) {
                    if (r.exclusion() != null && r.exclusion().kind().equals("unmatched")) {
                        continue;
                    }
                    throw new InputException(paths.get(r.file()), r.line(), "", "this run has no attribute '" + n
                            + "' (it has: " + (r.attributes().isEmpty() ? "none" : String.join(", ",
                                    r.attributes().keySet())) + "); name it in " + src.field() + "."
                            + (src.tool().sampled() ? "files" : "run") + (spec.runTable() != null
                                    ? ", or by {__run_id} through the run table" : ""));
                }
            }
            for (Map.Entry<String, String> e : r.attributes().entrySet()) {
                if (!needed.contains(e.getKey()) && !e.getKey().startsWith("_")) {
                    others.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue());
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : others.entrySet()) {
            if (e.getValue().size() > 1) {
                List<String> vs = new ArrayList<>(e.getValue());
                throw spec.error(src.field(), "attribute '" + e.getKey() + "' takes " + vs.size() + " values ("
                        + String.join(", ", vs.subList(0, Math.min(5, vs.size()))) + (vs.size() > 5 ? ", ..." : "")
                        + ") but is neither the factor, nor in pair_by, nor in the evidence id: say how it is used"
                        + " (runs that differ in it would be pooled), or start its name with _ to mark it as"
                        + " bookkeeping");
            }
        }
    }

    /** Attributes in words: "quantization=int8, repetition=3". */
    static String describe(Map<String, String> attrs) {
        List<String> parts = new ArrayList<>();
        attrs.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    // ---------------------------------------------------------------------------------------------
    // Pairing

    private static final class SourceOut {
        final IngestSpec.Source source;
        final List<RunRecord> records;
        final List<Pair> pairs;
        final List<String> key;
        Metric metric;
        int files;

        SourceOut(IngestSpec.Source source, List<RunRecord> records, List<Pair> pairs, List<String> key) {
            this.source = source;
            this.records = records;
            this.pairs = pairs;
            this.key = key;
        }
    }

    private static SourceOut pair(IngestSpec spec, IngestSpec.Source src, List<RunRecord> records,
            Map<String, Path> paths) {
        List<String> keyNames = new ArrayList<>(spec.pairBy());
        for (String n : spec.evidence().names()) {
            if (!n.equals(spec.factor()) && !keyNames.contains(n)) {
                keyNames.add(n);
            }
        }
        Set<String> levels = new TreeSet<>();
        for (RunRecord r : records) {
            String l = r.attributes().get(spec.factor());
            if (l != null) {
                levels.add(l);
            }
        }
        List<String> declared = new ArrayList<>();
        declared.add(spec.baseline());
        declared.addAll(spec.treated());
        for (int i = 0; i < declared.size(); i++) {
            if (!levels.contains(declared.get(i))) {
                throw spec.error(i == 0 ? "baseline" : "treated[" + (i - 1) + "]", "no run of " + src.field() + " has "
                        + spec.factor() + " = '" + declared.get(i) + "'" + NameHint.didYouMean(declared.get(i), levels)
                        + " (levels: " + String.join(", ", levels) + ")");
            }
        }
        List<RunRecord> all = new ArrayList<>();
        Map<List<String>, RunRecord> base = new TreeMap<>(Ingest::compareKeys);
        Map<String, Map<List<String>, RunRecord>> treated = new LinkedHashMap<>();
        for (String t : spec.treated()) {
            treated.put(t, new TreeMap<>(Ingest::compareKeys));
        }
        for (RunRecord r : records) {
            if (r.exclusion() != null) {
                all.add(r);
                continue;
            }
            String level = r.attributes().get(spec.factor());
            if (!declared.contains(level)) {
                all.add(r.withExclusion("other-level", spec.factor() + " = '" + level + "' is neither the baseline"
                        + " nor a treated level"));
                continue;
            }
            List<String> key = new ArrayList<>();
            for (String k : keyNames) {
                key.add(r.attributes().get(k));
            }
            Map<List<String>, RunRecord> side = level.equals(spec.baseline()) ? base : treated.get(level);
            RunRecord before = side.putIfAbsent(key, r);
            if (before != null) {
                throw new InputException(paths.get(r.file()), r.line(), "", "a second run with " + spec.factor() + " = "
                        + level + " and " + keyText(keyNames, key) + " (the first: " + before.file()
                        + (before.line() > 0 ? " line " + before.line() : "") + "); pair_by must tell runs apart");
            }
            all.add(r);
        }
        List<Pair> pairs = new ArrayList<>();
        Set<List<String>> usedBase = new java.util.HashSet<>();
        Map<RunRecord, String> unpaired = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, Map<List<String>, RunRecord>> t : treated.entrySet()) {
            for (Map.Entry<List<String>, RunRecord> e : t.getValue().entrySet()) {
                RunRecord b = base.get(e.getKey());
                if (b == null) {
                    unpaired.put(e.getValue(), "no baseline run (" + spec.factor() + " = " + spec.baseline() + ") with "
                            + keyText(keyNames, e.getKey()) + excludedNote(records, spec, keyNames, e.getKey()));
                    continue;
                }
                usedBase.add(e.getKey());
                String id;
                try {
                    id = spec.evidence().fill(e.getValue().attributes());
                } catch (IllegalArgumentException x) {
                    throw spec.error("evidence", x.getMessage());
                }
                if (!id.matches("[A-Za-z0-9_.@-]+")) {
                    throw spec.error("evidence", "the evidence id '" + id + "' (of " + describe(e.getValue()
                            .attributes()) + ") has characters an id cannot have (letters, digits, _ - . @)");
                }
                pairs.add(new Pair(id, e.getKey(), b, e.getValue()));
            }
        }
        for (Map.Entry<List<String>, RunRecord> e : base.entrySet()) {
            if (!usedBase.contains(e.getKey())) {
                unpaired.put(e.getValue(), "no treated run with " + keyText(keyNames, e.getKey())
                        + excludedNote(records, spec, keyNames, e.getKey()));
            }
        }
        List<RunRecord> finalRecords = new ArrayList<>();
        for (RunRecord r : all) {
            String why = unpaired.get(r);
            finalRecords.add(why == null ? r : r.withExclusion("unpaired", why));
        }
        Map<String, String> levelOf = new LinkedHashMap<>();
        for (Pair p : pairs) {
            String lv = p.treated().attributes().get(spec.factor());
            String before = levelOf.putIfAbsent(p.evidence(), lv);
            if (before != null && !before.equals(lv)) {
                throw spec.error("evidence", "the evidence id '" + p.evidence() + "' gathers pairs of two treated"
                        + " levels (" + before + ", " + lv + "): put {" + spec.factor() + "} in it");
            }
        }
        if (pairs.isEmpty()) {
            throw spec.error(src.field(), "no pair of runs for effect " + src.effect() + ": every run was left out or"
                    + " has no partner (" + finalRecords.size() + " runs; see the reasons with irregular: error)");
        }
        pairs.sort(Comparator.comparing(Pair::evidence).thenComparing(Pair::key, Ingest::compareKeys));
        return new SourceOut(src, finalRecords, pairs, keyNames);
    }

    private static String excludedNote(List<RunRecord> records, IngestSpec spec, List<String> keyNames,
            List<String> key) {
        for (RunRecord r : records) {
            if (r.exclusion() == null) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < keyNames.size(); i++) {
                if (!key.get(i).equals(r.attributes().get(keyNames.get(i)))) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return "; its partner " + r.file() + " was left out: " + r.exclusion().reason();
            }
        }
        return "";
    }

    private static String keyText(List<String> names, List<String> key) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(names.get(i) + " = " + key.get(i));
        }
        return String.join(", ", parts);
    }

    /** Keys in natural order: parts that are both whole numbers compare as numbers. */
    static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            int c;
            if (x.matches("\\d{1,18}") && y.matches("\\d{1,18}")) {
                c = Long.compare(Long.parseLong(x), Long.parseLong(y));
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    // ---------------------------------------------------------------------------------------------
    // The derivation record

    private static byte[] derivation(IngestSpec spec, String toolVersion, Map<String, Input> inputs,
            List<SourceOut> outs, byte[] table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            g.writeStringField("format", DERIVATION_FORMAT);
            g.writeStringField("tool", "ssm-workbench " + toolVersion);
            g.writeObjectFieldStart("spec");
            g.writeStringField("path", spec.file().getFileName().toString());
            g.writeStringField("sha256", sha256(spec.file()));
            g.writeStringField("factor", spec.factor());
            g.writeStringField("baseline", spec.baseline());
            g.writeArrayFieldStart("treated");
            for (String t : spec.treated()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("pair_by");
            for (String t : spec.pairBy()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeStringField("evidence", spec.evidence().toString());
            g.writeStringField("irregular", spec.irregular().name().toLowerCase(java.util.Locale.ROOT));
            g.writeEndObject();
            g.writeObjectFieldStart("table");
            g.writeStringField("path", TABLE);
            g.writeStringField("sha256", sha256(table));
            g.writeNumberField("rows", outs.stream().mapToInt(o -> o.pairs.size()).sum());
            g.writeEndObject();
            g.writeArrayFieldStart("inputs");
            for (Input in : inputs.values()) {
                g.writeStartObject();
                g.writeStringField("path", in.path());
                g.writeStringField("sha256", in.sha256());
                g.writeNumberField("bytes", in.bytes());
                g.writeStringField("tool", String.join(", ", in.tools()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sources");
            for (SourceOut o : outs) {
                source(g, spec, o);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void source(JsonGenerator g, IngestSpec spec, SourceOut o) throws IOException {
        IngestSpec.Source s = o.source;
        Metric m = o.metric;
        g.writeStartObject();
        g.writeStringField("effect", s.effect());
        g.writeStringField("tool", s.tool().id());
        g.writeStringField("files", s.files() == null ? spec.runTable().display() : s.files().toString());
        g.writeNumberField("files_read", o.files);
        g.writeObjectFieldStart("metric");
        g.writeStringField("column", m.column());
        g.writeStringField("unit_in", m.unitIn());
        g.writeStringField("unit_from", m.unitSource());
        if (m.aggregate() != null) {
            g.writeStringField("aggregate", m.aggregate().id());
            if (m.aggregate() == Aggregate.INTEGRAL) {
                g.writeStringField("integration", s.tool() == Tool.ENERGIBRIDGE
                        ? "sum of value x Delta (as EnergiBridge's --summary)" : "trapezoid rule over timestamps");
            }
            if (s.counterWrap() != null) {
                g.writeNumberField("counter_wrap", s.counterWrap());
            }
            if (s.maxGapMs() != null) {
                g.writeNumberField("max_gap_ms", s.maxGapMs());
            } else {
                g.writeNumberField("gap_factor", s.gapFactor());
            }
        }
        if (s.combine() != null) {
            g.writeStringField("combine", s.combine());
        }
        if (s.gpu() != null) {
            g.writeNumberField("gpu", s.gpu());
        }
        g.writeStringField("unit", m.unitOut());
        g.writeNumberField("factor", m.factor());
        g.writeEndObject();
        g.writeArrayFieldStart("pair_key");
        for (String k : o.key) {
            g.writeString(k);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("pairs");
        for (Pair p : o.pairs) {
            g.writeStartObject();
            g.writeStringField("evidence", p.evidence());
            g.writeObjectFieldStart("key");
            for (int i = 0; i < o.key.size(); i++) {
                g.writeStringField(o.key.get(i), p.key().get(i));
            }
            g.writeEndObject();
            run(g, "baseline", p.baseline());
            run(g, "treated", p.treated());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("excluded");
        for (RunRecord r : o.records) {
            if (r.exclusion() == null) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("kind", r.exclusion().kind());
            attributes(g, r);
            g.writeStringField("file", r.file());
            int line = r.exclusion().line() > 0 ? r.exclusion().line() : r.line();
            if (line > 0) {
                g.writeNumberField("line", line);
            }
            if (r.exclusion().column() != null) {
                g.writeStringField("column", r.exclusion().column());
            }
            g.writeStringField("reason", r.exclusion().reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void run(JsonGenerator g, String name, RunRecord r) throws IOException {
        g.writeObjectFieldStart(name);
        attributes(g, r);
        g.writeStringField("file", r.file());
        if (r.line() > 0) {
            g.writeStringField("lines", r.line() == r.lastLine() ? String.valueOf(r.line())
                    : r.line() + "-" + r.lastLine());
        }
        g.writeFieldName("value");
        g.writeRawValue(Numbers.text(r.value()));
        if (!r.notes().isEmpty()) {
            g.writeArrayFieldStart("notes");
            for (String n : r.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void attributes(JsonGenerator g, RunRecord r) throws IOException {
        g.writeObjectFieldStart("run");
        for (Map.Entry<String, String> e : r.attributes().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

}
