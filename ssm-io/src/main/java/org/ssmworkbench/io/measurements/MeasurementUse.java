package org.ssmworkbench.io.measurements;

/**
 * One finding that reads rows of a measurement file: the rows whose effect column equals
 * {@code effect} and whose evidence column equals {@code evidence}.
 *
 * @param effect   the effect value the finding selects
 * @param evidence the evidence-model value the finding selects
 * @param finding  the finding, as users name it ("study S1, evidence model e1, effect accuracy")
 */
public record MeasurementUse(String effect, String evidence, String finding) {
}
