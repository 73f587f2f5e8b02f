package org.ssmworkbench.io;

import java.nio.file.Path;

/**
 * A file the user wrote is wrong. The message starts with the file, the line (when known) and the
 * field, so that it can be printed as is: {@code studies/S3.yaml:42: evidence[1].effects.accuracy.summary.mean: ...}.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String field;

    /**
     * Creates the exception.
     *
     * @param file   the file at fault (shown relative to the working directory when possible)
     * @param line   1-based line, or 0 when unknown
     * @param field  the field path, or "" when not about one field
     * @param detail what is wrong
     */
    public InputException(Path file, int line, String field, String detail) {
        super(format(file, line, field, detail));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /** Same, with the underlying cause. */
    public InputException(Path file, int line, String field, String detail, Throwable cause) {
        super(format(file, line, field, detail), cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /**
     * For subclasses that place the location in their own words (a measurement file's data row and
     * column): the message as given.
     *
     * @param message the whole message, starting with the file
     */
    protected InputException(String message, Path file, int line, String field, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    private static String format(Path file, int line, String field, String detail) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(display(file));
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(detail).toString();
    }

    /** A path as users should see it: relative to the working directory when it lies below it. */
    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** The file at fault, if known. */
    public Path file() {
        return file;
    }

    /** The 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The field path, "" when not about one field. */
    public String field() {
        return field;
    }
}
