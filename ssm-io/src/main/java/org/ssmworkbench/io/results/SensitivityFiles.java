package org.ssmworkbench.io.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ssmworkbench.core.sensitivity.EffectSensitivity;
import org.ssmworkbench.core.sensitivity.SensitivityResult;
import org.ssmworkbench.core.sensitivity.Variant;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.io.project.Project;

/** Writes {@code sensitivity.json} and {@code sensitivity.csv}: every variant of every effect. */
public final class SensitivityFiles {

    /** The CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("effect", "analysis", "variant", "status", "hypothesis", "belief",
            "plausibility", "last_conflict", "mean_conflict", "empty_mass", "findings", "studies", "flips", "note");

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private SensitivityFiles() {
    }

    /** The JSON document as UTF-8 bytes, ending with a newline. */
    public static byte[] json(Project project, SensitivityResult r, String toolVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeStringField("synthesis", r.base().synthesis().title());
            g.writeObjectFieldStart("provenance");
            g.writeStringField("tool", "ssm-workbench " + toolVersion);
            g.writeStringField("format", "ssm-workbench/sensitivity/1");
            g.writeArrayFieldStart("inputs");
            for (Project.InputFile f : project.inputs()) {
                g.writeStartObject();
                g.writeStringField("path", f.path());
                g.writeStringField("sha256", f.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("base_policies");
            var p = r.base().synthesis().policies();
            g.writeStringField("rule", p.rule().id());
            g.writeStringField("selector", p.selector().id());
            g.writeStringField("assignment", p.assignment().id());
            g.writeEndObject();
            g.writeArrayFieldStart("cut_factors");
            for (double f : r.plan().cutFactors()) {
                g.writeNumber(f);
            }
            g.writeEndArray();
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
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("skipped");
            for (String s : r.skipped()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
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
        g.writeArrayFieldStart("conflicts");
        for (double k : v.conflicts()) {
            g.writeNumber(k);
        }
        g.writeEndArray();
        g.writeNumberField("last_conflict", v.lastConflict());
        g.writeNumberField("mean_conflict", v.meanConflict());
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

    /** The CSV document as UTF-8 bytes: one row per effect and variant. */
    public static byte[] csv(SensitivityResult r) {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        CSV_COLUMNS.forEach(b::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (EffectSensitivity e : r.effects()) {
            for (Variant v : e.variants()) {
                rows.add(List.of(e.effect().id(), v.analysis().id(), v.name(), v.status().id(),
                        v.hypothesis().map(SsmScale.FRAME::format).orElse(""),
                        Double.toString(v.belief()), Double.toString(v.plausibility()),
                        Double.toString(v.lastConflict()), Double.toString(v.meanConflict()),
                        v.emptyMass().isPresent() ? Double.toString(v.emptyMass().getAsDouble()) : "",
                        Integer.toString(v.findings()), Integer.toString(v.studies()), Boolean.toString(v.flips()),
                        v.note()));
            }
        }
        try {
            return CSV.writer(b.build()).writeValueAsString(rows).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSV writing failed", e);
        }
    }
}
