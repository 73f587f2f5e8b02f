package org.ssmworkbench.io.measurements;

import java.util.Objects;
import org.ssmworkbench.core.synthesis.SummaryStatistics;

/**
 * What a measurement file's selected rows summarize to.
 *
 * @param stats                     n, mean, sample standard deviation, Q1, Q3 and IQR of the relative
 *                                  improvements in percent
 * @param rows                      number of rows (run pairs) summarized; equals {@code stats.n()}
 * @param substitutedZeroBaselines  how many of them had a zero baseline that was replaced by the
 *                                  {@code zero_baseline} substitute (0 when no substitute was given)
 * @param file                      the file, as shown in messages
 */
public record MeasurementSummary(SummaryStatistics stats, long rows, long substitutedZeroBaselines, String file) {

    /** Validates. */
    public MeasurementSummary {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(file, "file");
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, got " + rows);
        }
        if (substitutedZeroBaselines < 0 || substitutedZeroBaselines > rows) {
            throw new IllegalArgumentException("substitutedZeroBaselines must be in [0, rows], got "
                    + substitutedZeroBaselines);
        }
    }
}
