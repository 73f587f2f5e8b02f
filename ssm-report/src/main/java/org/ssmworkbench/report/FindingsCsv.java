package org.ssmworkbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.results.Comparison;

/**
 * {@code findings.csv}: one row per finding in combination order, numbers in full precision (as
 * {@code results.csv}), empty cells for values a source did not give.
 */
final class FindingsCsv {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    /** The columns, in order. */
    static final List<String> COLUMNS = List.of("study", "evidence", "label", "effect", "concept", "source", "n",
            "mean", "std", "q1", "q3", "iqr", "intensity", "intensity_label", "discount", "study_belief", "mass",
            "recorded_intensity", "recorded_discount", "recorded_mass", "recorded_matches");

    private FindingsCsv() {
    }

    static byte[] write(SynthesisResult r) {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        COLUMNS.forEach(b::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (Finding f : r.findings()) {
            List<String> row = new ArrayList<>();
            row.add(f.study());
            row.add(f.evidence());
            row.add(f.label());
            row.add(f.effect());
            row.add(f.concept());
            row.add(f.source());
            if (f.statistics().isPresent()) {
                SummaryStatistics s = f.statistics().get();
                row.add(s.n().isPresent() ? Long.toString(s.n().getAsLong()) : "");
                row.add(Double.toString(s.mean()));
                row.add(opt(s.std()));
                row.add(opt(s.q1()));
                row.add(opt(s.q3()));
                row.add(Double.toString(s.iqr()));
            } else {
                for (int i = 0; i < 6; i++) {
                    row.add("");
                }
            }
            row.add(f.intensity().code());
            row.add(f.intensity().label());
            row.add(opt(f.discount()));
            row.add(Double.isNaN(f.studyBelief()) ? "" : Double.toString(f.studyBelief()));
            row.add(Double.toString(f.mass()));
            var rec = f.recorded();
            row.add(rec.intensity().map(i -> i.code()).orElse(""));
            row.add(opt(rec.discount()));
            row.add(opt(rec.mass()));
            row.add(rec.isEmpty() ? "" : Boolean.toString(Comparison.findingMatches(f)));
            rows.add(row);
        }
        try {
            return CSV.writer(b.build()).writeValueAsString(rows).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSV writing failed", e);
        }
    }

    private static String opt(OptionalDouble v) {
        return v.isPresent() ? Double.toString(v.getAsDouble()) : "";
    }
}
