package org.ssmworkbench.io.ingest;

import org.ssmworkbench.core.text.NameHint;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.io.InputException;

/**
 * An ingest spec (docs/formats/ingest.md): which logs to read, by which tool's layout, which metric,
 * the factor whose levels are baseline and treatment, the pairing rule, the evidence id of each pair and
 * where the measurement table goes. Read from YAML with Jackson; unknown fields are errors, and every
 * error names the file, line and field.
 */
public final class IngestSpec {

    /** What becomes of a run whose log is irregular (a gap, a missing sample, a counter reset, ...). */
    public enum Irregular {
        /** The run (and so its pair) is left out; the derivation records why. */
        EXCLUDE,
        /** The first irregularity is an error naming file, line and column. */
        ERROR
    }

    /**
     * The experiment-runner run table that gives runs their factors.
     *
     * @param file    the table, relative to the spec's folder
     * @param factors the columns that are factors (the others are data columns)
     */
    public record RunTable(Path file, String display, List<String> factors) {
    }

    /**
     * One source: the logs of one tool, one metric, one effect.
     *
     * @param field       the spec field ("sources[0]") for messages
     * @param effect      the effect id written into the table
     * @param tool        the log format
     * @param files       the file pattern relative to the spec's folder (null for experiment-runner)
     * @param metric      the column read
     * @param unit        the unit of the values written (null: the default for the metric)
     * @param aggregate   how samples become a run's value (sampled tools; null: by the column's unit)
     * @param counterWrap the counter's range in the metric's unit, added at each wrap (null: a decrease is a reset)
     * @param maxGapMs    the longest accepted interval between samples in ms (null: gapFactor × median)
     * @param gapFactor   an interval longer than this many median intervals is a gap
     * @param columnUnit  the metric column's unit where the log does not say it
     * @param run         column → pattern: attributes read from cells
     * @param separator   the column separator (null: the tool's default)
     * @param combine     "sum" to add the rows of one run (pyJoules segments, pyRAPL sockets), else null
     * @param gpu         nvidia-smi: the GPU index to read (null: every GPU, summed)
     */
    public record Source(String field, String effect, Tool tool, Pattern files, String metric, String unit,
            Aggregate aggregate, Double counterWrap, Double maxGapMs, double gapFactor, String columnUnit,
            Map<String, Pattern> run, Character separator, String combine, Integer gpu) {
    }

    private final Path file;
    private final Path folder;
    private final Path output;
    private final RunTable runTable;
    private final String factor;
    private final String baseline;
    private final List<String> treated;
    private final List<String> pairBy;
    private final Pattern evidence;
    private final Irregular irregular;
    private final List<Source> sources;
    private final Map<String, Integer> lines;

    private IngestSpec(Path file, Path output, RunTable runTable, String factor, String baseline, List<String> treated,
            List<String> pairBy, Pattern evidence, Irregular irregular, List<Source> sources, Map<String, Integer> lines) {
        this.file = file;
        this.folder = file.toAbsolutePath().getParent();
        this.output = output;
        this.runTable = runTable;
        this.factor = factor;
        this.baseline = baseline;
        this.treated = List.copyOf(treated);
        this.pairBy = List.copyOf(pairBy);
        this.evidence = evidence;
        this.irregular = irregular;
        this.sources = List.copyOf(sources);
        this.lines = lines;
    }

    // ---------------------------------------------------------------------------------------------
    // The YAML as Jackson reads it (stays in this class)

    private record RawSpec(Integer format, String output,
            @JsonProperty("run_table") RawRunTable runTable, String factor, String baseline, List<String> treated,
            @JsonProperty("pair_by") List<String> pairBy, String evidence, String irregular, List<RawSource> sources) {
    }

    private record RawRunTable(String file, List<String> factors) {
    }

    private record RawSource(String effect, String tool, String files, String metric, String unit, String aggregate,
            @JsonProperty("counter_wrap") Double counterWrap, @JsonProperty("max_gap_ms") Double maxGapMs,
            @JsonProperty("gap_factor") Double gapFactor, @JsonProperty("column_unit") String columnUnit,
            Map<String, String> run, String separator, String combine, Integer gpu) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The current format version. */
    public static final int FORMAT = 1;

