package org.ssmworkbench.io.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.io.InputException;

/**
 * Logs that hold one row per run or per segment of a run: CodeCarbon, pyJoules, pyRAPL and
 * experiment-runner's run table.
 *
 * <p>CodeCarbon {@code emissions.csv} (mlco2/codecarbon, docs/reference/output.md "CSV", and
 * {@code output_methods/emissions_data.py}): one row per tracked run with {@code timestamp},
 * {@code project_name}, {@code run_id}, {@code duration} (s), {@code emissions} (kg CO₂eq),
 * {@code cpu_power}/{@code gpu_power}/{@code ram_power} (W), {@code cpu_energy}/{@code gpu_energy}/
 * {@code ram_energy}/{@code energy_consumed} (kWh), ...; the set of columns grows between versions.
 *
 * <p>pyJoules {@code CSVHandler} (powerapi-ng/pyJoules, {@code pyJoules/handler/csv_handler.py}; units
 * in the README, "Output description"): a header {@code timestamp;tag;duration;<domain>...}, then one
 * {@code ;}-separated row per measured segment; {@code timestamp} in s since the epoch,
 * {@code duration} in s, each domain ({@code package_0}, {@code dram_0}, {@code core_0},
 * {@code uncore_0}, {@code nvidia_gpu_0}) in µJ. The README warns that a segment shorter than the
 * device's measurement period reads 0.
 *
 * <p>pyRAPL {@code CSVOutput} (powerapi-ng/pyRAPL, {@code pyRAPL/outputs/csvoutput.py} and
 * {@code buffered_output.py}; units in {@code pyRAPL/result.py}): a header
 * {@code label,timestamp,duration,pkg,dram,socket}, one row per measurement and socket;
 * {@code duration} in µs, {@code pkg} and {@code dram} in µJ, {@code None} where not recorded.
 *
 * <p>experiment-runner {@code run_table.csv} (S2-group/experiment-runner,
 * {@code ConfigValidator/Config/Models/RunTableModel.py} and
 * {@code ProgressManager/Output/CSVOutputManager.py}): {@code __run_id}
 * ({@code run_<i>_repetition_<j>}), {@code __done} ({@code TODO} or {@code DONE}), the factor columns,
 * then the data columns the experiment's code fills (blank until the run is done); the table does not
 * say their units.
 */
final class RowReader {

    private RowReader() {
    }

    /** CodeCarbon's documented unit of a column (docs/reference/output.md), or null. */
    static String codeCarbonUnit(String column) {
        return switch (column) {
            case "duration" -> "s";
            case "emissions" -> "kg";
            case "cpu_power", "gpu_power", "ram_power" -> "W";
            case "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed" -> "kWh";
            case "cpu_utilization_percent", "gpu_utilization_percent", "ram_utilization_percent" -> "%";
            case "ram_used_gb", "ram_total_size" -> "GB";
            default -> null;
        };
    }

