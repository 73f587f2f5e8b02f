package org.ssmworkbench.io.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.ssmworkbench.core.belief.Combination;
import org.ssmworkbench.core.belief.CombinationStep;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.synthesis.Checklist;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.Derivation;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.PublishedResult;
import org.ssmworkbench.core.synthesis.SanityWarning;
import org.ssmworkbench.core.synthesis.StudyResult;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.project.Project;

/**
 * Writes {@code results.json}: the synthesis, its provenance (tool and Java runtime, hashes and sizes of
 * every input file, every policy: {@link ProvenanceJson}), per-study beliefs, every finding, and per effect the aggregated result with its full
 * trace. Keys come in a fixed order and numbers in full (without floating-point noise, see {@link Decimals}),
 * so the same input gives the same bytes.
 */
public final class ResultsJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private ResultsJson() {
    }

    /** The format id. */
    public static final String FORMAT = "ssm-workbench/results/1";

    /**
     * The JSON document as UTF-8 bytes, indented, ending with a newline; its provenance that of a run of
     * this tool version in this JVM on the project's inputs, with the result's policies.
     */
    public static byte[] write(Project project, SynthesisResult r, String toolVersion) {
        return write(project, r, project.provenance(toolVersion).withPolicies(r.synthesis().policies()));
    }

    /** The JSON document as UTF-8 bytes, indented, ending with a newline, stating the given provenance. */
    public static byte[] write(Project project, SynthesisResult r, Provenance provenance) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            write(project, r, provenance, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Streams the same bytes as {@link #write(Project, SynthesisResult, Provenance)} into {@code out} (left
     * open), for a results.json too large to hold in memory twice (10,000 studies: 141 MB).
     */
    public static void write(Project project, SynthesisResult r, Provenance provenance, OutputStream out)
            throws IOException {
        write(project, r, provenance, out, SPLIT_FROM);
    }

    /**
     * From this many findings on, the "findings" array (about 60 % of the bytes and of the time) is
     * written on a second thread, into memory, while this one writes everything before it.
     */
    static final int SPLIT_FROM = 20_000;

    /** As {@link #write(Project, SynthesisResult, Provenance, OutputStream)}, splitting from {@code splitFrom} findings. */
    static void write(Project project, SynthesisResult r, Provenance provenance, OutputStream out, int splitFrom)
            throws IOException {
        CompletableFuture<Chunks> findings = r.findings().size() < splitFrom ? null
                : CompletableFuture.supplyAsync(() -> findingsField(r.findings()));
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("synthesis", r.synthesis().title());
            g.writeStringField("id", r.synthesis().id());
            g.writeStringField("question", r.synthesis().question());
            g.writeStringField("intervention", r.synthesis().intervention());
            ProvenanceJson.write(g, provenance, FORMAT, project.dir());
            ProvenanceJson.policies(g, provenance, r);
            mappings(g, r.synthesis().mappings());
            studies(g, r.studies());
            g.writeArrayFieldStart("effects");
            for (EffectResult e : r.effects()) {
                effect(g, e);
            }
            g.writeEndArray();
            if (findings == null) {
                findingsArray(g, r.findings());
            } else {
                g.flush();
                join(findings).writeTo(out);
            }
            stringArray(g, "dropped", r.dropped());
            stringArray(g, "warnings", project.warnings());
            g.writeArrayFieldStart("sanity_warnings");
            for (SanityWarning w : Sanity.of(project, r)) {
                g.writeStartObject();
                g.writeStringField("kind", w.kind().id());
                if (!w.effect().isEmpty()) {
                    g.writeStringField("effect", w.effect());
                }
                stringArray(g, "studies", w.studies());
                g.writeStringField("message", w.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** The generator of results.json: indented by two spaces, numbers cleaned, {@code out} left open. */
    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = Decimals.cleaning(JSON.createGenerator(out));
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
        return g;
    }

    private static void findingsArray(JsonGenerator g, List<Finding> findings) throws IOException {
        g.writeArrayFieldStart("findings");
        for (Finding f : findings) {
            finding(g, f);
        }
        g.writeEndArray();
    }

    /**
     * The bytes the document's generator writes for the "findings" field when it follows another field
     * of the top-level object, from the separator (",\n  ") to the closing bracket: written by a second
     * generator inside a top-level object after a first field, cut out after it.
     */
    private static Chunks findingsField(List<Finding> findings) {
        Chunks bytes = new Chunks();
        try (JsonGenerator g = generator(bytes)) {
            g.writeStartObject();
            g.writeNullField("before");
            g.flush();
            bytes.reset();
            findingsArray(g, findings);
            g.flush();
            bytes.freeze();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    private static Chunks join(CompletableFuture<Chunks> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Bytes held in 1 MiB blocks (a large "findings" array is tens of MB: no doubling copies). */
    private static final class Chunks extends OutputStream {
        private static final int BLOCK = 1 << 20;
        private final List<byte[]> full = new ArrayList<>();
        private byte[] cur = new byte[BLOCK];
        private int pos;
        private boolean frozen;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (frozen) {
                return; // what the generator writes on closing, after the cut
            }
            while (len > 0) {
                if (pos == BLOCK) {
                    full.add(cur);
                    cur = new byte[BLOCK];
                    pos = 0;
                }
                int n = Math.min(len, BLOCK - pos);
                System.arraycopy(b, off, cur, pos, n);
                pos += n;
                off += n;
                len -= n;
            }
        }

        /** Forgets what was written so far. */
        void reset() {
            full.clear();
            pos = 0;
        }

        /** Keeps what was written so far, ignoring anything after. */
        void freeze() {
            frozen = true;
        }

        void writeTo(OutputStream out) throws IOException {
            for (byte[] b : full) {
                out.write(b);
            }
            out.write(cur, 0, pos);
        }
    }

    private static void mappings(JsonGenerator g, List<ConceptMapping> ms) throws IOException {
        g.writeArrayFieldStart("concepts");
        for (ConceptMapping m : ms) {
            g.writeStartObject();
            g.writeStringField("decision", m.decision().id());
            stringArray(g, "concepts", m.concepts());
            if (m.into() != null) {
                g.writeStringField("into", m.into());
            }
            g.writeStringField("reason", m.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void studies(JsonGenerator g, List<StudyResult> studies) throws IOException {
        g.writeArrayFieldStart("studies");
        for (StudyResult s : studies) {
            g.writeStartObject();
            g.writeStringField("id", s.study());
            g.writeStringField("type", s.type());
            if (s.beliefKnown()) {
                g.writeNumberField("belief", s.belief());
            } else {
                g.writeNullField("belief");
            }
            g.writeStringField("belief_source", s.explicit() ? "explicit" : s.beliefKnown() ? "computed" : "none");
            if (s.computed().isPresent()) {
                g.writeNumberField("computed_belief", s.computed().getAsDouble());
            }
            if (s.score().isPresent()) {
                Checklist.Score sc = s.score().get();
                g.writeNumberField("quality", sc.quality());
                g.writeObjectFieldStart("quality_per_question");
                for (Map.Entry<String, Double> q : sc.perQuestion().entrySet()) {
                    if (q.getValue().isNaN()) {
                        g.writeNullField(q.getKey());
                    } else {
                        g.writeNumberField(q.getKey(), q.getValue());
                    }
                }
                g.writeEndObject();
            }
            g.writeNumberField("evidence_models", s.evidenceModels());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void effect(JsonGenerator g, EffectResult e) throws IOException {
        g.writeStartObject();
        g.writeStringField("effect", e.effect().id());
        g.writeStringField("label", e.effect().label());
        g.writeStringField("family", e.effect().family());
        g.writeStringField("better", e.effect().direction().id());
        g.writeNumberField("findings", e.findings().size());
        g.writeNumberField("studies", e.studies());
        if (e.selection().isPresent() && e.combination().isPresent()) {
            Selection s = e.selection().get();
            Combination c = e.combination().get();
            JsonParts.codes(g, "hypothesis", s.set());
            g.writeStringField("intensity", s.label());
            g.writeNumberField("belief", s.belief());
            g.writeNumberField("plausibility", s.plausibility());
            g.writeArrayFieldStart("conflicts");
            for (double k : c.conflicts()) {
                g.writeNumber(k);
            }
            g.writeEndArray();
            g.writeNumberField("last_conflict", c.lastConflict());
            g.writeNumberField("mean_conflict", c.meanConflict());
            g.writeFieldName("masses");
            JsonParts.masses(g, c.result());
            Finding st = e.strongest().orElseThrow();
            g.writeObjectFieldStart("strongest");
            g.writeStringField("finding", st.key());
            JsonParts.codes(g, "hypothesis", st.intensity().mask());
            g.writeNumberField("mass", st.mass());
            g.writeEndObject();
            g.writeStringField("change", e.change().id());
        } else {
            g.writeNullField("hypothesis");
            g.writeStringField("change", e.change().id());
        }
        if (e.published().isPresent()) {
            PublishedResult p = e.published().get();
            g.writeObjectFieldStart("published");
            JsonParts.codes(g, "hypothesis", p.hypothesis());
            g.writeNumberField("belief", p.belief());
            if (p.findings().isPresent()) {
                g.writeNumberField("findings", p.findings().getAsInt());
            }
            g.writeStringField("source", p.source());
            if (e.selection().isPresent()) {
                Selection s = e.selection().get();
                g.writeBooleanField("same_hypothesis", s.set() == p.hypothesis());
                g.writeNumberField("belief_delta", s.belief() - p.belief());
                g.writeBooleanField("belief_matches_as_printed", Comparison.matchesAsPrinted(s.belief(), p.belief()));
            }
            g.writeEndObject();
        }
        g.writeArrayFieldStart("evidence");
        for (Finding f : e.findings()) {
            g.writeString(f.key());
        }
        g.writeEndArray();
        if (e.combination().isPresent()) {
            trace(g, e.combination().get(), e.selection().orElseThrow());
        }
        g.writeEndObject();
    }

    private static void trace(JsonGenerator g, Combination c, Selection s) throws IOException {
        g.writeObjectFieldStart("trace");
        g.writeStringField("rule", c.rule().id());
        if (c.average().isPresent()) {
            g.writeFieldName("average");
            JsonParts.masses(g, c.average().get());
        }
        g.writeArrayFieldStart("steps");
        for (CombinationStep st : c.steps()) {
            g.writeStartObject();
            g.writeNumberField("step", st.step());
            g.writeStringField("left", st.leftLabel());
            g.writeStringField("right", st.rightLabel());
            g.writeNumberField("conflict", st.conflict());
            g.writeFieldName("result");
            JsonParts.masses(g, st.result());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("selection");
        g.writeStringField("selector", s.selector().id());
        g.writeArrayFieldStart("candidates");
        for (Selection.Candidate cand : s.candidates()) {
            g.writeStartObject();
            JsonParts.codes(g, "set", cand.set());
            g.writeNumberField("belief", cand.belief());
            g.writeNumberField("mass", cand.mass());
            g.writeStringField("verdict", cand.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!s.path().isEmpty()) {
            g.writeArrayFieldStart("path");
            for (Selection.DescentStep d : s.path()) {
                g.writeStartObject();
                JsonParts.codes(g, "set", d.set());
                g.writeNumberField("belief", d.belief());
                g.writeBooleanField("accepted", d.accepted());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!s.note().isEmpty()) {
            g.writeStringField("note", s.note());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("study", f.study());
        g.writeStringField("evidence", f.evidence());
        g.writeStringField("label", f.label());
        g.writeStringField("effect", f.effect());
        if (!f.concept().equals(f.effect())) {
            g.writeStringField("concept", f.concept());
        }
        g.writeStringField("source", f.source());
        if (f.statistics().isPresent()) {
            SummaryStatistics s = f.statistics().get();
            if (s.n().isPresent()) {
                g.writeNumberField("n", s.n().getAsLong());
            }
            g.writeNumberField("mean", s.mean());
            optional(g, "std", s.std());
            optional(g, "q1", s.q1());
            optional(g, "q3", s.q3());
            g.writeNumberField("iqr", s.iqr());
        }
        if (f.derivation().isPresent()) {
            Derivation d = f.derivation().get();
            g.writeObjectFieldStart("derivation");
            g.writeStringField("design", d.design());
            for (Map.Entry<String, Double> v : d.values().entrySet()) {
                g.writeNumberField(v.getKey(), v.getValue());
            }
            stringArray(g, "notes", d.notes());
            g.writeEndObject();
        }
        JsonParts.codes(g, "intensity", f.intensity().mask());
        g.writeStringField("intensity_label", f.intensity().label());
        optional(g, "discount", f.discount());
        if (Double.isNaN(f.studyBelief())) {
            g.writeNullField("study_belief");
        } else {
            g.writeNumberField("study_belief", f.studyBelief());
        }
        g.writeNumberField("mass", f.mass());
        if (!f.recorded().isEmpty()) {
            g.writeObjectFieldStart("recorded");
            if (f.recorded().intensity().isPresent()) {
                Intensity ri = f.recorded().intensity().get();
                JsonParts.codes(g, "intensity", ri.mask());
            }
            optional(g, "discount", f.recorded().discount());
            optional(g, "mass", f.recorded().mass());
            g.writeBooleanField("matches", Comparison.findingMatches(f));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(name, v.getAsDouble());
        }
    }

    private static void stringArray(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
