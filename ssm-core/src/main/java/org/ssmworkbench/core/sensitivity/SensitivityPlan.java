package org.ssmworkbench.core.sensitivity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sensitivity analysis varies beyond the fixed analyses (leave one out, rules, selectors,
 * assignments, dependence): the factors applied to each cut point, and the subgroups by moderator.
 *
 * @param cutFactors factors each cut point is multiplied by (0.9 and 1.1 are ±10%)
 * @param subgroups  subgroup definitions, in order
 */
public record SensitivityPlan(List<Double> cutFactors, List<Subgroups> subgroups) {

    /** The default factors: ±10% and ±25%. */
    public static final List<Double> DEFAULT_FACTORS = List.of(0.75, 0.9, 1.1, 1.25);

    /**
     * Defensive copies and validation.
     *
     * @throws IllegalArgumentException for a factor that is not a positive finite number other than 1
     */
    public SensitivityPlan {
        cutFactors = List.copyOf(cutFactors);
        subgroups = List.copyOf(subgroups);
        for (double f : cutFactors) {
            if (!(f > 0.0) || Double.isInfinite(f) || f == 1.0) {
                throw new IllegalArgumentException("cut factor " + f + " must be a positive number other than 1");
            }
        }
    }

    /** Default factors, no subgroups. */
    public static SensitivityPlan defaults() {
        return new SensitivityPlan(DEFAULT_FACTORS, List.of());
    }

    /** The same plan with other cut factors. */
    public SensitivityPlan withCutFactors(List<Double> factors) {
        return new SensitivityPlan(factors, subgroups);
    }

    /**
     * Subgroups by one moderator: either named groups with conditions, or (no groups) one subgroup per
     * distinct value found in the evidence models.
     *
     * @param moderator the moderator name
     * @param label     prefix of the variant names (defaults to the moderator)
     * @param groups    group name → condition, in order; empty for one group per value
     */
    public record Subgroups(String moderator, String label, Map<String, Condition> groups) {
        /** Defensive copy keeping order. */
        public Subgroups {
            groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
            if (moderator == null || moderator.isBlank()) {
                throw new IllegalArgumentException("a subgroup needs a moderator");
            }
            label = label == null || label.isBlank() ? moderator : label;
        }
    }
}