    static List<RunRecord> read(Path file, String display, Map<String, String> fileAttrs, IngestSpec.Source src,
            Ingest.SourceState state, RunTableIndex table) {
        Tool tool = src.tool();
        char sep = src.separator() != null ? src.separator() : tool == Tool.PYJOULES ? ';' : ',';
        String hint = switch (tool) {
            case PYJOULES -> "pyJoules writes ';'-separated files";
            default -> "set separator if the file is not ','-separated";
        };
        try (CsvRows rows = new CsvRows(file, sep, false)) {
            String[] header = rows.header();
            int metricCol = rows.required(src.metric(), hint);
            String unit;
            String unitSource;
            switch (tool) {
                case CODECARBON -> {
                    unit = codeCarbonUnit(src.metric());
                    unitSource = "CodeCarbon's documented unit";
                }
                case PYJOULES -> {
                    rows.required("tag", hint);
                    if (src.metric().equals("timestamp") || src.metric().equals("tag")) {
                        throw new InputException(file, 1, src.metric(), "not a metric (pyJoules metrics: duration and"
                                + " the energy domains)");
                    }
                    unit = src.metric().equals("duration") ? "s" : "uJ";
                    unitSource = "pyJoules' documented unit";
                }
                case PYRAPL -> {
                    rows.required("label", hint);
                    unit = switch (src.metric()) {
                        case "duration" -> "us";
                        case "pkg", "dram" -> "uJ";
                        default -> throw new InputException(file, 1, src.metric(), "not a pyRAPL metric (duration,"
                                + " pkg, dram)");
                    };
                    unitSource = "pyRAPL's documented unit";
                }
                default -> {
                    unit = null;
                    unitSource = "column_unit";
                    if (src.metric().startsWith("__") || table.factors().contains(src.metric())) {
                        throw new InputException(file, 1, src.metric(), "not a data column (it is "
                                + (src.metric().startsWith("__") ? "experiment-runner's own" : "a factor") + ")");
                    }
                }
            }
            Metric metric = state.metric(Metric.of(src, header[metricCol], unit, unitSource, null, file), file);
            Map<String, Integer> patternCols = new LinkedHashMap<>();
            for (String col : src.run().keySet()) {
                patternCols.put(col, rows.required(col, hint));
            }
            Map<Map<String, String>, Acc> runs = new LinkedHashMap<>();
            List<RunRecord> out = new ArrayList<>();
            String[] cells;
            while ((cells = rows.next()) != null) {
                int line = rows.line();
                if (cells.length != header.length) {
                    throw new InputException(file, line, "", "the row has " + cells.length + " of " + header.length
                            + " cells");
                }
                Map<String, String> attrs = new LinkedHashMap<>(fileAttrs);
                RunTableIndex.Run tableRun = null;
                if (tool == Tool.EXPERIMENT_RUNNER) {
                    tableRun = table.at(line);
                    attrs.putAll(tableRun.attributes());
                }
                String unmatched = null;
                for (Map.Entry<String, Integer> pc : patternCols.entrySet()) {
                    String cell = cells[pc.getValue()];
                    var m = src.run().get(pc.getKey()).match(cell);
                    if (m.isEmpty()) {
                        unmatched = pc.getKey() + " '" + cell + "' does not match " + src.field() + ".run."
                                + pc.getKey() + " '" + src.run().get(pc.getKey()) + "'";
                        break;
                    }
                    for (Map.Entry<String, String> e : m.get().entrySet()) {
                        String before = attrs.putIfAbsent(e.getKey(), e.getValue());
                        if (before != null && !before.equals(e.getValue())) {
                            throw new InputException(file, line, pc.getKey(), "attribute " + e.getKey() + " is '"
                                    + e.getValue() + "' here but '" + before + "' from the file name");
                        }
                    }
                }
                if (unmatched != null) {
                    out.add(RunRecord.excluded(attrs, display, line, line, "unmatched", line, null, unmatched));
                    continue;
                }
                if (tableRun != null && !tableRun.done()) {
                    out.add(RunRecord.excluded(attrs, display, line, line, "not-done", line, "__done",
                            "the run is not done (__done = " + tableRun.doneText() + ")"));
                    continue;
                }
                String cell = cells[metricCol].strip();
                Acc acc = runs.get(attrs);
                if (acc != null && src.combine() == null) {
                    throw new InputException(file, line, "", "a second row for the run " + Ingest.describe(attrs)
                            + " (first at line " + acc.line + "): give each row its own attributes through "
                            + src.field() + ".run, or add them up with combine: sum");
                }
                if (acc == null) {
                    acc = new Acc(line);
                    runs.put(attrs, acc);
                }
                acc.last = line;
                acc.rows++;
                if (acc.problem != null) {
                    continue;
                }
                if (cell.isEmpty() || cell.equals("None") || cell.equalsIgnoreCase("nan")) {
                    acc.problem = new Series.Problem(line, header[metricCol], "missing value ("
                            + (cell.isEmpty() ? "empty cell" : cell) + ")");
                    continue;
                }
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new InputException(file, line, header[metricCol], "'" + cell + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    acc.problem = new Series.Problem(line, header[metricCol], "missing value (" + cell + ")");
                    continue;
                }
                boolean energy = "uJ".equals(unit) || "kWh".equals(unit);
                if (energy && v < 0) {
                    acc.problem = new Series.Problem(line, header[metricCol], "negative energy " + cell
                            + ": the energy counter was reset or wrapped more than once during the segment");
                    continue;
                }
                if ((tool == Tool.PYJOULES || tool == Tool.PYRAPL) && energy && v == 0) {
                    acc.problem = new Series.Problem(line, header[metricCol], "zero energy: the segment was shorter"
                            + " than the device's measurement period (pyJoules README)");
                    continue;
                }
                acc.sum = acc.sum.add(new java.math.BigDecimal(cell));
            }
            for (Map.Entry<Map<String, String>, Acc> e : runs.entrySet()) {
                Acc a = e.getValue();
                if (a.problem != null) {
                    out.add(RunRecord.excluded(e.getKey(), display, a.line, a.last, "irregular", a.problem.line(),
                            a.problem.column(), a.problem.reason()));
                } else {
                    List<String> notes = a.rows > 1 ? List.of("sum of " + a.rows + " rows") : List.of();
                    out.add(RunRecord.measured(e.getKey(), display, a.line, a.last, metric.convert(a.sum), notes));
                }
            }
            out.sort(java.util.Comparator.comparingInt(RunRecord::line)); // file order
            return out;
        }
    }

    private static final class Acc {
        final int line;
        int last;
        int rows;
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        Series.Problem problem;

        Acc(int line) {
            this.line = line;
        }
    }
}
