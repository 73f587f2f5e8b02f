package org.ssmworkbench.io.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.PublishedResult;
import org.ssmworkbench.core.synthesis.SynthesisResult;

/** Writes {@code results.csv}: one row per effect, full-precision numbers, a header row. */
public final class ResultsCsv {

    /** Quotes only values that need it (a comma, a quote, a line break), not long ones. */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("effect", "findings", "studies", "hypothesis", "intensity",
            "belief", "plausibility", "last_conflict", "mean_conflict", "change", "strongest_finding",
            "strongest_mass", "published_hypothesis", "published_belief", "belief_delta");

    private ResultsCsv() {
    }

    /** The CSV document as UTF-8 bytes. */
    public static byte[] write(SynthesisResult r) {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        COLUMNS.forEach(b::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (EffectResult e : r.effects()) {
            List<String> row = new ArrayList<>();
            row.add(e.effect().id());
            row.add(Integer.toString(e.findings().size()));
            row.add(Integer.toString(e.studies()));
            if (e.selection().isPresent()) {
                Selection s = e.selection().get();
                var c = e.combination().orElseThrow();
                row.add(s.code());
                row.add(s.label());
                row.add(Decimals.text(s.belief()));
                row.add(Decimals.text(s.plausibility()));
                row.add(Decimals.text(c.lastConflict()));
                row.add(Decimals.text(c.meanConflict()));
                row.add(e.change().id());
                row.add(e.strongest().orElseThrow().key());
                row.add(Decimals.text(e.strongest().orElseThrow().mass()));
            } else {
                for (int i = 0; i < 7; i++) {
                    row.add("");
                }
                row.add(e.change().id());
                row.add("");
                row.add("");
            }
            if (e.published().isPresent()) {
                PublishedResult p = e.published().get();
                row.add(org.ssmworkbench.core.ssm.SsmScale.FRAME.format(p.hypothesis()));
                row.add(Decimals.text(p.belief()));
                row.add(e.selection().map(s -> Decimals.text(s.belief() - p.belief())).orElse(""));
            } else {
                row.add("");
                row.add("");
                row.add("");
            }
            rows.add(row);
        }
        try {
            return CSV.writer(b.build()).writeValueAsString(rows).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSV writing failed", e);
        }
    }
}
