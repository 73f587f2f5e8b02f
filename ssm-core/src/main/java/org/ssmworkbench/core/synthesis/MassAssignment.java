package org.ssmworkbench.core.synthesis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much mass one finding carries, given its study belief B, its discount d and the number N of
 * evidence models of its study (SPEC section 4). N counts every evidence model of the study, whether
 * or not it reports the effect at hand (as the quantization replication package counts it: the
 * records of the study's file).
 *
 * <p>The three study-belief assignments (undiscounted-unsplit, mass-preserving split, equitable
 * split) need only B and N, so they also apply to findings given directly (intensity and mass, e.g.
 * imported): the intensity is kept and the given mass replaced. The published assignment keeps a
 * direct finding's mass as given.
 */
public enum MassAssignment {
    /** s = B × (1 − d): the quantization synthesis' published rule (default). */
    PUBLISHED("published"),
    /** s = B: no discount for spread, the study's belief on every finding (undiscounted-unsplit). */
    UNDISCOUNTED_UNSPLIT("undiscounted-unsplit"),
    /** s = 1 − (1 − B)^(1/N): the study's N findings together carry B under Dempster's rule. */
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

    /** Whether the mass is computed from the study belief B alone (no discount), so B must be known. */
    public boolean fromStudyBelief() {
        return this != PUBLISHED;
    }

    /** The unrounded mass of a finding. */
    public double mass(double studyBelief, double discount, int modelsInStudy) {
        switch (this) {
            case PUBLISHED:
                return studyBelief * (1.0 - discount);
            case UNDISCOUNTED_UNSPLIT:
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
     * Parses an id. {@code undiscounted}, the id before the literature's name was adopted, is still
     * read as {@code undiscounted-unsplit}.
     *
     * @throws IllegalArgumentException naming the known ids
     */
    public static MassAssignment byId(String text) {
        String k = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (k.equals("undiscounted")) {
            return UNDISCOUNTED_UNSPLIT;
        }
        for (MassAssignment m : values()) {
            if (m.id.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mass assignment '" + text + "' (known: "
                + Arrays.stream(values()).map(MassAssignment::id).collect(Collectors.joining(", ")) + ")");
    }
}
