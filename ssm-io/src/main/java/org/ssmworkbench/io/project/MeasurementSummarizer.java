package org.ssmworkbench.io.project;

import java.nio.file.Path;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.io.measurements.MeasurementColumns;

/** Summarizes a raw measurement file into RI statistics (implemented with DuckDB in the measurements package). */
@FunctionalInterface
public interface MeasurementSummarizer {

    /**
     * Summarizes the run pairs of one evidence model and effect.
     *
     * @param file           the CSV or Parquet file
     * @param columns        which file column plays which role, which are ignored
     * @param effect         rows whose {@code effect} column equals this (when the column exists)
     * @param evidence       rows whose {@code evidence} column equals this (when the column exists)
     * @param direction      how RI is computed
     * @param quantiles      quartile method
     * @param zeroSubstitute value substituted for a zero baseline, or null to reject such rows
     * @return the summary
     * @throws RuntimeException with a message naming file, row and column for bad data
     */
    SummaryStatistics summarize(Path file, MeasurementColumns columns, String effect, String evidence, Direction direction,
            QuantileMethod quantiles, Double zeroSubstitute);
}
