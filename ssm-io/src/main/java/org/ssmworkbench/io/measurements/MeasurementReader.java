package org.ssmworkbench.io.measurements;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.io.text.NearMiss;

/**
 * Summarizes raw measurement files (docs/formats/project.md, "Raw measurement files"; docs/method.md section 3)
 * inside DuckDB, so that files of many millions of rows stream through an in-memory DuckDB database
 * and never through the Java heap.
 *
 * <p>A file is a CSV file (comma-separated, header on the first line; quoting and line ends are
 * detected) or a Parquet file, chosen by extension, with numeric columns
 * {@code baseline} and {@code treated} and optional string columns {@code effect} and
 * {@code evidence}. Each row is one pair of runs; its relative improvement in percent is
 * {@code (treated − baseline) / baseline × 100} when higher is better and
 * {@code (baseline − treated) / baseline × 100} when lower is better (exactly as
 * {@link Direction#relativeImprovement}). The selected rows summarize to n, mean, sample standard
 * deviation (n − 1; none for one row), Q1, Q3 and IQR = Q3 − Q1, with quartiles exactly as
 * {@link QuantileMethod#quantile}, to the last bit. No group's values are sorted or held as a list:
 * the aggregate selects a few order statistics per group with DuckDB's {@code quantile_disc} at exact
 * decimal levels (a selection, not a sort), and {@link OrderStatistics} finishes each quartile with the
 * core's own arithmetic. For some group sizes ("nearest": n ≡ 7 (mod 8); "linear": n ≡ 2 or 3 (mod 4))
 * a quartile needs the element right above or below a selected one; a second scan of the file finds it
 * for those groups only (decision 0049). DuckDB's {@code quantile_cont} is not used: it evaluates
 * {@code v[lo]·(1 − frac) + v[hi]·frac}, which differs from the core's {@code v[lo] + (v[hi] − v[lo])·frac}
 * in the last bit for about one quartile in ten.
 *
 * <p>DuckDB's memory is bounded ({@code memory_limit}, decision 0050) and anything it spills goes to a
 * folder of its own under the system's temporary folder, removed when the query is done.
 *
 * <p>The main path is one aggregate scan of the file, with no row numbers. Only when that scan shows a
 * bad row (or DuckDB cannot convert a value) does a second, slower scan number the rows
 * ({@code row_number() OVER ()} over the CSV scan, which keeps file order; {@code file_row_number}
 * for Parquet) to name the first bad row and column in a {@link MeasurementException}. Faults:
 * a missing file, a missing {@code baseline} or {@code treated} column, a value that is not a number
 * (in any row), and, in the selected rows, an empty value, NaN or an infinite value, a zero baseline
 * without a substitute, or an RI that overflows. Selecting no rows is also an error.
 *
 * <p>Every call opens and closes its own in-memory DuckDB database ({@code jdbc:duckdb:}); the class
 * is stateless and thread safe.
 */
public final class MeasurementReader {

    /** Required column: the metric of the baseline run. */
    public static final String BASELINE = "baseline";
    /** Required column: the metric of the treated (quantized) run. */
    public static final String TREATED = "treated";
    /** Optional column: the effect id. */
    public static final String EFFECT = "effect";
    /** Optional column: the evidence-model id. */
    public static final String EVIDENCE = "evidence";

