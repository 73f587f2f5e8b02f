package org.ssmworkbench.io.measurements;

import java.nio.file.Path;
import java.util.Locale;

/** The kinds of raw measurement file, chosen by file extension. */
public enum MeasurementFormat {
    /** Comma-separated values with a header line ({@code .csv}). */
    CSV,
    /** Apache Parquet ({@code .parquet}). */
    PARQUET;

    /**
     * The format of a file by its extension ({@code .csv} or {@code .parquet}, any letter case).
     *
     * @throws MeasurementException for any other extension
     */
    public static MeasurementFormat of(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (n.endsWith(".parquet")) {
            return PARQUET;
        }
        throw new MeasurementException(file, 0, null,
                "unsupported measurement file type: the name must end in .csv or .parquet");
    }
}
