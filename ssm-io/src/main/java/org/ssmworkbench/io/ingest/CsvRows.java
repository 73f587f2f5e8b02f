package org.ssmworkbench.io.ingest;

import org.ssmworkbench.core.text.NameHint;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssmworkbench.io.InputException;

/**
 * A CSV file read row by row with Jackson's streaming CSV parser: each row as its cells, with the file
 * line it starts on (quoted cells and CRLF line ends handled by Jackson). The first row is the header.
 * Empty lines are skipped.
 */
final class CsvRows implements AutoCloseable {

    private static final CsvMapper MAPPER = new CsvMapper();

    private final Path file;
    private final JsonParser parser;
    private final String[] header;
    private int line;
    private final List<String> cells = new ArrayList<>();

    /**
     * Opens the file and reads its header.
     *
     * @param separator the column separator
     * @param trim      whether to trim spaces around cells (nvidia-smi writes ", ")
     */
    CsvRows(Path file, char separator, boolean trim) {
        this.file = file;
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        try {
            BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            var reader = MAPPER.readerFor(String[].class).with(schema)
                    .with(CsvParser.Feature.SKIP_EMPTY_LINES);
            reader = trim ? reader.with(CsvParser.Feature.TRIM_SPACES) : reader.without(CsvParser.Feature.TRIM_SPACES);
            this.parser = reader.createParser(in);
            String[] h = next();
            if (h == null) {
                parser.close();
                throw new InputException(file, 0, "", "the file is empty (no header line)");
            }
            for (int i = 0; i < h.length; i++) {
                h[i] = h[i].strip();
                if (i == 0 && h[i].startsWith("\uFEFF")) {
                    h[i] = h[i].substring(1);
                }
            }
            this.header = h;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, 0, "", "no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + InputException.display(file) + ": " + e.getMessage(), e);
        }
    }

    /** The header's column names, trimmed. */
    String[] header() {
        return header;
    }

    /** The file. */
    Path file() {
        return file;
    }

    /** The 1-based line the row last returned starts on. */
    int line() {
        return line;
    }

    /** The next row's cells, or null at the end of the file. */
    String[] next() {
        try {
            JsonToken t = parser.nextToken();
            while (t != null && t != JsonToken.START_ARRAY) {
                t = parser.nextToken();
            }
            if (t == null) {
                return null;
            }
            cells.clear();
            for (t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (cells.isEmpty()) {
                    line = parser.currentTokenLocation().getLineNr(); // (the array token's location lags)
                }
                String v = parser.getText();
                cells.add(v == null ? "" : v);
            }
            return cells.toArray(new String[0]);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            throw new InputException(file, at, "", "not readable as CSV: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + InputException.display(file) + ": " + e.getMessage(), e);
        }
    }

    /** The index of a header column, or -1. */
    int column(String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of a required header column; an error with a "did you mean" when missing. */
    int required(String name, String hint) {
        int i = column(name);
        if (i < 0) {
            throw new InputException(file, 1, name, "no such column" + NameHint.didYouMean(name, List.of(header))
                    + (header.length == 1 && hint != null ? "; the header has a single column: " + hint : "")
                    + " (columns: " + String.join(", ", header) + ")");
        }
        return i;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
