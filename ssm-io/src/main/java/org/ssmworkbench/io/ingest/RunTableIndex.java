package org.ssmworkbench.io.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.ssmworkbench.io.InputException;

/**
 * experiment-runner's run table as the source of every run's factors: per {@code __run_id}, the
 * declared factor columns, {@code repetition} (the j of {@code run_<i>_repetition_<j>}) and whether
 * {@code __done} is {@code DONE}. Other sources name their runs by {@code {__run_id}} (experiment-runner
 * gives each run the folder {@code <experiment>/<__run_id>/}, where profilers write their logs).
 */
final class RunTableIndex {

    /** One run of the table. */
    record Run(String id, int line, Map<String, String> attributes, boolean done, String doneText) {
    }

    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("run_(\\d+)_repetition_(\\d+)");

    private final List<String> factors;
    private final Map<String, Run> byId = new LinkedHashMap<>();
    private final Map<Integer, Run> byLine = new HashMap<>();

    private RunTableIndex(List<String> factors) {
        this.factors = factors;
    }

    /** No run table. */
    static RunTableIndex none() {
        return new RunTableIndex(List.of());
    }

    static RunTableIndex read(IngestSpec.RunTable t) {
        RunTableIndex index = new RunTableIndex(t.factors());
        Path file = t.file();
        try (CsvRows rows = new CsvRows(file, ',', false)) {
            int id = rows.required("__run_id", null);
            int done = rows.required("__done", null);
            List<Integer> cols = new ArrayList<>();
            for (String f : t.factors()) {
                if (f.startsWith("__")) {
                    throw new InputException(file, 1, f, "experiment-runner's own column, not a factor");
                }
                cols.add(rows.required(f, null));
            }
            String[] cells;
            while ((cells = rows.next()) != null) {
                int line = rows.line();
                if (cells.length != rows.header().length) {
                    throw new InputException(file, line, "", "the row has " + cells.length + " of "
                            + rows.header().length + " cells");
                }
                String runId = cells[id].strip();
                Matcher m = RUN_ID.matcher(runId);
                if (!m.matches()) {
                    throw new InputException(file, line, "__run_id", "'" + runId + "' is not experiment-runner's"
                            + " run_<i>_repetition_<j>");
                }
                String d = cells[done].strip();
                if (!d.equals("DONE") && !d.equals("TODO")) {
                    throw new InputException(file, line, "__done", "'" + d + "': experiment-runner writes DONE or TODO");
                }
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("__run_id", runId);
                for (int i = 0; i < cols.size(); i++) {
                    attrs.put(t.factors().get(i), cells[cols.get(i)].strip());
                }
                attrs.put("repetition", m.group(2));
                Run run = new Run(runId, line, attrs, d.equals("DONE"), d);
                Run before = index.byId.putIfAbsent(runId, run);
                if (before != null) {
                    throw new InputException(file, line, "__run_id", "'" + runId + "' again (first at line "
                            + before.line() + ")");
                }
                index.byLine.put(line, run);
            }
        }
        return index;
    }

    List<String> factors() {
        return factors;
    }

    boolean present() {
        return !byId.isEmpty() || !factors.isEmpty();
    }

    /** The run of that id, or null. */
    Run get(String id) {
        return byId.get(id);
    }

    /** The run read at that line of the table. */
    Run at(int line) {
        return byLine.get(line);
    }

    /** The run ids, for messages. */
    java.util.Set<String> ids() {
        return byId.keySet();
    }
}
