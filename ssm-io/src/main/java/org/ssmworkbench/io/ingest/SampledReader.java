package org.ssmworkbench.io.ingest;

import org.ssmworkbench.core.text.NameHint;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.ssmworkbench.io.InputException;

/**
 * Logs that hold one run's time series per file: EnergiBridge and nvidia-smi.
 *
 * <p>EnergiBridge (tdurieux/EnergiBridge, README "Output Example" and "Units of output metrics",
 * src/main.rs {@code print_header}/{@code print_results}): a header {@code Delta,Time,<metrics in
 * name order>}, then one row per sample; {@code Delta} is the ms since the previous sample,
 * {@code Time} the Unix time in ms; energy counters ({@code PACKAGE_ENERGY (J)}, {@code DRAM_ENERGY (J)},
 * {@code CPU_ENERGY (J)}, {@code PP0_ENERGY (J)}, ...) are cumulative joules read from RAPL registers
 * that wrap at their range; power columns ({@code SYSTEM_POWER (Watts)}, {@code CPU_POWER (Watts)}) are
 * watts; memory in bytes. The separator is {@code ,} unless EnergiBridge ran with {@code -s}.
 *
 * <p>nvidia-smi {@code --query-gpu=timestamp,index,power.draw,... --format=csv} (nvidia-smi(1),
 * "--format"; field names from {@code nvidia-smi --help-query-gpu}): a header
 * {@code timestamp, index, power.draw [W], ...} with the unit in brackets, then one row per GPU and
 * sample, cells separated by {@code ", "}; values carry the unit ({@code 61.23 W}) unless
 * {@code nounits} was given; {@code [N/A]} and {@code [Not Supported]} where a value is unavailable;
 * timestamps {@code yyyy/MM/dd HH:mm:ss.SSS}.
 */
final class SampledReader {

    private static final java.util.regex.Pattern EB_UNIT = java.util.regex.Pattern.compile(".*\\((J|Watts|V|MHZ|MHz)\\)$");
    private static final java.util.regex.Pattern SMI_HEADER = java.util.regex.Pattern.compile("(.*?)\\s*\\[([^\\]]+)\\]$");
    private static final DateTimeFormatter SMI_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss[.SSS]");

    private SampledReader() {
    }

    /** The unit EnergiBridge documents for a column (README "Units of output metrics"), or null. */
    static String energiBridgeUnit(String column) {
        Matcher m = EB_UNIT.matcher(column);
        if (m.matches()) {
            return switch (m.group(1)) {
                case "Watts" -> "W";
                case "MHZ" -> "MHz";
                default -> m.group(1);
            };
        }
        if (column.matches("(TOTAL|USED)_(MEMORY|SWAP)")) {
            return "B";
        }
        if (column.matches("CPU_USAGE_\\d+|GPU\\d+_USAGE")) {
            return "%";
        }
        if (column.matches("CPU_FREQUENCY_\\d+")) {
            return "MHz";
        }
        return null;
    }

