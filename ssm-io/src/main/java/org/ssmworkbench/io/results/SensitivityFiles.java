package org.ssmworkbench.io.results;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ssmworkbench.core.sensitivity.CumulativeStep;
import org.ssmworkbench.core.sensitivity.EffectSensitivity;
import org.ssmworkbench.core.sensitivity.OrderSpread;
import org.ssmworkbench.core.sensitivity.SensitivityResult;
import org.ssmworkbench.core.sensitivity.Variant;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.io.project.Project;

/**
 * Writes {@code sensitivity.json} and {@code sensitivity.csv}: every variant of every effect with its
 * analysis kind and status, and per effect the order dependence and the cumulative synthesis. Both
 * are streamed to their output, so their size never has to fit in memory as one buffer.
 */
public final class SensitivityFiles {

    /** The JSON format id. */
    public static final String FORMAT = "ssm-workbench/sensitivity/3";

    /** The CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("effect", "analysis", "variant", "status", "hypothesis",
            "belief", "plausibility", "steps", "last_conflict", "mean_conflict", "empty_mass", "findings", "studies",
            "flips", "note");

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private SensitivityFiles() {
    }

    /** The JSON document as UTF-8 bytes, ending with a newline (small results; see {@link #writeJson}). */
    public static byte[] json(Project project, SensitivityResult r, String toolVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            writeJson(out, project, r, project.provenance(toolVersion).withPolicies(r.base().synthesis().policies()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Streams the JSON document, UTF-8, ending with a newline; its provenance that of a run of this tool
     * version in this JVM on the project's inputs, with the base result's policies.
     */
    public static void writeJson(OutputStream out, Project project, SensitivityResult r, String toolVersion)
            throws IOException {
        writeJson(out, project, r, project.provenance(toolVersion).withPolicies(r.base().synthesis().policies()));
    }

    /** Streams the JSON document, UTF-8, ending with a newline, stating the given provenance (of the base run). */
    public static void writeJson(OutputStream out, Project project, SensitivityResult r, Provenance provenance)
            throws IOException {
        JsonGenerator g = Decimals.cleaning(JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build()
                .createGenerator(out, JsonEncoding.UTF8));
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
        g.writeStartObject();
        g.writeStringField("synthesis", r.base().synthesis().title());
        ProvenanceJson.write(g, provenance, FORMAT, project.dir());
        ProvenanceJson.policies(g, provenance, r.base());
        var plan = r.plan();
        g.writeStringField("conflicts", plan.conflicts().id());
        numbers(g, "cut_factors", plan.cutFactors());
        numbers(g, "discount_factors", plan.discountFactors());
        g.writeObjectFieldStart("inclusion");
        numbers(g, "belief_thresholds", plan.beliefThresholds());
        g.writeArrayFieldStart("study_types");
        for (List<String> t : plan.studyTypes()) {
            g.writeStartArray();
            for (String x : t) {
                g.writeString(x);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeBooleanField("quality_items", plan.qualityItems());
        g.writeEndObject();
        g.writeObjectFieldStart("orders");
        g.writeNumberField("all_orders_up_to", org.ssmworkbench.core.sensitivity.SensitivityAnalysis.ALL_ORDERS_UP_TO);
        g.writeNumberField("sample", plan.orderSample());
        g.writeNumberField("seed", plan.seed());
        g.writeEndObject();
        g.writeObjectFieldStart("cumulative_order");
        g.writeStringField("basis", r.cumulativeBasis());
        g.writeArrayFieldStart("studies");
        for (String id : r.cumulativeOrder()) {
            g.writeString(id);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("effects");
        for (EffectSensitivity e : r.effects()) {
            g.writeStartObject();
            g.writeStringField("effect", e.effect().id());
            g.writeObjectFieldStart("base");
            Optional<Selection> sel = e.base().selection();
            if (sel.isPresent()) {
                JsonParts.codes(g, "hypothesis", sel.get().set());
                g.writeNumberField("belief", sel.get().belief());
                g.writeNumberField("plausibility", sel.get().plausibility());
                g.writeNumberField("findings", e.base().findings().size());
                g.writeNumberField("studies", e.base().studies());
            } else {
                g.writeNullField("hypothesis");
            }
            g.writeEndObject();
            g.writeNumberField("variants_that_flip", e.flips().size());
            if (e.smallestCutFlip().isPresent()) {
                g.writeStringField("smallest_cut_flip", e.smallestCutFlip().get().name());
            } else {
                g.writeNullField("smallest_cut_flip");
            }
            g.writeArrayFieldStart("variants");
            for (Variant v : e.variants()) {
                variant(g, v);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("order_dependence");
            for (OrderSpread o : e.orders()) {
                order(g, o, e.base().findings().size());
            }
            g.writeEndArray();
            g.writeNumberField("settled_after", e.settledAfter());
            g.writeArrayFieldStart("cumulative");
            for (CumulativeStep c : e.cumulative()) {
                cumulative(g, c);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("skipped");
        for (String s : r.skipped()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    private static void numbers(JsonGenerator g, String field, List<Double> xs) throws IOException {
        g.writeArrayFieldStart(field);
        for (double f : xs) {
            g.writeNumber(f);
        }
        g.writeEndArray();
    }

    private static void variant(JsonGenerator g, Variant v) throws IOException {
        g.writeStartObject();
        g.writeStringField("analysis", v.analysis().id());
        g.writeStringField("variant", v.name());
        g.writeStringField("status", v.status().id());
        if (v.hypothesis().isPresent()) {
            JsonParts.codes(g, "hypothesis", v.hypothesis().get());
        } else {
            g.writeNullField("hypothesis");
        }
        g.writeNumberField("belief", v.belief());
        g.writeNumberField("plausibility", v.plausibility());
        g.writeNumberField("steps", v.steps());
        g.writeNumberField("last_conflict", v.lastConflict());
        if (v.conflicts().isPresent()) {
            g.writeArrayFieldStart("conflicts");
            for (double k : v.conflicts().get()) {
                g.writeNumber(k);
            }
            g.writeEndArray();
            g.writeNumberField("mean_conflict", v.meanConflict().getAsDouble());
        }
        if (v.emptyMass().isPresent()) {
            g.writeNumberField("empty_mass", v.emptyMass().getAsDouble());
        }
        g.writeNumberField("findings", v.findings());
        g.writeNumberField("studies", v.studies());
        g.writeBooleanField("flips", v.flips());
        if (!v.note().isEmpty()) {
            g.writeStringField("note", v.note());
        }
        g.writeEndObject();
    }

    /** A count of orders, or "n!" when it does not fit a long. */
    private static void count(JsonGenerator g, String field, long value, int n) throws IOException {
        if (value == Long.MAX_VALUE) {
            g.writeStringField(field, n + "!");
        } else {
            g.writeNumberField(field, value);
        }
    }

    private static void order(JsonGenerator g, OrderSpread o, int n) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", o.rule().id());
        g.writeBooleanField("all_orders", o.exhaustive());
        count(g, "orders", o.orders(), n);
        if (!o.exhaustive()) {
            g.writeNumberField("seed", o.seed());
        }
        g.writeObjectFieldStart("last_conflict");
        g.writeNumberField("in_combination_order", o.baseLastConflict());
        g.writeNumberField("min", o.minLastConflict());
        g.writeNumberField("max", o.maxLastConflict());
        g.writeEndObject();
        g.writeObjectFieldStart("belief");
        g.writeNumberField("min", o.minBelief());
        g.writeNumberField("max", o.maxBelief());
        g.writeEndObject();
        g.writeArrayFieldStart("hypotheses");
        for (Map.Entry<Long, Long> h : o.hypotheses().entrySet()) {
            g.writeStartObject();
            JsonParts.codes(g, "hypothesis", h.getKey());
            count(g, "orders", h.getValue(), n);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("hypothesis_can_change", o.hypothesisCanChange());
        g.writeStringField("note", o.note());
        g.writeEndObject();
    }

    private static void cumulative(JsonGenerator g, CumulativeStep c) throws IOException {
        g.writeStartObject();
        g.writeStringField("study", c.study());
        if (c.year().isPresent()) {
            g.writeNumberField("year", c.year().getAsInt());
        }
        if (c.hypothesis().isPresent()) {
            JsonParts.codes(g, "hypothesis", c.hypothesis().get());
        } else {
            g.writeNullField("hypothesis");
        }
        g.writeNumberField("belief", c.belief());
        g.writeNumberField("plausibility", c.plausibility());
        g.writeNumberField("findings", c.findings());
        g.writeNumberField("studies", c.studies());
        g.writeNumberField("last_conflict", c.lastConflict());
        g.writeBooleanField("changed", c.changed());
        g.writeEndObject();
    }

    /** The CSV document as UTF-8 bytes (small results; see {@link #writeCsv}). */
    public static byte[] csv(SensitivityResult r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            writeCsv(out, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Streams the CSV document: a header, then one row per effect and variant. */
    public static void writeCsv(OutputStream out, SensitivityResult r) throws IOException {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        CSV_COLUMNS.forEach(b::addColumn);
        try (SequenceWriter w = CSV.writer(b.build()).without(com.fasterxml.jackson.core.JsonGenerator.Feature
                .AUTO_CLOSE_TARGET).writeValues(out)) {
            List<String> row = new ArrayList<>(CSV_COLUMNS.size());
            for (EffectSensitivity e : r.effects()) {
                for (Variant v : e.variants()) {
                    row.clear();
                    row.add(e.effect().id());
                    row.add(v.analysis().id());
                    row.add(v.name());
                    row.add(v.status().id());
                    row.add(v.hypothesis().map(SsmScale.FRAME::format).orElse(""));
                    row.add(Decimals.text(v.belief()));
                    row.add(Decimals.text(v.plausibility()));
                    row.add(Integer.toString(v.steps()));
                    row.add(Decimals.text(v.lastConflict()));
                    row.add(v.meanConflict().isPresent() ? Decimals.text(v.meanConflict().getAsDouble()) : "");
                    row.add(v.emptyMass().isPresent() ? Decimals.text(v.emptyMass().getAsDouble()) : "");
                    row.add(Integer.toString(v.findings()));
                    row.add(Integer.toString(v.studies()));
                    row.add(Boolean.toString(v.flips()));
                    row.add(v.note());
                    w.write(row);
                }
            }
        }
    }
}
