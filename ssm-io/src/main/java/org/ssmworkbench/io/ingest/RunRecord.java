package org.ssmworkbench.io.ingest;

import java.util.List;
import java.util.Map;

/**
 * What a reader found for one run: its attributes (from the file pattern, cells and the run table), and
 * either its value (in the source's output unit) or why it is left out.
 *
 * @param attributes name → value, in order of appearance
 * @param file       the log, relative to the spec's folder
 * @param line       1-based line of the run's first row (0: the whole file)
 * @param lastLine   1-based line of its last row
 * @param value      the metric in the output unit (NaN when excluded)
 * @param notes      how the value was derived beyond the plain rule (a counter wrap, rows summed)
 * @param exclusion  why the run is left out, or null
 */
record RunRecord(Map<String, String> attributes, String file, int line, int lastLine, double value, List<String> notes,
        Exclusion exclusion) {

    /**
     * Why a run is left out.
     *
     * @param kind   not-done, irregular, unpaired, other-level, unmatched
     * @param line   1-based line at fault (0: the whole run)
     * @param column the column at fault, or null
     * @param reason in words
     */
    record Exclusion(String kind, int line, String column, String reason) {
    }

    static RunRecord measured(Map<String, String> attributes, String file, int line, int lastLine, double value,
            List<String> notes) {
        return new RunRecord(ordered(attributes), file, line, lastLine, value, List.copyOf(notes), null);
    }

    static RunRecord excluded(Map<String, String> attributes, String file, int line, int lastLine, String kind,
            int atLine, String column, String reason) {
        return new RunRecord(ordered(attributes), file, line, lastLine, Double.NaN, List.of(),
                new Exclusion(kind, atLine, column, reason));
    }

    private static Map<String, String> ordered(Map<String, String> m) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
    }

    RunRecord withExclusion(String kind, String reason) {
        return new RunRecord(attributes, file, line, lastLine, value, notes, new Exclusion(kind, 0, null, reason));
    }

    RunRecord withAttributes(Map<String, String> more) {
        return new RunRecord(ordered(more), file, line, lastLine, value, notes, exclusion);
    }
}
