package org.ssmworkbench.io.measurements;

/**
 * One (evidence model, effect) group of a measurement file.
 *
 * @param evidence the value of the {@code evidence} column, or null when the file has no such column
 *                 (or the cell is empty)
 * @param effect   the value of the {@code effect} column, or null when the file has no such column (or
 *                 the cell is empty)
 */
public record MeasurementGroup(String evidence, String effect) {

    @Override
    public String toString() {
        return "evidence " + (evidence == null ? "-" : "'" + evidence + "'") + ", effect "
                + (effect == null ? "-" : "'" + effect + "'");
    }
}
