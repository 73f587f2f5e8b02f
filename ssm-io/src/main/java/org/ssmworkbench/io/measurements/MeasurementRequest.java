package org.ssmworkbench.io.measurements;

import java.nio.file.Path;
import java.util.Objects;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.QuantileMethod;

/**
 * Which rows of a measurement file to summarize, and how.
 *
 * @param file          a {@code .csv} (with header) or {@code .parquet} file with numeric columns
 *                      {@code baseline} and {@code treated}
 * @param effect        keep only rows whose {@code effect} column equals this; null, or a file without
 *                      that column: no filter on the effect
 * @param evidence      keep only rows whose {@code evidence} column equals this; null, or a file without
 *                      that column: no filter on the evidence model
 * @param direction     how the relative improvement is computed from baseline and treated
 * @param quantiles     how Q1 and Q3 are computed
 * @param zeroBaseline  the value that replaces a zero baseline, or null to reject rows with a zero
 *                      baseline (the default policy)
 * @param columns       which file column plays which role, and which are ignored
 */
public record MeasurementRequest(Path file, String effect, String evidence, Direction direction,
        QuantileMethod quantiles, Double zeroBaseline, MeasurementColumns columns) {

    /** A request on a file with the standard column names. */
    public MeasurementRequest(Path file, String effect, String evidence, Direction direction,
            QuantileMethod quantiles, Double zeroBaseline) {
        this(file, effect, evidence, direction, quantiles, zeroBaseline, MeasurementColumns.standard());
    }

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the zero-baseline substitute is zero or not finite
     */
    public MeasurementRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(quantiles, "quantiles");
        Objects.requireNonNull(columns, "columns");
        checkSubstitute(zeroBaseline);
    }

    /** All rows of the file, quartiles by "nearest", zero baselines rejected. */
    public static MeasurementRequest of(Path file, Direction direction) {
        return new MeasurementRequest(file, null, null, direction, QuantileMethod.NEAREST, null);
    }

    /** The same request restricted to one effect and evidence model (either may be null). */
    public MeasurementRequest select(String effect, String evidence) {
        return new MeasurementRequest(file, effect, evidence, direction, quantiles, zeroBaseline, columns);
    }

    /** The same request with another quartile method. */
    public MeasurementRequest withQuantiles(QuantileMethod method) {
        return new MeasurementRequest(file, effect, evidence, direction, method, zeroBaseline, columns);
    }

    /** The same request with another zero-baseline substitute (null: reject). */
    public MeasurementRequest withZeroBaseline(Double substitute) {
        return new MeasurementRequest(file, effect, evidence, direction, quantiles, substitute, columns);
    }

    static void checkSubstitute(Double zeroBaseline) {
        if (zeroBaseline != null && !(Double.isFinite(zeroBaseline) && zeroBaseline != 0.0)) {
            throw new IllegalArgumentException("the zero-baseline substitute must be a finite, non-zero number, got "
                    + zeroBaseline);
        }
    }
}