    private static final Pattern GLOB = Pattern.compile("[*?\\[\\]{}]");
    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "(U?TINYINT|U?SMALLINT|U?INTEGER|U?BIGINT|U?HUGEINT|FLOAT|DOUBLE|DECIMAL(\\(.*\\))?|VARCHAR)");
    private static final int LISTED_IDS = 20;
    private static final String TEMP_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"),
            "ssm-duckdb-" + ProcessHandle.current().pid()).toString();
    /**
     * DuckDB's memory limit per database: scan buffers, hash tables and what spills to TEMP_DIRECTORY
     * beyond it. The order statistics of the quartiles (8 bytes per selected row) are held outside it.
     */
    static final String MEMORY_LIMIT = "512MB";
    /** CSV dialect: comma-separated, header on the first line (DuckDB still detects quoting and line ends). */
    private static final String CSV_OPTIONS = ", header = true, delim = ',', skip = 0";

    private MeasurementReader() {
    }

    /**
     * Summarizes the rows a request selects.
     *
     * @throws MeasurementException if the file cannot be read, lacks a column, holds a bad value in a
     *                              selected row (or a non-number in any row), or no row is selected
     */
    public static MeasurementSummary summarize(MeasurementRequest request) {
        Path file = request.file();
        MeasurementFormat format = checkFile(file);
        try (Connection c = connect(file)) {
            Columns cols = columns(c, file, format, request.columns());
            Selection sel = Selection.of(cols, request.effect(), request.evidence(), request.direction());
            Query q = new Query(file, format, cols, sel, request.quantiles(), request.zeroBaseline(), false);
            List<GroupRow> rows = q.run(c);
            GroupRow g = rows.isEmpty() ? null : rows.get(0);
            if (g == null || g.rows == 0) {
                throw noRows(c, file, format, cols, request.effect(), request.evidence());
            }
            return g.summary(file);
        } catch (SQLException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * Summarizes one evidence model's rows for one effect: {@link #summarize} reduced to the
     * statistics. Fits {@code org.ssmworkbench.io.project.MeasurementSummarizer}.
     *
     * @param effect         rows whose {@code effect} column equals this (when the column exists and this
     *                       is not null)
     * @param evidence       rows whose {@code evidence} column equals this (when the column exists and
     *                       this is not null)
     * @param zeroSubstitute value substituted for a zero baseline, or null to reject such rows
     * @throws MeasurementException as {@link #summarize}
     * @throws IllegalArgumentException if the substitute is zero or not finite
     */
    public static SummaryStatistics summarizeOne(Path file, String effect, String evidence, Direction direction,
            QuantileMethod quantiles, Double zeroSubstitute) {
        return summarize(new MeasurementRequest(file, effect, evidence, direction, quantiles, zeroSubstitute))
                .stats();
    }

    /**
     * {@link #summarizeOne(Path, String, String, Direction, QuantileMethod, Double)} on a file whose columns
     * are mapped and partly ignored.
     *
     * @throws MeasurementException as {@link #summarize}
     */
    public static SummaryStatistics summarizeOne(Path file, MeasurementColumns columns, String effect,
            String evidence, Direction direction, QuantileMethod quantiles, Double zeroSubstitute) {
        return summarize(new MeasurementRequest(file, effect, evidence, direction, quantiles, zeroSubstitute,
                columns)).stats();
    }

    /**
     * Summarizes every (evidence, effect) group of a file in one scan, all with the same direction.
     * Columns the file lacks give null in the group key; a file with neither column gives one group.
     *
     * @param zeroBaseline value substituted for a zero baseline, or null to reject such rows
     * @return the groups in ascending order of evidence, then effect; empty if the file has no rows
     * @throws MeasurementException if the file cannot be read, lacks a column or holds a bad value
     */
    public static Map<MeasurementGroup, MeasurementSummary> summarizeAll(Path file, Direction direction,
            QuantileMethod quantiles, Double zeroBaseline) {
        Objects.requireNonNull(direction, "direction");
        return summarizeAll(file, null, direction, quantiles, zeroBaseline);
    }

    /**
     * Summarizes every (evidence, effect) group of a file in one scan, each effect with its own
     * direction. Only rows whose effect is a key of {@code directions} are read (and checked).
     *
     * @param directions   effect id → direction; the file must have an {@code effect} column
     * @param zeroBaseline value substituted for a zero baseline, or null to reject such rows
     * @return the groups in ascending order of evidence, then effect; empty if no row has one of the
     *         effects
     * @throws MeasurementException if the file cannot be read, lacks a column (including
     *                              {@code effect}) or holds a bad value
     */
    public static Map<MeasurementGroup, MeasurementSummary> summarizeAll(Path file, Map<String, Direction> directions,
            QuantileMethod quantiles, Double zeroBaseline) {
        Objects.requireNonNull(directions, "directions");
        if (directions.isEmpty()) {
            throw new IllegalArgumentException("no effects given");
        }
        return summarizeAll(file, directions, null, quantiles, zeroBaseline);
    }

    private static Map<MeasurementGroup, MeasurementSummary> summarizeAll(Path file, Map<String, Direction> directions,
            Direction direction, QuantileMethod quantiles, Double zeroBaseline) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(quantiles, "quantiles");
        MeasurementRequest.checkSubstitute(zeroBaseline);
        MeasurementFormat format = checkFile(file);
        try (Connection c = connect(file)) {
            Columns cols = columns(c, file, format, MeasurementColumns.standard());
            Selection sel;
            if (directions != null) {
                if (!cols.effect) {
                    throw new MeasurementException(file, 0, EFFECT,
                            "the column is missing, so rows cannot be told apart by effect (the file has columns: "
                                    + String.join(", ", cols.names) + ")");
                }
                sel = Selection.ofEffects(cols, directions);
            } else {
                sel = Selection.of(cols, null, null, direction);
            }
            Query q = new Query(file, format, cols, sel, quantiles, zeroBaseline, true);
            Map<MeasurementGroup, MeasurementSummary> out = new LinkedHashMap<>();
            for (GroupRow g : q.run(c)) {
                out.put(new MeasurementGroup(g.evidence, g.effect), g.summary(file));
            }
            return Collections.unmodifiableMap(out);
        } catch (SQLException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * Summarizes a file of two independent groups in wide form: the baseline column holds the values
     * of the baseline group, the treated column those of the treated group, row by row but not paired
     * (a group may be shorter: its other cells are empty). Rows are selected by effect and evidence
     * as for paired runs.
     *
     * @return the baseline group, then the treated group (n, mean, SD)
     * @throws MeasurementException naming the file, row and column of a value that is not a finite
     *                              number, or a group with fewer than two values
     */
    public static org.ssmworkbench.core.synthesis.GroupSummary[] summarizeGroups(Path file, MeasurementColumns columns,
            String effect, String evidence) {
        MeasurementFormat format = checkFile(file);
        if (columns.form() == MeasurementColumns.Form.LONG) {
            return summarizeLongGroups(file, format, columns, effect, evidence);
        }
        try (Connection c = connect(file)) {
            Columns cols = columns(c, file, format, columns);
            Sql sql = rowsAsText(file, format, cols, cols.b(), cols.t(), effect, evidence);
            List<Double> bs = new ArrayList<>();
            List<Double> ts = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long row = rs.getLong(1);
                    groupValue(file, row, columns.baseline(), rs.getString(2), rs, 4, bs);
                    groupValue(file, row, columns.treated(), rs.getString(3), rs, 5, ts);
                }
            }
            return new org.ssmworkbench.core.synthesis.GroupSummary[] {group(file, columns.baseline(), bs),
                group(file, columns.treated(), ts)};
        } catch (SQLException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * The long form: one row per subject or run, its group in the group column (exactly one of the two
     * levels) and its measurement in the value column (never empty).
     */
    private static org.ssmworkbench.core.synthesis.GroupSummary[] summarizeLongGroups(Path file,
            MeasurementFormat format, MeasurementColumns columns, String effect, String evidence) {
        MeasurementColumns.Levels levels = columns.levels();
        try (Connection c = connect(file)) {
            Columns cols = columns(c, file, format, columns);
            Sql sql = rowsAsText(file, format, cols, ident(columns.group()), ident(columns.value()), effect, evidence);
            List<Double> bs = new ArrayList<>();
            List<Double> ts = new ArrayList<>();
            List<String> both = List.of(levels.baseline(), levels.treated());
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long row = rs.getLong(1);
                    String g = rs.getString(2);
                    List<Double> into;
                    if (levels.baseline().equals(g)) {
                        into = bs;
                    } else if (levels.treated().equals(g)) {
                        into = ts;
                    } else {
                        String shown = g == null ? "an empty cell" : "'" + g + "'";
                        throw new MeasurementException(file, row, columns.group(), shown + " is neither group"
                                + (g == null ? "" : NearMiss.hint(g, both)) + " (baseline: '" + levels.baseline()
                                + "', treated: '" + levels.treated() + "'; values are compared exactly)");
                    }
                    String text = rs.getString(3);
                    if (text == null || text.isBlank()) {
                        throw new MeasurementException(file, row, columns.value(), "the value is empty; in the long"
                                + " form every row is one measurement (remove the row if there is none)");
                    }
                    groupValue(file, row, columns.value(), text, rs, 5, into);
                }
            }
            return new org.ssmworkbench.core.synthesis.GroupSummary[] {
                group(file, columns.group() + " = " + levels.baseline(), bs),
                group(file, columns.group() + " = " + levels.treated(), ts)};
        } catch (SQLException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * The selected rows of a file in file order, each as its row number, the text of two columns and
     * those texts as doubles (null where not a number): {@code row_no, first, second, first_d, second_d}.
     * Rows are selected by effect and evidence as for paired runs (a filter only where the file has
     * the column).
     */
    private static Sql rowsAsText(Path file, MeasurementFormat format, Columns cols, String first, String second,
            String effect, String evidence) {
        Sql sql = new Sql().add("SELECT row_no, a, b, TRY_CAST(a AS DOUBLE), TRY_CAST(b AS DOUBLE) FROM (SELECT ");
        numbered(sql, file, format, "CAST(" + first + " AS VARCHAR) AS a, CAST(" + second + " AS VARCHAR) AS b"
                + (cols.effect ? ", CAST(" + cols.e() + " AS VARCHAR) AS k_effect" : "")
                + (cols.evidence ? ", CAST(" + cols.v() + " AS VARCHAR) AS k_evidence" : ""));
        sql.add(") WHERE TRUE");
        if (cols.effect && effect != null) {
            sql.add(" AND k_effect = ").param(effect);
        }
        if (cols.evidence && evidence != null) {
            sql.add(" AND k_evidence = ").param(evidence);
        }
        return sql.add(" ORDER BY row_no");
    }

    private static void groupValue(Path file, long row, String column, String text, ResultSet rs, int index,
            List<Double> into) throws SQLException {
        if (text == null || text.isBlank()) {
            return; // a shorter group
        }
        double v = rs.getDouble(index);
        if (rs.wasNull()) {
            String hint = text.strip().matches("[-+]?[0-9]+,[0-9]+")
                    ? " (decimal commas are not read: use '.' as the decimal mark)" : "";
            throw new MeasurementException(file, row, column, "'" + text + "' is not a number" + hint);
        }
        if (!Double.isFinite(v)) {
            throw new MeasurementException(file, row, column, text + " is not a finite number");
        }
        into.add(v);
    }

    private static org.ssmworkbench.core.synthesis.GroupSummary group(Path file, String column, List<Double> values) {
        if (values.size() < 2) {
            throw new MeasurementException(file, 0, column, "the group has " + values.size()
                    + (values.size() == 1 ? " value" : " values") + " among the selected rows; at least 2 are needed"
                    + " for its standard deviation");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        SummaryStatistics s = SummaryStatistics.ofSamples(v, QuantileMethod.NEAREST);
        return org.ssmworkbench.core.synthesis.GroupSummary.ofMean(v.length, s.mean(), s.std().getAsDouble());
    }

    /**
     * Checks that every row of a file is read by exactly one of the findings that use it: a file without
     * an effect (evidence) column may serve findings of one effect (evidence model) only, two findings
     * may not select the same rows, and every row's effect and evidence values must be selected by a
     * finding. Values are compared exactly (no case folding); a near miss is named.
     *
     * @throws MeasurementException naming the file, the first row at fault, its column and value
     */
    public static void checkRows(Path file, MeasurementColumns columns, List<MeasurementUse> uses) {
        MeasurementFormat format = checkFile(file);
        try (Connection c = connect(file)) {
            Columns cols = columns(c, file, format, columns);
            Map<String, String> keys = new LinkedHashMap<>();
            Set<String> effects = new TreeSet<>();
            Set<String> evidences = new TreeSet<>();
            for (MeasurementUse u : uses) {
                effects.add(u.effect());
                evidences.add(u.evidence());
            }
            if (!cols.effect && effects.size() > 1) {
                throw new MeasurementException(file, 0, columns.effect(), "the file has no such column, so every row"
                        + " would be read by each of the findings of effects " + quoted(effects) + " and pooled; add"
                        + " the column, or map the file's effect column under 'columns'" + columnsHint(cols));
            }
            if (!cols.evidence && evidences.size() > 1) {
                throw new MeasurementException(file, 0, columns.evidence(), "the file has no such column, so every"
                        + " row would be read by each of the findings of evidence models " + quoted(evidences)
                        + " and pooled; add the column, or map the file's evidence column under 'columns'"
                        + columnsHint(cols));
            }
            for (MeasurementUse u : uses) {
                String key = (cols.effect ? u.effect() : "*") + "\u0000" + (cols.evidence ? u.evidence() : "*");
                String before = keys.putIfAbsent(key, u.finding());
                if (before != null) {
                    throw new MeasurementException(file, 0, null, "the same rows are read by two findings (" + before
                            + "; " + u.finding() + ")");
                }
            }
            if (!cols.effect && !cols.evidence) {
                return;
            }
            Sql sql = new Sql().add("SELECT ");
            sql.add(cols.effect ? "CAST(" + cols.e() + " AS VARCHAR)" : "NULL").add(" AS k_effect, ");
            sql.add(cols.evidence ? "CAST(" + cols.v() + " AS VARCHAR)" : "NULL").add(" AS k_evidence FROM ");
            from(sql, file, format);
            sql.add(" GROUP BY ALL ORDER BY 1 NULLS FIRST, 2 NULLS FIRST");
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String e = rs.getString(1);
                    String v = rs.getString(2);
                    if (!keys.containsKey((cols.effect ? e : "*") + "\u0000" + (cols.evidence ? v : "*"))) {
                        throw unusedRow(c, file, format, cols, e, v, effects, evidences, uses);
                    }
                }
            }
        } catch (SQLException e) {
            throw cannotRead(file, e);
        }
    }

    private static String columnsHint(Columns cols) {
        return " (the file has columns: " + String.join(", ", cols.names) + ")";
    }

    private static String quoted(Set<String> values) {
        List<String> q = new ArrayList<>();
        for (String v : values) {
            q.add("'" + v + "'");
        }
        return String.join(", ", q);
    }

    /**
     * Appends {@code <number> AS row_no, <columns> FROM <scan>}: every row of the file with its 1-based
     * number in file order (the CSV scan keeps file order, preserve_insertion_order, so row_number() is
     * the data row; Parquet gives file_row_number), CSV values as text.
     */
    private static void numbered(Sql sql, Path file, MeasurementFormat format, String columns) {
        if (format == MeasurementFormat.CSV) {
            sql.add("row_number() OVER () AS row_no, " + columns + " FROM read_csv(").param(path(file))
                    .add(CSV_OPTIONS + ", all_varchar = true)");
        } else {
            sql.add("file_row_number + 1 AS row_no, " + columns + " FROM read_parquet(").param(path(file))
                    .add(", file_row_number = true)");
        }
    }

    /** Appends the scan of the file, CSV values as text. */
    private static void from(Sql sql, Path file, MeasurementFormat format) {
        if (format == MeasurementFormat.CSV) {
            sql.add("read_csv(").param(path(file)).add(CSV_OPTIONS + ", all_varchar = true)");
        } else {
            sql.add("read_parquet(").param(path(file)).add(")");
        }
    }

    /** The error for rows no finding reads: the first such row, its column and value, a near miss. */
    private static MeasurementException unusedRow(Connection c, Path file, MeasurementFormat format, Columns cols,
            String effect, String evidence, Set<String> effects, Set<String> evidences, List<MeasurementUse> uses)
            throws SQLException {
        Sql sql = new Sql().add("SELECT row_no, count(*) OVER () AS n FROM (SELECT ");
        numbered(sql, file, format, "*");
        sql.add(") WHERE TRUE");
        if (cols.effect) {
            sql.add(" AND CAST(" + cols.e() + " AS VARCHAR) IS NOT DISTINCT FROM ").param(effect);
        }
        if (cols.evidence) {
            sql.add(" AND CAST(" + cols.v() + " AS VARCHAR) IS NOT DISTINCT FROM ").param(evidence);
        }
        sql.add(" ORDER BY row_no LIMIT 1");
        long row = 0;
        long same = 0;
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                row = rs.getLong(1);
                same = rs.getLong(2);
            }
        }
        String others = same > 1 ? "; " + same + " rows in all" : "";
        if (cols.effect && (effect == null || !effects.contains(effect))) {
            return new MeasurementException(file, row, cols.map.effect(), value(effect)
                    + " is not an effect any finding reads from this file" + (effect == null ? ""
                            : NearMiss.hint(effect, effects)) + " (findings read: " + quoted(effects) + others + ")");
        }
        if (cols.evidence && (evidence == null || !evidences.contains(evidence))) {
            return new MeasurementException(file, row, cols.map.evidence(), value(evidence)
                    + " is not an evidence model any finding reads from this file" + (evidence == null ? ""
                            : NearMiss.hint(evidence, evidences)) + " (findings read: " + quoted(evidences) + others
                    + ")");
        }
        return new MeasurementException(file, row, cols.map.effect(), "no finding reads effect '" + effect
                + "' of evidence model '" + evidence + "' from this file; give that evidence model the effect, or"
                + " remove the rows" + others);
    }

    private static String value(String v) {
        return v == null ? "the empty value" : "'" + v + "'";
    }

    // ---------------------------------------------------------------------------------------------
    // File and schema

    private static MeasurementFormat checkFile(Path file) {
        Objects.requireNonNull(file, "file");
        MeasurementFormat format = MeasurementFormat.of(file);
        if (!Files.exists(file)) {
            throw new MeasurementException(file, 0, null, "measurement file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new MeasurementException(file, 0, null, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new MeasurementException(file, 0, null, "the file cannot be read (permission denied)");
        }
        if (GLOB.matcher(file.toAbsolutePath().toString()).find()) {
            // DuckDB expands these as a glob pattern, which could read other files as well.
            throw new MeasurementException(file, 0, null,
                    "the path contains one of * ? [ ] { }, which DuckDB reads as a file pattern; rename the file"
                            + " or folder");
        }
        return format;
    }

    private static Connection connect(Path file) {
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                // An in-memory database spills to ./.tmp by default: keep the user's folders clean.
                s.execute("SET temp_directory = " + literal(TEMP_DIRECTORY));
                // DuckDB's buffer manager takes 80 % of the RAM by default; beyond this it spills (decision 0050).
                s.execute("SET memory_limit = " + literal(MEMORY_LIMIT));
            }
            return c;
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new MeasurementException(file, 0, null, "cannot start DuckDB: " + duckMessage(e), e);
        }
    }

    /** A SQL string literal (single quotes doubled). */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * The columns of the file, with the flags the queries need.
     *
     * @param names    the file's columns in order
     * @param types    column to DuckDB type
     * @param map      the role mapping
     * @param effect   whether the file has the effect column
     * @param evidence whether the file has the evidence column
     */
    private record Columns(List<String> names, Map<String, String> types, MeasurementColumns map, boolean effect,
            boolean evidence) {

        String b() {
            return ident(map.baseline());
        }

        String t() {
            return ident(map.treated());
        }

        String e() {
            return ident(map.effect());
        }

        String v() {
            return ident(map.evidence());
        }

        /** The file's name of a role's column. */
        String name(String role) {
            return map.roles().getOrDefault(role, role);
        }
    }

    /** A SQL identifier (double quotes doubled). */
    static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static Columns columns(Connection c, Path file, MeasurementFormat format, MeasurementColumns map) {
        Sql sql = new Sql().add("DESCRIBE SELECT * FROM ");
        if (format == MeasurementFormat.CSV) {
            sql.add("read_csv(").param(path(file)).add(CSV_OPTIONS + ")");
        } else {
            sql.add("read_parquet(").param(path(file)).add(")");
        }
        Map<String, String> types = new LinkedHashMap<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw cannotSniff(file, format, e);
        }
        List<String> names = List.copyOf(types.keySet());
        if (format == MeasurementFormat.CSV && names.size() == 1 && names.get(0).matches(".*[;\\t|].*")) {
            throw new MeasurementException(file, 0, null, "the header has one column '" + names.get(0)
                    + "': the file does not look comma-separated (semicolons, tabs or bars?). Measurement files are"
                    + " CSV with ',' between columns and '.' as the decimal mark; re-export the file that way");
        }
        List<String> required = map.form().required().stream().map(r -> map.roles().get(r)).toList();
        String expected = "expected columns: " + String.join(", ", required) + " and optionally "
                + map.effect() + ", " + map.evidence()
                + "; map other names under 'columns' or list columns the synthesis does not use under 'ignore'";
        for (String role : map.form().required()) {
            String name = map.roles().get(role);
            if (!types.containsKey(name)) {
                throw new MeasurementException(file, 0, name, "required column is missing"
                        + NearMiss.hint(name, names) + " (the file has columns: " + String.join(", ", names)
                        + "; " + expected + ")");
            }
            if (role.equals(MeasurementColumns.GROUP)) {
                continue; // group names are text or numbers alike
            }
            String type = types.get(name).toUpperCase(Locale.ROOT);
            if (!NUMERIC_TYPE.matcher(type).matches()) {
                throw new MeasurementException(file, 0, name, "the column has type " + type + "; expected numbers");
            }
        }
        for (String role : List.of(EFFECT, EVIDENCE)) {
            String name = map.roles().get(role);
            if (!name.equals(role) && !types.containsKey(name)) {
                throw new MeasurementException(file, 0, name, "the column mapped as " + role + " is missing"
                        + NearMiss.hint(name, names) + " (the file has columns: " + String.join(", ", names) + ")");
            }
        }
        for (String i : map.ignored()) {
            if (!types.containsKey(i)) {
                throw new MeasurementException(file, 0, i, "the column listed under ignore is not in the file"
                        + NearMiss.hint(i, names) + " (the file has columns: " + String.join(", ", names) + ")");
            }
        }
        List<String> known = map.known();
        for (String n : names) {
            if (!known.contains(n)) {
                throw new MeasurementException(file, 0, n, "the column is not used" + NearMiss.hint(n, known)
                        + "; " + expected);
            }
        }
        return new Columns(names, types, map, types.containsKey(map.effect()), types.containsKey(map.evidence()));
    }

    // ---------------------------------------------------------------------------------------------
    // Row selection and relative improvement

    /** Which rows are read and how their RI is computed. */
    private static final class Selection {
        private final String effect;
        private final String evidence;
        private final Set<String> effects;
        private final Direction direction;
        private final Set<String> higherEffects;

        private Selection(String effect, String evidence, Set<String> effects, Direction direction,
                Set<String> higherEffects) {
            this.effect = effect;
            this.evidence = evidence;
            this.effects = effects;
            this.direction = direction;
            this.higherEffects = higherEffects;
        }

        static Selection of(Columns cols, String effect, String evidence, Direction direction) {
            return new Selection(cols.effect ? effect : null, cols.evidence ? evidence : null, null, direction, null);
        }

        static Selection ofEffects(Columns cols, Map<String, Direction> directions) {
            Set<String> all = new TreeSet<>();
            Set<String> higher = new TreeSet<>();
            directions.forEach((k, v) -> {
                all.add(Objects.requireNonNull(k, "effect id"));
                if (Objects.requireNonNull(v, "direction") == Direction.HIGHER_IS_BETTER) {
                    higher.add(k);
                }
            });
            return new Selection(null, null, all, null, higher);
        }

        /** A boolean SQL expression over k_effect / k_evidence; NULL counts as not selected. */
        void predicate(Sql sql) {
            sql.add("(TRUE");
            if (effect != null) {
                sql.add(" AND k_effect = ").param(effect);
            }
            if (evidence != null) {
                sql.add(" AND k_evidence = ").param(evidence);
            }
            if (effects != null) {
                sql.add(" AND k_effect IN (");
                boolean first = true;
                for (String e : effects) {
                    sql.add(first ? "" : ", ").param(e);
                    first = false;
                }
                sql.add(")");
            }
            sql.add(")");
        }

        /** RI in percent from columns b, t (DOUBLE), NULL when b or t is not finite or b is a rejected 0. */
        void relativeImprovement(Sql sql, Double zeroBaseline) {
            sql.add("CASE WHEN isfinite(b) AND isfinite(t) THEN (");
            if (direction != null) {
                difference(sql, direction, zeroBaseline);
            } else if (higherEffects.isEmpty()) {
                difference(sql, Direction.LOWER_IS_BETTER, zeroBaseline);
            } else {
                sql.add("CASE WHEN k_effect IN (");
                boolean first = true;
                for (String e : higherEffects) {
                    sql.add(first ? "" : ", ").param(e);
                    first = false;
                }
                sql.add(") THEN ");
                difference(sql, Direction.HIGHER_IS_BETTER, zeroBaseline);
                sql.add(" ELSE ");
                difference(sql, Direction.LOWER_IS_BETTER, zeroBaseline);
                sql.add(" END");
            }
            sql.add(") / ");
            baseline(sql, zeroBaseline);
            sql.add(" * CAST(100.0 AS DOUBLE) END");
        }

        private static void difference(Sql sql, Direction d, Double zeroBaseline) {
            if (d == Direction.HIGHER_IS_BETTER) {
                sql.add("t - ");
                baseline(sql, zeroBaseline);
            } else {
                baseline(sql, zeroBaseline).add(" - t");
            }
        }

        private static Sql baseline(Sql sql, Double zeroBaseline) {
            if (zeroBaseline == null) {
                return sql.add("(CASE WHEN b <> 0 THEN b END)");
            }
            return sql.add("(CASE WHEN b = 0 THEN CAST(").param(zeroBaseline).add(" AS DOUBLE) ELSE b END)");
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (effect != null) {
                parts.add("effect '" + effect + "'");
            }
            if (evidence != null) {
                parts.add("evidence model '" + evidence + "'");
            }
            return String.join(" and ", parts);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The main aggregate

    /** One result row of the aggregate. */
    private record GroupRow(String evidence, String effect, long rows, long bad, long zeros, long n, Double mean,
            Double sd, Double q1, Double q3, boolean substitute) {

        GroupRow(String evidence, String effect, long rows, long bad, long zeros, long n, Double mean, Double sd,
                boolean substitute) {
            this(evidence, effect, rows, bad, zeros, n, mean, sd, null, null, substitute);
        }

        GroupRow withQuartiles(Double q1, Double q3) {
            return new GroupRow(evidence, effect, rows, bad, zeros, n, mean, sd, q1, q3, substitute);
        }

        MeasurementSummary summary(Path file) {
            OptionalDouble std = sd == null || n < 2 ? OptionalDouble.empty() : OptionalDouble.of(sd);
            SummaryStatistics stats = new SummaryStatistics(OptionalLong.of(n), mean, std, OptionalDouble.of(q1),
                    OptionalDouble.of(q3), q3 - q1);
            return new MeasurementSummary(stats, rows, substitute ? zeros : 0, MeasurementException.display(file));
        }
    }

    private static final class Query {
        private final Path file;
        private final MeasurementFormat format;
        private final Columns cols;
        private final Selection sel;
        private final QuantileMethod quantiles;
        private final Double zeroBaseline;
        private final boolean grouped;

        Query(Path file, MeasurementFormat format, Columns cols, Selection sel, QuantileMethod quantiles,
                Double zeroBaseline, boolean grouped) {
            this.file = file;
            this.format = format;
            this.cols = cols;
            this.sel = sel;
            this.quantiles = Objects.requireNonNull(quantiles, "quantiles");
            this.zeroBaseline = zeroBaseline;
            this.grouped = grouped;
        }

        private List<String> keys() {
            List<String> keys = new ArrayList<>();
            if (grouped && cols.evidence) {
                keys.add("k_evidence");
            }
            if (grouped && cols.effect) {
                keys.add("k_effect");
            }
            return keys;
        }

        private void keyColumns(Sql sql) {
            if (cols.effect) {
                sql.add("CAST(").add(cols.e()).add(" AS VARCHAR) AS k_effect, ");
            }
            if (cols.evidence) {
                sql.add("CAST(").add(cols.v()).add(" AS VARCHAR) AS k_evidence, ");
            }
        }

        /**
         * The selected rows with their keys, baseline and RI: {@code [k_evidence, k_effect,] b, ri} (the keys
         * the groups are formed by).
         */
        private void selectedRows(Sql sql, String keyList) {
            sql.add("SELECT ").add(keyList).add("b, ");
            sel.relativeImprovement(sql, zeroBaseline);
            sql.add(" AS ri FROM (SELECT ");
            keyColumns(sql);
            sql.add("CAST(").add(cols.b()).add(" AS DOUBLE) AS b, CAST(").add(cols.t()).add(" AS DOUBLE) AS t FROM ");
            if (format == MeasurementFormat.CSV) {
                sql.add("read_csv(").param(path(file)).add(CSV_OPTIONS + ", types = {" + literal(cols.map.baseline())
                        + ": 'DOUBLE', " + literal(cols.map.treated()) + ": 'DOUBLE'");
                if (cols.effect) {
                    sql.add(", " + literal(cols.map.effect()) + ": 'VARCHAR'");
                }
                if (cols.evidence) {
                    sql.add(", " + literal(cols.map.evidence()) + ": 'VARCHAR'");
                }
                sql.add("})");
            } else {
                sql.add("read_parquet(").param(path(file)).add(")");
            }
            sql.add(") WHERE ");
            sel.predicate(sql);
        }

        Sql aggregate() {
            List<String> keys = keys();
            String keyList = keys.isEmpty() ? "" : String.join(", ", keys) + ", ";
            Sql sql = new Sql();
            sql.add("SELECT ").add(keyList)
                    .add("count(*) AS n_rows, ")
                    .add("count(*) FILTER (WHERE ri IS NULL OR NOT isfinite(ri)) AS n_bad, ")
                    .add("count(*) FILTER (WHERE b = 0) AS n_zero, ")
                    .add("count(ri) AS n, avg(ri) AS mean, stddev_samp(ri) AS sd, max(ri) AS ri_max, ");
            // A few order statistics, selected without sorting (OrderStatistics, decision 0049). A NULL ri,
            // from a bad row, is skipped; such results are never used.
            sql.add("quantile_disc(ri, [").add(String.join(", ", OrderStatistics.levels(quantiles))).add("]) AS qs");
            sql.add(" FROM (");
            selectedRows(sql, keyList);
            sql.add(")");
            if (!keys.isEmpty()) {
                sql.add(" GROUP BY ").add(String.join(", ", keys));
                sql.add(" ORDER BY ").add(String.join(" NULLS FIRST, ", keys)).add(" NULLS FIRST");
            }
            return sql;
        }

        /**
         * The second scan, only for groups whose quartiles need an order statistic the aggregate did not
         * select: per request, the counts of the group's values below and up to the known value, the
         * largest value below it and the smallest above it.
         */
        Sql neighbours(List<GroupRow> groups, List<OrderStatistics.Request> requests) {
            List<String> keys = keys();
            String keyList = keys.isEmpty() ? "" : String.join(", ", keys) + ", ";
            Sql sql = new Sql();
            sql.add("SELECT q.id, count(*) FILTER (WHERE r.ri < q.x) AS below, ")
                    .add("count(*) FILTER (WHERE r.ri <= q.x) AS up_to, ")
                    .add("max(r.ri) FILTER (WHERE r.ri < q.x) AS prev, min(r.ri) FILTER (WHERE r.ri > q.x) AS next")
                    .add(" FROM (");
            selectedRows(sql, keyList);
            sql.add(") r JOIN (VALUES ");
            for (int i = 0; i < requests.size(); i++) {
                OrderStatistics.Request req = requests.get(i);
                GroupRow g = groups.get(req.group());
                sql.add(i == 0 ? "" : ", ").add("(").param(i).add(", CAST(").param(g.evidence)
                        .add(" AS VARCHAR), CAST(").param(g.effect).add(" AS VARCHAR), CAST(").param(req.value())
                        .add(" AS DOUBLE))");
            }
            sql.add(") q(id, k_evidence, k_effect, x) ON r.ri IS NOT NULL");
            for (String k : keys) {
                sql.add(" AND r." + k + " IS NOT DISTINCT FROM q." + k);
            }
            return sql.add(" GROUP BY q.id");
        }

        List<GroupRow> run(Connection c) {
            List<GroupRow> out = new ArrayList<>();
            List<OrderStatistics.Group> stats = new ArrayList<>();
            boolean anyBad = false;
            Sql sql = aggregate();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String evidence = grouped && cols.evidence ? rs.getString("k_evidence") : null;
                    String effect = grouped && cols.effect ? rs.getString("k_effect") : null;
                    GroupRow g = new GroupRow(evidence, effect, rs.getLong("n_rows"), rs.getLong("n_bad"),
                            rs.getLong("n_zero"), rs.getLong("n"), doubleOrNull(rs, "mean"), doubleOrNull(rs, "sd"),
                            zeroBaseline != null);
                    anyBad |= g.bad > 0;
                    out.add(g);
                    if (!anyBad) {
                        stats.add(new OrderStatistics.Group(out.size() - 1, g.n, quantiles, doubles(rs, "qs"),
                                doubleOrNull(rs, "ri_max")));
                    }
                }
            } catch (SQLException e) {
                throw diagnose(c, e);
            }
            if (anyBad) {
                throw diagnose(c, null);
            }
            List<OrderStatistics.Request> requests = new ArrayList<>();
            for (OrderStatistics.Group g : stats) {
                requests.addAll(g.plan());
            }
            if (!requests.isEmpty()) {
                Sql second = neighbours(out, requests);
                try (PreparedStatement ps = second.prepare(c); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        OrderStatistics.Request r = requests.get(rs.getInt("id"));
                        stats.get(r.group()).put(r, r.resolve(rs.getLong("below"), rs.getLong("up_to"),
                                doubleOrNull(rs, "prev"), doubleOrNull(rs, "next")));
                    }
                } catch (SQLException e) {
                    throw cannotRead(file, e);
                }
            }
            List<GroupRow> done = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                done.add(out.get(i).withQuartiles(stats.get(i).quartile(0.25), stats.get(i).quartile(0.75)));
            }
            return done;
        }

        // -----------------------------------------------------------------------------------------
        // Finding the first bad row (only after the aggregate saw one)

        Sql firstProblem() {
            Sql sql = new Sql();
            sql.add("SELECT row_no, problem, bs, ts, count(*) OVER (PARTITION BY problem) AS n_same FROM (")
                    .add("SELECT row_no, bs, ts, CASE ")
                    .add("WHEN bs IS NOT NULL AND trim(bs) <> '' AND b IS NULL THEN 'baseline:nan-text' ")
                    .add("WHEN ts IS NOT NULL AND trim(ts) <> '' AND t IS NULL THEN 'treated:nan-text' ")
                    .add("WHEN selected IS NOT TRUE THEN NULL ")
                    .add("WHEN bs IS NULL OR trim(bs) = '' THEN 'baseline:empty' ")
                    .add("WHEN ts IS NULL OR trim(ts) = '' THEN 'treated:empty' ")
                    .add("WHEN NOT isfinite(b) THEN 'baseline:not-finite' ")
                    .add("WHEN NOT isfinite(t) THEN 'treated:not-finite' ");
            if (zeroBaseline == null) {
                sql.add("WHEN b = 0 THEN 'baseline:zero' ");
            }
            sql.add("WHEN ri IS NULL OR NOT isfinite(ri) THEN 'ri:not-finite' ")
                    .add("END AS problem FROM (SELECT row_no, bs, ts, b, t, ");
            sel.predicate(sql);
            sql.add(" AS selected, ");
            sel.relativeImprovement(sql, zeroBaseline);
            sql.add(" AS ri FROM (SELECT row_no, ");
            keyColumns(sql);
            sql.add("CAST(" + cols.b() + " AS VARCHAR) AS bs, CAST(" + cols.t() + " AS VARCHAR) AS ts, ")
                    .add("TRY_CAST(" + cols.b() + " AS DOUBLE) AS b, TRY_CAST(" + cols.t() + " AS DOUBLE) AS t FROM (");
            String needed = cols.b() + ", " + cols.t() + (cols.effect ? ", " + cols.e() : "")
                    + (cols.evidence ? ", " + cols.v() : "");
            sql.add("SELECT ");
            numbered(sql, file, format, needed);
            sql.add(")))) WHERE problem IS NOT NULL ORDER BY row_no LIMIT 1");
            return sql;
        }

        MeasurementException diagnose(Connection c, SQLException failure) {
            Sql sql = firstProblem();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return problem(rs.getLong("row_no"), rs.getString("problem"), rs.getString("bs"),
                            rs.getString("ts"), rs.getLong("n_same"), failure);
                }
            } catch (SQLException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                    return cannotRead(file, failure);
                }
                return cannotRead(file, e);
            }
            if (failure != null) {
                return cannotRead(file, failure);
            }
            return new MeasurementException(file, 0, null, "a relative improvement could not be computed");
        }

        private MeasurementException problem(long row, String code, String bs, String ts, long same,
                SQLException cause) {
            String column = code.substring(0, code.indexOf(':'));
            String kind = code.substring(code.indexOf(':') + 1);
            String value = column.equals(BASELINE) ? bs : ts;
            String hint = value != null && value.strip().matches("[-+]?[0-9]+,[0-9]+")
                    ? " (decimal commas are not read: use '.' as the decimal mark)" : "";
            String others = same > 1 ? " (" + same + " rows in all)" : "";
            String detail;
            switch (code.startsWith("ri:") ? "ri" : kind) {
                case "nan-text":
                    detail = "'" + value + "' is not a number" + hint + others;
                    break;
                case "empty":
                    detail = "the value is empty" + others;
                    break;
                case "not-finite":
                    detail = value + " is not a finite number" + others;
                    break;
                case "zero":
                    detail = "the baseline is 0, so the relative improvement is undefined; " + same
                            + (same == 1 ? " row has" : " rows have") + " a zero baseline"
                            + (sel.describe().isEmpty() ? "" : " among the rows of " + sel.describe())
                            + "; set policies.zero_baseline to a substitute to accept them";
                    break;
                case "ri":
                default:
                    column = null;
                    detail = "the relative improvement of baseline " + bs + " and treated " + ts
                            + " is not a finite number" + others;
                    break;
            }
            return new MeasurementException(file, row, column == null ? null : cols.name(column), detail, cause);
        }
    }

    private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** A DOUBLE[] column as a list (null entries kept; empty for a NULL list). */
    private static List<Double> doubles(ResultSet rs, String column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        if (a == null) {
            return List.of();
        }
        List<Double> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(o == null ? null : ((Number) o).doubleValue());
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // No rows selected

    private static MeasurementException noRows(Connection c, Path file, MeasurementFormat format, Columns cols,
            String effect, String evidence) {
        List<String> parts = new ArrayList<>();
        if (cols.effect && effect != null) {
            parts.add("effect '" + effect + "'");
        }
        if (cols.evidence && evidence != null) {
            parts.add("evidence model '" + evidence + "'");
        }
        if (parts.isEmpty()) {
            return new MeasurementException(file, 0, null, "the file has no data rows");
        }
        StringBuilder sb = new StringBuilder("no rows for ").append(String.join(" and ", parts));
        List<String> known = new ArrayList<>();
        if (cols.effect && effect != null) {
            known.add("effects " + distinct(c, file, format, cols.map.effect()));
        }
        if (cols.evidence && evidence != null) {
            known.add("evidence models " + distinct(c, file, format, cols.map.evidence()));
        }
        sb.append(" (the file has ").append(String.join("; ", known)).append(')');
        return new MeasurementException(file, 0, null, sb.toString());
    }

    private static String distinct(Connection c, Path file, MeasurementFormat format, String column) {
        Sql sql = new Sql().add("SELECT DISTINCT CAST(").add(ident(column)).add(" AS VARCHAR) AS v FROM ");
        from(sql, file, format);
        sql.add(" WHERE v IS NOT NULL ORDER BY v LIMIT " + (LISTED_IDS + 1));
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add("'" + rs.getString(1) + "'");
            }
        } catch (SQLException e) {
            return "(unknown: " + duckMessage(e) + ")";
        }
        if (values.isEmpty()) {
            return "(none)";
        }
        if (values.size() > LISTED_IDS) {
            return String.join(", ", values.subList(0, LISTED_IDS)) + ", ...";
        }
        return String.join(", ", values);
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private static String path(Path file) {
        return file.toAbsolutePath().toString();
    }

    private static MeasurementException cannotRead(Path file, SQLException e) {
        return new MeasurementException(file, 0, null, "cannot read the measurements: " + duckMessage(e), e);
    }

    /** DuckDB could not work out the file's layout: say what the reader expects, then DuckDB's first line. */
    private static MeasurementException cannotSniff(Path file, MeasurementFormat format, SQLException e) {
        if (format == MeasurementFormat.PARQUET) {
            return cannotRead(file, e);
        }
        String header = firstLine(file);
        if (header != null && !header.contains(",") && header.matches(".*[;\\t|].*")) {
            return new MeasurementException(file, 0, null, "the header line '" + header + "' has no comma: the file"
                    + " does not look comma-separated (semicolons, tabs or bars?). Measurement files are CSV with ','"
                    + " between columns and '.' as the decimal mark; re-export the file that way", e);
        }
        return new MeasurementException(file, 0, null, "cannot read the file as CSV (comma-separated, a header line,"
                + " '.' as the decimal mark, fields with commas or quotes in double quotes): " + duckMessage(e), e);
    }

    /** The file's first line (at most 200 characters), or null if it cannot be read. */
    private static String firstLine(Path file) {
        try (java.io.BufferedReader r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String line = r.readLine();
            return line == null ? null : line.length() > 200 ? line.substring(0, 200) : line;
        } catch (java.io.IOException | RuntimeException ex) {
            return null;
        }
    }

    /** The first lines of DuckDB's message (it appends long reader diagnostics). */
    static String duckMessage(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        for (String line : m.split("\\R")) {
            if (line.isBlank()) {
                if (sb.length() > 0) {
                    break;
                }
                continue;
            }
            if (++lines > 3) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(line.strip());
        }
        return sb.toString();
    }

    /** SQL text with positional parameters, appended in order. */
    private static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Sql add(String s) {
            text.append(s);
            return this;
        }

        Sql param(Object value) {
            text.append('?');
            params.add(value);
            return this;
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(text.toString());
            try {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
            } catch (SQLException e) {
                ps.close();
                throw e;
            }
            return ps;
        }

        @Override
        public String toString() {
            return text + " " + params;
        }
    }
}