    static List<RunRecord> read(Path file, String display, Map<String, String> attrs, IngestSpec.Source src,
            Ingest.SourceState state) {
        boolean eb = src.tool() == Tool.ENERGIBRIDGE;
        char sep = src.separator() != null ? src.separator() : ',';
        try (CsvRows rows = new CsvRows(file, sep, !eb)) {
            String[] header = rows.header();
            int metricCol;
            String unit;
            String unitSource;
            int timeCol;
            int deltaCol = -1;
            int indexCol = -1;
            if (eb) {
                deltaCol = rows.required("Delta", "EnergiBridge writes ',' unless run with -s; set separator");
                timeCol = rows.required("Time", null);
                metricCol = rows.required(src.metric(), null);
                unit = energiBridgeUnit(src.metric());
                unitSource = "EnergiBridge's documented unit";
            } else {
                timeCol = rows.required("timestamp", "nvidia-smi --format=csv separates with ', '");
                metricCol = -1;
                unit = null;
                unitSource = "the header";
                for (int i = 0; i < header.length; i++) {
                    Matcher m = SMI_HEADER.matcher(header[i]);
                    String name = m.matches() ? m.group(1) : header[i];
                    if (name.equals(src.metric()) || header[i].equals(src.metric())) {
                        metricCol = i;
                        unit = m.matches() ? m.group(2) : null;
                    }
                    if (name.equals("index")) {
                        indexCol = i;
                    }
                }
                if (metricCol < 0) {
                    List<String> names = new ArrayList<>();
                    for (String h : header) {
                        Matcher m = SMI_HEADER.matcher(h);
                        names.add(m.matches() ? m.group(1) : h);
                    }
                    throw new InputException(file, 1, src.metric(), "no such column" + NameHint.didYouMean(src.metric(),
                            names) + " (columns: " + String.join(", ", header) + ")");
                }
                if (src.gpu() != null && indexCol < 0) {
                    throw new InputException(file, 1, "index", "gpu: " + src.gpu() + " needs the index column (add"
                            + " index to --query-gpu)");
                }
            }
            Aggregate def = "J".equals(unit) ? Aggregate.DELTA : "W".equals(unit) ? Aggregate.INTEGRAL : null;
            Metric metric = state.metric(Metric.of(src, header[metricCol], unit, unitSource, def, file), file);
            if (metric.aggregate() != Aggregate.DELTA && src.counterWrap() != null) {
                throw new InputException(file, 1, header[metricCol], "counter_wrap is for counters (aggregate delta)");
            }
            String metricName = header[metricCol];
            Map<String, Series> perGpu = new TreeMap<>();
            String[] cells;
            int lastLine = 1;
            while ((cells = rows.next()) != null) {
                int line = rows.line();
                lastLine = line;
                String gpu = indexCol >= 0 && indexCol < cells.length ? cells[indexCol].strip() : "";
                if (src.gpu() != null && !gpu.equals(String.valueOf(src.gpu()))) {
                    continue;
                }
                Series s = perGpu.computeIfAbsent(gpu, g -> new Series(metric.aggregate(),
                        eb ? Series.Clock.DELTA_COLUMN : Series.Clock.TIMESTAMPS, src.counterWrap(), src.maxGapMs(),
                        src.gapFactor(), metricName, header[timeCol], eb ? "Delta" : null));
                if (s.failed()) {
                    continue;
                }
                if (cells.length != header.length) {
                    s.fail(line, null, "the row has " + cells.length + " of " + header.length + " cells (cut off?)");
                    continue;
                }
                double t;
                double dt = Double.NaN;
                if (eb) {
                    t = number(rows, line, header[timeCol], cells[timeCol], s);
                    dt = number(rows, line, "Delta", cells[deltaCol], s);
                } else {
                    t = timestamp(file, line, cells[timeCol]);
                }
                double v = eb ? number(rows, line, metricName, cells[metricCol], s)
                        : smiValue(file, line, metricName, cells[metricCol], metric.unitIn(), s);
                if (!s.failed()) {
                    s.add(line, t, dt, v, eb ? cells[metricCol] : null);
                }
            }
            if (perGpu.isEmpty()) {
                return List.of(RunRecord.excluded(attrs, display, 0, 0, "irregular", 0, metricName,
                        src.gpu() != null ? "no rows for GPU " + src.gpu() : "no samples (the log has a header only)"));
            }
            java.math.BigDecimal total = java.math.BigDecimal.ZERO;
            List<String> notes = new ArrayList<>();
            int first = Integer.MAX_VALUE;
            for (Map.Entry<String, Series> e : perGpu.entrySet()) {
                Series s = e.getValue();
                Series.Problem p = s.finish(lastLine);
                if (p != null) {
                    String gpuText = e.getKey().isEmpty() || perGpu.size() == 1 ? "" : " (GPU " + e.getKey() + ")";
                    return List.of(RunRecord.excluded(attrs, display, s.firstLine(), lastLine, "irregular", p.line(),
                            p.column(), p.reason() + gpuText));
                }
                total = total.add(s.exact());
                notes.addAll(s.notes());
                first = Math.min(first, s.firstLine());
            }
            if (perGpu.size() > 1) {
                if (metric.aggregate() == Aggregate.MAX || metric.aggregate() == Aggregate.MIN) {
                    throw new InputException(file, 0, metricName, "the log has " + perGpu.size() + " GPUs; a "
                            + metric.aggregate().id() + " over their sum is not defined: select one with gpu");
                }
                notes.add("summed over GPUs " + String.join(", ", perGpu.keySet()));
            }
            return List.of(RunRecord.measured(attrs, display, first, lastLine, metric.convert(total), notes));
        }
    }

    /** A number cell; empty, NaN or infinite is a missing sample (a problem of the run), other text an error. */
    private static double number(CsvRows rows, int line, String column, String cell, Series s) {
        String c = cell.strip();
        if (c.isEmpty()) {
            s.fail(line, column, "missing sample (empty cell)");
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(c);
        } catch (NumberFormatException e) {
            throw new InputException(rows.file(), line, column, "'" + cell + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            s.fail(line, column, "missing sample (" + c + ")");
        }
        return v;
    }

    private static double smiValue(Path file, int line, String column, String cell, String unit, Series s) {
        String c = cell.strip();
        if (c.isEmpty() || c.startsWith("[") || c.equals("N/A")) {
            s.fail(line, column, "missing sample (" + (c.isEmpty() ? "empty cell" : c) + ")");
            return Double.NaN;
        }
        int space = c.lastIndexOf(' ');
        String num = c;
        if (space > 0) {
            String u = c.substring(space + 1);
            if (unit != null && !u.equals(unit)) {
                throw new InputException(file, line, column, "'" + cell + "': the unit " + u + " differs from the"
                        + " header's " + unit);
            }
            num = c.substring(0, space);
        }
        try {
            double v = Double.parseDouble(num);
            if (!Double.isFinite(v)) {
                s.fail(line, column, "missing sample (" + c + ")");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(file, line, column, "'" + cell + "' is not a number");
        }
    }

    private static double timestamp(Path file, int line, String cell) {
        try {
            return LocalDateTime.parse(cell.strip(), SMI_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InputException(file, line, "timestamp", "'" + cell + "' is not a nvidia-smi timestamp"
                    + " (yyyy/MM/dd HH:mm:ss.SSS)");
        }
    }
}
