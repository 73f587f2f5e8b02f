package org.ssmworkbench.io.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.DiscountPolicy;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.QualityBands;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.core.synthesis.SpreadPolicy;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.ingest.Derivations;

/**
 * The one writer of a {@link Provenance} in the JSON outputs (results.json, sensitivity.json): the
 * {@code provenance} object (tool, format, Java runtime, every input with SHA-256 and size, the logs
 * behind ingested tables) and the {@code policies} object (every policy), and the reader that takes
 * them back, so that a result can be re-run from what it records (decision 39).
 */
public final class ProvenanceJson {

    private ProvenanceJson() {
    }

    /**
     * Writes the field {@code provenance}.
     *
     * @param format the output's format id, e.g. "ssm-workbench/results/1"
     * @param dir    the project folder, where the derivation records of ingested tables are looked up
     */
    public static void write(JsonGenerator g, Provenance p, String format, Path dir) throws IOException {
        g.writeObjectFieldStart("provenance");
        g.writeStringField("tool", p.tool());
        g.writeStringField("format", format);
        g.writeObjectFieldStart("jvm");
        g.writeStringField("version", p.jvm().version());
        g.writeStringField("vendor", p.jvm().vendor());
        g.writeEndObject();
        if (p.trace().isPresent()) {
            g.writeStringField("results_sha256", p.trace().get());
        }
        g.writeArrayFieldStart("inputs");
        for (Provenance.Input f : p.inputs()) {
            g.writeStartObject();
            g.writeStringField("path", f.path());
            g.writeStringField("sha256", f.sha256());
            g.writeNumberField("bytes", f.bytes());
            g.writeEndObject();
        }
        g.writeEndArray();
        // tables `ssm ingest` derived from logs: the logs, units and exclusions behind them
        var links = Derivations.find(dir, p.inputs().stream().map(f -> new String[] {f.path(), f.sha256()}).toList());
        if (!links.isEmpty()) {
            g.writeFieldName("derivations");
            Derivations.write(g, links);
        }
        g.writeEndObject();
    }

    /**
     * Writes the field {@code policies}: every policy. The spread policy is written when it is not the
     * standard one or when a finding used it; the default cut table of standardized effects when a finding
     * used it and the project declares none.
     *
     * @param r the result these policies gave (which of its findings used a design or the standardized table)
     */
    public static void policies(JsonGenerator g, Provenance prov, SynthesisResult r) throws IOException {
        boolean usesDesigns = r.findings().stream().anyMatch(f -> f.derivation().isPresent());
        boolean usesStandardized = r.findings().stream()
                .anyMatch(f -> f.derivation().map(d -> d.design().equals("effect-size")).orElse(false));
        Policies p = prov.policies();
        g.writeObjectFieldStart("policies");
        g.writeStringField("rule", p.rule().id());
        g.writeStringField("selector", p.selector().id());
        g.writeStringField("assignment", p.assignment().id());
        g.writeStringField("quantiles", p.quantiles().id());
        if (prov.zeroBaseline().isPresent()) {
            g.writeNumberField("zero_baseline", prov.zeroBaseline().get());
        } else {
            g.writeStringField("zero_baseline", "reject");
        }
        g.writeObjectFieldStart("discount");
        g.writeNumberField("factor", p.discount().factor());
        g.writeNumberField("decimals", p.discount().decimals());
        g.writeNumberField("mass_decimals", p.discount().massDecimals());
        g.writeEndObject();
        g.writeObjectFieldStart("cut_points");
        for (Map.Entry<String, CutPoints> c : p.cutPoints().entrySet()) {
            g.writeArrayFieldStart(c.getKey());
            for (double v : c.getValue().cuts()) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        if (!p.spread().isStandard() || usesDesigns) {
            g.writeObjectFieldStart("spread");
            g.writeNumberField("sd_to_iqr", p.spread().sdToIqr());
            g.writeStringField("basis", p.spread().basis().id());
            g.writeEndObject();
        }
        if (usesStandardized && !p.cutPoints().containsKey(CutPoints.STANDARDIZED)) {
            g.writeArrayFieldStart(CutPoints.STANDARDIZED + "_cut_points");
            for (double v : p.standardizedCuts().cuts()) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        }
        g.writeObjectFieldStart("quality_bands");
        for (Map.Entry<String, QualityBands.Band> b : p.bands().bands().entrySet()) {
            g.writeArrayFieldStart(b.getKey());
            g.writeNumber(b.getValue().lower());
            g.writeNumber(b.getValue().upper());
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * The provenance a JSON output records ({@code provenance} and {@code policies} of a document this
     * class wrote), e.g. to re-run its synthesis.
     *
     * @throws IllegalArgumentException if the document lacks a field this class writes, or holds an
     *                                  unknown policy id
     */
    public static Provenance read(JsonNode doc) {
        JsonNode prov = required(doc, "provenance");
        List<Provenance.Input> inputs = new ArrayList<>();
        for (JsonNode in : required(prov, "inputs")) {
            inputs.add(new Provenance.Input(required(in, "path").asText(), required(in, "sha256").asText(),
                    required(in, "bytes").asLong()));
        }
        JsonNode jvm = required(prov, "jvm");
        JsonNode pol = required(doc, "policies");
        Map<String, CutPoints> cuts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = required(pol, "cut_points").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> c = it.next();
            cuts.put(c.getKey(), new CutPoints(c.getKey(), doubles(c.getValue())));
        }
        Map<String, QualityBands.Band> bands = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = required(pol, "quality_bands").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> b = it.next();
            bands.put(b.getKey(), new QualityBands.Band(b.getValue().get(0).asDouble(), b.getValue().get(1).asDouble()));
        }
        JsonNode d = required(pol, "discount");
        SpreadPolicy spread = SpreadPolicy.standard();
        if (pol.has("spread")) {
            spread = new SpreadPolicy(required(pol.get("spread"), "sd_to_iqr").asDouble(),
                    SpreadPolicy.Basis.byId(required(pol.get("spread"), "basis").asText()));
        }
        Policies p = new Policies(CombinationRule.byId(required(pol, "rule").asText()),
                ResultSelector.byId(required(pol, "selector").asText()),
                MassAssignment.byId(required(pol, "assignment").asText()),
                QuantileMethod.byId(required(pol, "quantiles").asText()),
                new DiscountPolicy(required(d, "factor").asDouble(), required(d, "decimals").asInt(),
                        required(d, "mass_decimals").asInt()),
                cuts, new QualityBands(bands), spread);
        JsonNode zero = required(pol, "zero_baseline");
        Optional<Double> zeroBaseline = zero.isNumber() ? Optional.of(zero.asDouble()) : Optional.empty();
        Optional<String> trace = prov.has("results_sha256") ? Optional.of(prov.get("results_sha256").asText())
                : Optional.empty();
        return new Provenance(required(prov, "tool").asText(), new Provenance.Jvm(required(jvm, "version").asText(),
                required(jvm, "vendor").asText()), inputs, p, zeroBaseline, trace);
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("no '" + field + "' in the provenance");
        }
        return v;
    }
}