    /**
     * Reads and checks a spec.
     *
     * @throws InputException naming file, line and field
     */
    public static IngestSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, 0, "", "no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + InputException.display(file) + ": " + e.getMessage(), e);
        }
        RawSpec raw;
        try {
            raw = YAML.readValue(text, RawSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InputException(file, lines(text).getOrDefault(field(e), line(e)), field(e), "unknown field '" + e.getPropertyName() + "'"
                    + NameHint.didYouMean(e.getPropertyName(), e.getKnownPropertyIds().stream().map(Object::toString)
                            .toList()), e);
        } catch (JsonMappingException e) {
            throw new InputException(file, lines(text).getOrDefault(field(e), line(e)), field(e),
                    e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new InputException(file, line(e), "", "not readable as YAML: " + e.getOriginalMessage(), e);
        }
        if (raw == null) {
            throw new InputException(file, 0, "", "the file is empty");
        }
        return new Checker(file, lines(text)).check(raw);
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String field(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** Field path ("sources[1].metric") → line, from a streaming pass over the YAML. */
    private static Map<String, Integer> lines(String text) {
        Map<String, Integer> out = new HashMap<>();
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            List<Object> path = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    String f = pathOf(p);
                    out.putIfAbsent(f, p.currentTokenLocation().getLineNr());
                } else if (t.isScalarValue() && p.getParsingContext().inArray()) {
                    out.putIfAbsent(pathOf(p), p.currentTokenLocation().getLineNr());
                } else if (t == JsonToken.START_OBJECT && p.getParsingContext().getParent() != null
                        && p.getParsingContext().getParent().inArray()) {
                    out.putIfAbsent(pathOf(p.getParsingContext().getParent()), p.currentTokenLocation().getLineNr());
                }
            }
            path.clear();
        } catch (IOException e) {
            // the typed read already reported any syntax error
        }
        return out;
    }

    private static String pathOf(JsonParser p) {
        return pathOf(p.getParsingContext());
    }

    private static String pathOf(com.fasterxml.jackson.core.JsonStreamContext c) {
        List<String> parts = new ArrayList<>();
        for (var x = c; x != null && !x.inRoot(); x = x.getParent()) {
            if (x.inObject()) {
                parts.add(0, (parts.isEmpty() ? "" : "") + "." + x.getCurrentName());
            } else if (x.inArray()) {
                parts.add(0, "[" + Math.max(0, x.getCurrentIndex()) + "]");
            }
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }

    /** Validation with located errors. */
    private static final class Checker {
        private final Path file;
        private final Map<String, Integer> lines;

        Checker(Path file, Map<String, Integer> lines) {
            this.file = file;
            this.lines = lines;
        }

        InputException error(String field, String detail) {
            Integer l = lines.get(field);
            String f = field;
            while (l == null && f.contains(".")) {
                f = f.substring(0, f.lastIndexOf('.'));
                l = lines.get(f);
            }
            return new InputException(file, l == null ? 0 : l, field, detail);
        }

        IngestSpec check(RawSpec r) {
            if (r.format() == null) {
                throw error("format", "missing: the version of this format (" + FORMAT + ")");
            }
            if (r.format() != FORMAT) {
                throw error("format", "this tool reads format " + FORMAT + ", got " + r.format());
            }
            Path folder = file.toAbsolutePath().getParent();
            String out = required("output", r.output());
            Path output = inside("output", out, folder);
            RunTable table = null;
            if (r.runTable() != null) {
                String tf = required("run_table.file", r.runTable().file());
                List<String> factors = r.runTable().factors() == null ? List.of() : r.runTable().factors();
                if (factors.isEmpty()) {
                    throw error("run_table.factors", "missing: the run table's factor columns (the other columns"
                            + " are data columns)");
                }
                table = new RunTable(inside("run_table.file", tf, folder), tf, List.copyOf(factors));
            }
            String factor = attribute("factor", required("factor", r.factor()));
            String baseline = required("baseline", r.baseline());
            if (r.treated() == null || r.treated().isEmpty()) {
                throw error("treated", "missing: the treated level(s) of " + factor);
            }
            List<String> treated = new ArrayList<>();
            for (int i = 0; i < r.treated().size(); i++) {
                String t = r.treated().get(i);
                if (t == null || t.isBlank()) {
                    throw error("treated[" + i + "]", "must not be empty");
                }
                if (t.equals(baseline) || treated.contains(t)) {
                    throw error("treated[" + i + "]", "'" + t + "' is listed twice (or is the baseline)");
                }
                treated.add(t);
            }
            if (r.pairBy() == null || r.pairBy().isEmpty()) {
                throw error("pair_by", "missing: the attributes on which a treated run and its baseline run agree"
                        + " (e.g. [repetition])");
            }
            for (int i = 0; i < r.pairBy().size(); i++) {
                String a = attribute("pair_by[" + i + "]", r.pairBy().get(i));
                if (a.equals(factor)) {
                    throw error("pair_by[" + i + "]", "the factor cannot pair runs (its levels differ by design)");
                }
            }
            Pattern evidence;
            try {
                evidence = Pattern.compile(r.evidence() == null ? "{" + factor + "}" : r.evidence(), false);
            } catch (IllegalArgumentException e) {
                throw error("evidence", e.getMessage());
            }
            if (treated.size() > 1 && !evidence.names().contains(factor)) {
                throw error("evidence", "with several treated levels the evidence id must contain {" + factor
                        + "}, else their pairs would share an id");
            }
            Irregular irregular = Irregular.EXCLUDE;
            if (r.irregular() != null) {
                irregular = switch (r.irregular()) {
                    case "exclude" -> Irregular.EXCLUDE;
                    case "error" -> Irregular.ERROR;
                    default -> throw error("irregular", "expected exclude or error, got '" + r.irregular() + "'");
                };
            }
            if (r.sources() == null || r.sources().isEmpty()) {
                throw error("sources", "missing: at least one source (tool, files, metric, effect)");
            }
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < r.sources().size(); i++) {
                sources.add(source("sources[" + i + "]", r.sources().get(i), table != null));
            }
            return new IngestSpec(file, output, table, factor, baseline, treated, r.pairBy(), evidence, irregular,
                    sources, lines);
        }

        private Source source(String at, RawSource s, boolean hasTable) {
            if (s == null) {
                throw error(at, "must be a mapping with tool, files, metric and effect");
            }
            String toolName = required(at + ".tool", s.tool());
            Tool tool = Tool.of(toolName);
            if (tool == null) {
                throw error(at + ".tool", "unknown tool '" + toolName + "'" + NameHint.didYouMean(toolName, Tool.ids())
                        + " (known: " + String.join(", ", Tool.ids()) + ")");
            }
            String effect = required(at + ".effect", s.effect());
            if (!effect.matches("[A-Za-z0-9_.@-]+")) {
                throw error(at + ".effect", "an effect id is letters, digits, _ - . @ (got '" + effect + "')");
            }
            Pattern files = null;
            if (tool == Tool.EXPERIMENT_RUNNER) {
                if (s.files() != null) {
                    throw error(at + ".files", "an experiment-runner source reads the run table named in run_table.file;"
                            + " leave files out");
                }
                if (!hasTable) {
                    throw error(at + ".tool", "an experiment-runner source needs run_table (file and factors)");
                }
            } else {
                String f = required(at + ".files", s.files());
                try {
                    files = Pattern.compile(f, true);
                } catch (IllegalArgumentException e) {
                    throw error(at + ".files", e.getMessage());
                }
                if (f.startsWith("/") || f.contains("..") || f.contains("\\")) {
                    throw error(at + ".files", "a pattern relative to the spec's folder, with '/' and without '..'");
                }
            }
            String metric = required(at + ".metric", s.metric());
            Aggregate agg = null;
            if (s.aggregate() != null) {
                if (!tool.sampled()) {
                    throw error(at + ".aggregate", tool.id() + " logs hold one value per run; aggregate is for"
                            + " energibridge and nvidia-smi");
                }
                agg = Aggregate.of(s.aggregate());
                if (agg == null) {
                    throw error(at + ".aggregate", "unknown '" + s.aggregate() + "' (known: "
                            + String.join(", ", Aggregate.ids()) + ")");
                }
            }
            if (s.counterWrap() != null && !(s.counterWrap() > 0 && Double.isFinite(s.counterWrap()))) {
                throw error(at + ".counter_wrap", "must be a positive number (the counter's range), got "
                        + s.counterWrap());
            }
            if (s.counterWrap() != null && tool != Tool.ENERGIBRIDGE) {
                throw error(at + ".counter_wrap", "only energibridge logs hold cumulative counters");
            }
            if (s.maxGapMs() != null && !(s.maxGapMs() > 0 && Double.isFinite(s.maxGapMs()))) {
                throw error(at + ".max_gap_ms", "must be a positive number of milliseconds");
            }
            double gapFactor = s.gapFactor() == null ? 5.0 : s.gapFactor();
            if (!(gapFactor > 1 && Double.isFinite(gapFactor))) {
                throw error(at + ".gap_factor", "must be a number above 1, got " + s.gapFactor());
            }
            if ((s.maxGapMs() != null || s.gapFactor() != null) && !tool.sampled()) {
                throw error(at + (s.maxGapMs() != null ? ".max_gap_ms" : ".gap_factor"),
                        "gaps are checked in sampled logs (energibridge, nvidia-smi) only");
            }
            Map<String, Pattern> run = new LinkedHashMap<>();
            if (s.run() != null) {
                for (Map.Entry<String, String> e : s.run().entrySet()) {
                    if (tool.sampled()) {
                        throw error(at + ".run", tool.id() + " logs hold one run per file: take attributes from the"
                                + " file pattern");
                    }
                    try {
                        run.put(e.getKey(), Pattern.compile(e.getValue(), false));
                    } catch (IllegalArgumentException x) {
                        throw error(at + ".run." + e.getKey(), x.getMessage());
                    }
                }
            }
            Character sep = null;
            if (s.separator() != null) {
                String v = s.separator().equals("\\t") ? "\t" : s.separator();
                if (v.length() != 1) {
                    throw error(at + ".separator", "one character, got '" + s.separator() + "'");
                }
                sep = v.charAt(0);
            }
            if (s.combine() != null && !s.combine().equals("sum")) {
                throw error(at + ".combine", "expected sum (rows of one run are added), got '" + s.combine() + "'");
            }
            if (s.combine() != null && tool.sampled()) {
                throw error(at + ".combine", "combine is for logs with a row per segment (pyjoules, pyrapl, codecarbon)");
            }
            if (s.gpu() != null && tool != Tool.NVIDIA_SMI) {
                throw error(at + ".gpu", "gpu selects a GPU of an nvidia-smi log");
            }
            if (s.unit() != null && s.unit().isBlank()) {
                throw error(at + ".unit", "must not be empty");
            }
            return new Source(at, effect, tool, files, metric, s.unit(), agg, s.counterWrap(), s.maxGapMs(), gapFactor,
                    s.columnUnit(), run, sep, s.combine(), s.gpu());
        }

        private String required(String field, String v) {
            if (v == null || v.isBlank()) {
                throw error(field, "missing");
            }
            return v;
        }

        private String attribute(String field, String v) {
            if (v == null || !v.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw error(field, "an attribute name is letters, digits and _, got '" + v + "'");
            }
            return v;
        }

        private Path inside(String field, String rel, Path folder) {
            if (rel.startsWith("/") || rel.contains("\\")) {
                throw error(field, "a path relative to the spec's folder, with '/'");
            }
            Path p = folder.resolve(rel).normalize();
            if (!p.startsWith(folder)) {
                throw error(field, "'" + rel + "' leaves the spec's folder");
            }
            return p;
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The spec file. */
    public Path file() {
        return file;
    }

    /** The folder paths are relative to. */
    public Path folder() {
        return folder;
    }

    /** The output folder (measurements.csv and derivation.json). */
    public Path output() {
        return output;
    }

    /** The run table, or null. */
    public RunTable runTable() {
        return runTable;
    }

    public String factor() {
        return factor;
    }

    public String baseline() {
        return baseline;
    }

    public List<String> treated() {
        return treated;
    }

    public List<String> pairBy() {
        return pairBy;
    }

    Pattern evidence() {
        return evidence;
    }

    public Irregular irregular() {
        return irregular;
    }

    public List<Source> sources() {
        return sources;
    }

    /** An error located at a spec field. */
    InputException error(String field, String detail) {
        return new Checker(file, lines).error(field, detail);
    }
}
