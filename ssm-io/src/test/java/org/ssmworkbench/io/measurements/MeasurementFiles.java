package org.ssmworkbench.io.measurements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.ssmworkbench.core.synthesis.Direction;

/** Writes measurement files for tests: CSV by hand, Parquet by DuckDB from a CSV. */
final class MeasurementFiles {

    private MeasurementFiles() {
    }

    /** One row; effect or evidence null: the column is left out of the file. */
    record Row(String evidence, String effect, double baseline, double treated) {
        static Row of(double baseline, double treated) {
            return new Row(null, null, baseline, treated);
        }
    }

    /** Writes rows as a CSV with a header; columns effect/evidence only when the first row has them. */
    static Path csv(Path file, List<Row> rows) {
        boolean ev = !rows.isEmpty() && rows.get(0).evidence() != null;
        boolean ef = !rows.isEmpty() && rows.get(0).effect() != null;
        List<String> lines = new ArrayList<>();
        lines.add((ev ? "evidence," : "") + (ef ? "effect," : "") + "baseline,treated");
        for (Row r : rows) {
            lines.add((ev ? r.evidence() + "," : "") + (ef ? r.effect() + "," : "") + Double.toString(r.baseline())
                    + "," + Double.toString(r.treated()));
        }
        return text(file, String.join("\n", lines) + "\n");
    }

    /** Writes rows in the given format to DIR/NAME.csv or DIR/NAME.parquet. */
    static Path write(MeasurementFormat format, Path dir, String name, List<Row> rows) {
        return format == MeasurementFormat.CSV ? csv(dir.resolve(name + ".csv"), rows)
                : parquet(dir.resolve(name + ".parquet"), rows);
    }

    /** Writes text as is. */
    static Path text(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes rows as Parquet (through a CSV that DuckDB reads with exact DOUBLE columns). */
    static Path parquet(Path file, List<Row> rows) {
        Path csv = file.resolveSibling(file.getFileName() + ".src.csv");
        csv(csv, rows);
        boolean ev = !rows.isEmpty() && rows.get(0).evidence() != null;
        boolean ef = !rows.isEmpty() && rows.get(0).effect() != null;
        String types = "{'baseline': 'DOUBLE', 'treated': 'DOUBLE'" + (ev ? ", 'evidence': 'VARCHAR'" : "")
                + (ef ? ", 'effect': 'VARCHAR'" : "") + "}";
        sql("COPY (SELECT * FROM read_csv(" + quote(csv) + ", header = true, types = " + types + ")) TO "
                + quote(file) + " (FORMAT parquet)");
        try {
            Files.delete(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Runs statements on a fresh in-memory DuckDB (to write test files with COPY). */
    static void sql(String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** RI of each row by the core's reference, with an optional zero-baseline substitute. */
    static double[] relativeImprovements(List<Row> rows, Direction direction, Double zeroBaseline) {
        double[] ri = new double[rows.size()];
        for (int i = 0; i < ri.length; i++) {
            Row r = rows.get(i);
            double b = r.baseline() == 0.0 && zeroBaseline != null ? zeroBaseline : r.baseline();
            ri[i] = direction.relativeImprovement(b, r.treated());
        }
        return ri;
    }
}
