package org.ssmworkbench.core.sensitivity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of sensitivity analysis, in output order; each variant belongs to one. */
public enum AnalysisKind {
    /** Leave one study out. */
    LEAVE_ONE_STUDY_OUT("leave-one-study-out"),
    /** Leave one evidence model out. */
    LEAVE_ONE_EVIDENCE_MODEL_OUT("leave-one-evidence-model-out"),
    /** Each combination rule. */
    RULE("rule"),
    /** Each result selector. */
    SELECTOR("selector"),
    /** Each mass assignment (published, undiscounted-unsplit, mass-preserving split, equitable split). */
    ASSIGNMENT("assignment"),
    /** The discount factor varied. */
    DISCOUNT_FACTOR("discount-factor"),
    /** Each cut point scaled by each factor. */
    CUT_POINTS("cut-points"),
    /** Subgroups by moderator. */
    SUBGROUP("subgroup"),
    /** Inclusion rules: belief threshold, study types, quality item. */
    INCLUSION("inclusion"),
    /** One function per study (dependence between a study's findings). */
    DEPENDENCE("dependence");

    private final String id;

    AnalysisKind(String id) {
        this.id = id;
    }

    /** Stable id as written in sensitivity.json and sensitivity.csv. */
    public String id() {
        return id;
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException naming the known ids
     */
    public static AnalysisKind byId(String text) {
        String k = text.strip().toLowerCase(Locale.ROOT);
        for (AnalysisKind a : values()) {
            if (a.id.equals(k)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown analysis '" + text + "' (known: "
                + Arrays.stream(values()).map(AnalysisKind::id).collect(Collectors.joining(", ")) + ")");
    }
}
