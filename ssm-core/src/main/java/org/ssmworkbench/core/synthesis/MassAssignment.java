package org.ssmworkbench.core.synthesis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much mass one finding carries, given its study belief B, its discount d and the number N of
 * evidence models of its study (docs/method.md section 4).
 */
public enum MassAssignment {
    /** s = B × (1 − d): the quantization synthesis' published rule (default). */
    PUBLISHED("published"),
    /** s = B: no discount for spread. */
    UNDISCOUNTED("undiscounted"),
    /** s = 1 − (1 − B)^(1/N): the study's N findings together carry B. */
    MASS_PRESERVING_SPLIT("mass-preserving-split"),
    /** s = B / N: the study's belief shared equally among its findings. */
    EQUITABLE_SPLIT("equitable-split");

    private final String id;

    MassAssignment(String id) {
        this.id = id;
    }

    /** Stable id as written in project files and variant names. */
    public String id() {
        return id;
    }

    /** The unrounded mass of a finding. */
    public double mass(double studyBelief, double discount, int modelsInStudy) {
        switch (this) {
            case PUBLISHED:
                return studyBelief * (1.0 - discount);
            case UNDISCOUNTED:
                return studyBelief;
            case MASS_PRESERVING_SPLIT:
                return 1.0 - Math.pow(1.0 - studyBelief, 1.0 / modelsInStudy);
            case EQUITABLE_SPLIT:
                return studyBelief / modelsInStudy;
            default:
                throw new IllegalStateException(name());
        }
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException naming the known ids
     */
    public static MassAssignment byId(String text) {
        String k = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MassAssignment m : values()) {
            if (m.id.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mass assignment '" + text + "' (known: "
                + Arrays.stream(values()).map(MassAssignment::id).collect(Collectors.joining(", ")) + ")");
    }
}
