package org.ssmworkbench.io.measurements;

import java.nio.file.Path;
import org.ssmworkbench.io.InputException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A raw measurement file cannot be summarized: it is missing, unreadable, lacks a column, or holds a
 * value the relative improvement cannot be computed from. The message starts with the file and,
 * when the fault is in one row, names the 1-based data row (the header is not counted) and the column:
 * {@code data/s1.csv: data row 7, column 'baseline': the baseline is 0, ...}. It is bad input (exit 2),
 * an {@link InputException} whose field is the column.
 */
public class MeasurementException extends InputException {
    private static final long serialVersionUID = 1L;

    private final long row;
    private final String column;

    /**
     * Creates the exception.
     *
     * @param file   the measurement file
     * @param row    1-based data row, or 0 when the fault is not in one row
     * @param column the column at fault, or null
     * @param detail what is wrong
     */
    public MeasurementException(Path file, long row, String column, String detail) {
        this(file, row, column, detail, null);
    }

    /** Same, with the underlying cause. */
    public MeasurementException(Path file, long row, String column, String detail, Throwable cause) {
        super(format(file, row, column, detail), file, 0, column == null ? "" : column, cause);
        this.row = row;
        this.column = column;
    }

    private static String format(Path file, long row, String column, String detail) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(display(file)).append(": ");
        }
        if (row > 0) {
            sb.append("data row ").append(row);
        }
        if (column != null) {
            sb.append(row > 0 ? ", " : "").append("column '").append(column).append('\'');
        }
        if (row > 0 || column != null) {
            sb.append(": ");
        }
        return sb.append(detail).toString();
    }


    /** The 1-based data row at fault (the header is not counted), if the fault is in one row. */
    public OptionalLong row() {
        return row > 0 ? OptionalLong.of(row) : OptionalLong.empty();
    }

    /** The column at fault, if the fault is in one column. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }
}
