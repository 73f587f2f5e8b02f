package org.ssmworkbench.core.synthesis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.ssm.ResultSelector;

/**
 * Every choice the method leaves to the researcher, in one value (docs/method.md marks them as policies).
 *
 * @param rule       combination rule
 * @param selector   result selector
 * @param assignment mass assignment
 * @param quantiles  quartile method for raw samples
 * @param discount   discount and rounding
 * @param cutPoints  cut points per metric family
 * @param bands      belief band per study type
 * @param spread     how a spread is derived when no IQR of RI is reported, and what it measures
 */
public record Policies(CombinationRule rule, ResultSelector selector, MassAssignment assignment,
        QuantileMethod quantiles, DiscountPolicy discount, Map<String, CutPoints> cutPoints, QualityBands bands,
        SpreadPolicy spread) {

    /** Defensive copy keeping order. */
    public Policies {
        cutPoints = Collections.unmodifiableMap(new LinkedHashMap<>(cutPoints));
        if (spread == null) {
            throw new IllegalArgumentException("spread policy is required");
        }
    }

    /** Policies with the default spread policy. */
    public Policies(CombinationRule rule, ResultSelector selector, MassAssignment assignment,
            QuantileMethod quantiles, DiscountPolicy discount, Map<String, CutPoints> cutPoints, QualityBands bands) {
        this(rule, selector, assignment, quantiles, discount, cutPoints, bands, SpreadPolicy.standard());
    }

    /** The quantization synthesis' policies (docs/method.md sections 3–6). */
    public static Policies quantization() {
        Map<String, CutPoints> cuts = new LinkedHashMap<>();
        cuts.put("correctness", CutPoints.correctness());
        cuts.put("resource", CutPoints.resource());
        return new Policies(CombinationRule.DEMPSTER, ResultSelector.EVIDENCE_FACTORY, MassAssignment.PUBLISHED,
                QuantileMethod.NEAREST, DiscountPolicy.quantization(), cuts, QualityBands.ssm());
    }

    /** A copy with another rule. */
    public Policies withRule(CombinationRule r) {
        return new Policies(r, selector, assignment, quantiles, discount, cutPoints, bands, spread);
    }

    /** A copy with another selector. */
    public Policies withSelector(ResultSelector s) {
        return new Policies(rule, s, assignment, quantiles, discount, cutPoints, bands, spread);
    }

    /** A copy with another mass assignment. */
    public Policies withAssignment(MassAssignment a) {
        return new Policies(rule, selector, a, quantiles, discount, cutPoints, bands, spread);
    }

    /** A copy with another discount policy. */
    public Policies withDiscount(DiscountPolicy d) {
        return new Policies(rule, selector, assignment, quantiles, d, cutPoints, bands, spread);
    }

    /** A copy with one family's cut points replaced. */
    public Policies withCutPoints(CutPoints c) {
        Map<String, CutPoints> m = new LinkedHashMap<>(cutPoints);
        m.put(c.family(), c);
        return new Policies(rule, selector, assignment, quantiles, discount, m, bands, spread);
    }

    /** A copy with another spread policy. */
    public Policies withSpread(SpreadPolicy s) {
        return new Policies(rule, selector, assignment, quantiles, discount, cutPoints, bands, s);
    }

    /**
     * The cut table on |g| for standardized effects: the project's family "standardized" if it declares
     * one, else {@link CutPoints#standardized()}.
     */
    public CutPoints standardizedCuts() {
        CutPoints c = cutPoints.get(CutPoints.STANDARDIZED);
        return c == null ? CutPoints.standardized() : c;
    }

    /**
     * The cut points of a family.
     *
     * @throws IllegalArgumentException naming the known families
     */
    public CutPoints cuts(String family) {
        CutPoints c = cutPoints.get(family);
        if (c == null) {
            throw new IllegalArgumentException("no cut points for family '" + family + "' (known: "
                    + String.join(", ", cutPoints.keySet()) + ")");
        }
        return c;
    }
}
