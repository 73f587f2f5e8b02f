package org.ssmworkbench.core.sensitivity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sensitivity analysis varies beyond the fixed analyses (leave one out, rules, selectors,
 * assignments, dependence), and how much it reports.
 *
 * @param cutFactors       factors each cut point is multiplied by (0.9 and 1.1 are ±10%)
 * @param subgroups        subgroup definitions, in order
 * @param conflicts        per variant, the last step's K only (summary) or every step's K (full)
 * @param discountFactors  discount factors to re-run with (the exponent's factor of the discount for spread)
 * @param beliefThresholds inclusion: re-run with only the studies whose belief B is at least each value
 * @param studyTypes       inclusion: re-run with only the studies of each list of types
 * @param qualityItems     inclusion: re-run once per checklist item without the studies answering it "no"
 * @param orderSample      order dependence: orders sampled (seeded) for an effect with too many findings
 *                         to try every order
 * @param seed             seed of the order sample
 * @param years            publication year per study id (from the citations), for cumulative synthesis
 */
public record SensitivityPlan(List<Double> cutFactors, List<Subgroups> subgroups, Conflicts conflicts,
        List<Double> discountFactors, List<Double> beliefThresholds, List<List<String>> studyTypes,
        boolean qualityItems, int orderSample, long seed, Map<String, Integer> years) {

    /** The default cut factors: ±10% and ±25%. */
    public static final List<Double> DEFAULT_FACTORS = List.of(0.75, 0.9, 1.1, 1.25);
    /** The default discount factors beside the quantization synthesis' 0.1. */
    public static final List<Double> DEFAULT_DISCOUNT_FACTORS = List.of(0.05, 0.2);
    /** The default belief threshold. */
    public static final List<Double> DEFAULT_BELIEF_THRESHOLDS = List.of(0.5);
    /** The default study-type rule: experiments only. */
    public static final List<List<String>> DEFAULT_STUDY_TYPES = List.of(List.of("controlled-experiment",
            "quasi-experiment"));
    /** Orders sampled by default where not every order is tried. */
    public static final int DEFAULT_ORDER_SAMPLE = 200;

    /** How much of the per-step conflict a variant reports. */
    public enum Conflicts {
        /** K of the last step and the number of steps (default; lets leave-one-out share folds). */
        SUMMARY,
        /** Also K of every step and their mean (each variant folded step by step). */
        FULL;

        /** Lower-case id. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Defensive copies and validation.
     *
     * @throws IllegalArgumentException for a cut factor that is not a positive finite number other than
     *     1, a discount factor that is negative or not finite, a belief threshold outside [0, 1], an
     *     empty list of study types, or an order sample below 1
     */
    public SensitivityPlan {
        cutFactors = List.copyOf(cutFactors);
        subgroups = List.copyOf(subgroups);
        discountFactors = List.copyOf(discountFactors);
        beliefThresholds = List.copyOf(beliefThresholds);
        studyTypes = studyTypes.stream().map(List::copyOf).toList();
        years = Collections.unmodifiableMap(new LinkedHashMap<>(years));
        for (double f : cutFactors) {
            if (!(f > 0.0) || Double.isInfinite(f) || f == 1.0) {
                throw new IllegalArgumentException("cut factor " + f + " must be a positive number other than 1");
            }
        }
        for (double f : discountFactors) {
            if (!(f >= 0.0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("discount factor " + f + " must be a finite number ≥ 0");
            }
        }
        for (double b : beliefThresholds) {
            if (!(b >= 0.0 && b <= 1.0)) {
                throw new IllegalArgumentException("belief threshold " + b + " must be in [0, 1]");
            }
        }
        for (List<String> t : studyTypes) {
            if (t.isEmpty()) {
                throw new IllegalArgumentException("a study-type rule needs at least one type");
            }
        }
        if (orderSample < 1) {
            throw new IllegalArgumentException("order sample " + orderSample + " must be at least 1");
        }
    }

    /** Cut factors and subgroups, everything else by default. */
    public SensitivityPlan(List<Double> cutFactors, List<Subgroups> subgroups) {
        this(cutFactors, subgroups, Conflicts.SUMMARY, DEFAULT_DISCOUNT_FACTORS, DEFAULT_BELIEF_THRESHOLDS,
                DEFAULT_STUDY_TYPES, true, DEFAULT_ORDER_SAMPLE, 1L, Map.of());
    }

    /** Default factors, no subgroups. */
    public static SensitivityPlan defaults() {
        return new SensitivityPlan(DEFAULT_FACTORS, List.of());
    }

    /** The same plan with other cut factors. */
    public SensitivityPlan withCutFactors(List<Double> factors) {
        return new SensitivityPlan(factors, subgroups, conflicts, discountFactors, beliefThresholds, studyTypes,
                qualityItems, orderSample, seed, years);
    }

    /** The same plan reporting conflicts otherwise. */
    public SensitivityPlan withConflicts(Conflicts c) {
        return new SensitivityPlan(cutFactors, subgroups, c, discountFactors, beliefThresholds, studyTypes,
                qualityItems, orderSample, seed, years);
    }

    /** The same plan with other discount factors. */
    public SensitivityPlan withDiscountFactors(List<Double> f) {
        return new SensitivityPlan(cutFactors, subgroups, conflicts, f, beliefThresholds, studyTypes, qualityItems,
                orderSample, seed, years);
    }

    /** The same plan with other inclusion rules. */
    public SensitivityPlan withInclusion(List<Double> thresholds, List<List<String>> types, boolean items) {
        return new SensitivityPlan(cutFactors, subgroups, conflicts, discountFactors, thresholds, types, items,
                orderSample, seed, years);
    }

    /** The same plan with another order sample and seed. */
    public SensitivityPlan withOrders(int sample, long s) {
        return new SensitivityPlan(cutFactors, subgroups, conflicts, discountFactors, beliefThresholds, studyTypes,
                qualityItems, sample, s, years);
    }

    /** The same plan with publication years. */
    public SensitivityPlan withYears(Map<String, Integer> y) {
        return new SensitivityPlan(cutFactors, subgroups, conflicts, discountFactors, beliefThresholds, studyTypes,
                qualityItems, orderSample, seed, y);
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
