package org.ssmworkbench.core.synthesis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The formulas that turn what a study reports into what the method needs (docs/method-statistics.md,
 * each formula with a worked example there and in {@code DesignsTest}):
 * <ul>
 * <li>a summary of relative improvements with a standard deviation instead of an IQR;</li>
 * <li>two independent groups (baseline and treated) with n, mean and SD, or n, median and quartiles:
 *     a relative improvement of the two locations, with its spread;</li>
 * <li>a standardized mean difference (Hedges' g, Cohen's d), reported or computed from two groups.</li>
 * </ul>
 * Each result is a location (the mean RI in percent, or g), the spread that enters the discount
 * d = 1 − exp(−factor × |spread / location|), and the derivation for the trace.
 */
public final class Designs {

    private Designs() {
    }

    /**
     * What a design yields.
     *
     * @param statistics the RI summary (empty for a standardized effect)
     * @param location   the mean RI in percent, or g with its sign turned so that positive is an improvement
     * @param spread     the spread that enters the discount, in the location's units
     * @param derivation every intermediate value and policy note
     */
    public record Derived(Optional<SummaryStatistics> statistics, double location, double spread,
            Derivation derivation) {
    }

    /**
     * An RI summary given with a standard deviation and no IQR: IQR = k × SD (k = 1.349 by default,
     * the IQR of a normal distribution); with the estimate basis, the spread is IQR / √n.
     *
     * @throws IllegalArgumentException if the estimate basis is chosen and n is unknown
     */
    public static Derived riWithSd(OptionalLong n, double meanRi, double sd, SpreadPolicy policy) {
        Map<String, Double> v = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        double iqr = policy.sdToIqr() * sd;
        v.put("sd_ri", sd);
        v.put("iqr_ri", iqr);
        notes.add("no IQR reported: IQR = " + num(policy.sdToIqr()) + " × SD (spread policy)");
        double spread = iqr;
        if (policy.basis() == SpreadPolicy.Basis.ESTIMATE) {
            spread = iqr / Math.sqrt(need(n, "n").getAsLong());
            v.put("spread", spread);
            notes.add("spread basis estimate: IQR / √n");
        }
        SummaryStatistics s = new SummaryStatistics(n, meanRi, OptionalDouble.of(sd), OptionalDouble.empty(),
                OptionalDouble.empty(), iqr);
        return new Derived(Optional.of(s), meanRi, spread, new Derivation("ri-summary", v, notes));
    }

    /**
     * The spread of an RI summary (given, or from raw runs) under the estimate basis: IQR / √n.
     *
     * @throws IllegalArgumentException if n is unknown
     */
    public static Derived riEstimate(SummaryStatistics s) {
        long n = need(s.n(), "n").getAsLong();
        Map<String, Double> v = new LinkedHashMap<>();
        double spread = s.iqr() / Math.sqrt(n);
        v.put("spread", spread);
        return new Derived(Optional.of(s), s.mean(), spread, new Derivation("ri-summary", v,
                List.of("spread basis estimate: IQR / √n")));
    }

    /**
     * Two independent groups as relative improvement. The location is the groups' means if both give
     * one, else their medians: RI = (t − b) / b × 100 (higher is better) or (b − t) / b × 100. The
     * spread is that of (x_t − x_b) / b × 100 for one subject drawn from each group:
     * sd_RI = 100 × √(sd_b² + sd_t²) / |b| and IQR_RI = k × sd_RI from the SDs, or
     * IQR_RI = 100 × √(IQR_b² + IQR_t²) / |b| from the quartiles (exact for normal groups; k = 1.349).
     * With the estimate basis each group's term is divided by its n (the spread of the difference of
     * the two estimates).
     *
     * @throws IllegalArgumentException if the groups do not give the same location, the baseline
     *                                  location is 0, or neither both SDs nor both quartile pairs are given
     */
    public static Derived groups(Direction direction, GroupSummary b, GroupSummary t, SpreadPolicy policy) {
        Map<String, Double> v = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        boolean means = b.mean().isPresent() && t.mean().isPresent();
        double lb;
        double lt;
        if (means) {
            lb = b.mean().getAsDouble();
            lt = t.mean().getAsDouble();
        } else if (b.median().isPresent() && t.median().isPresent()) {
            lb = b.median().getAsDouble();
            lt = t.median().getAsDouble();
            notes.add("location: medians (the groups give no pair of means)");
        } else {
            throw new IllegalArgumentException("the two groups must both give a mean, or both a median");
        }
        if (lb == 0.0) {
            throw new IllegalArgumentException("the baseline group's " + (means ? "mean" : "median")
                    + " is 0, so the relative improvement is undefined");
        }
        double ri = direction.relativeImprovement(lb, lt);
        v.put(means ? "mean_baseline" : "median_baseline", lb);
        v.put(means ? "mean_treated" : "median_treated", lt);
        v.put("ri", ri);
        boolean estimate = policy.basis() == SpreadPolicy.Basis.ESTIMATE;
        double wb = estimate ? 1.0 / b.n() : 1.0;
        double wt = estimate ? 1.0 / t.n() : 1.0;
        double iqr;
        OptionalDouble sdRi = OptionalDouble.empty();
        if (b.sd().isPresent() && t.sd().isPresent()) {
            double sb = b.sd().getAsDouble();
            double st = t.sd().getAsDouble();
            double s = 100.0 * Math.sqrt(sb * sb * wb + st * st * wt) / Math.abs(lb);
            sdRi = OptionalDouble.of(s);
            iqr = policy.sdToIqr() * s;
            v.put("sd_ri", s);
            notes.add("IQR of RI = " + num(policy.sdToIqr()) + " × SD of RI (spread policy)");
        } else if (b.q1().isPresent() && t.q1().isPresent()) {
            double ib = b.q3().getAsDouble() - b.q1().getAsDouble();
            double it = t.q3().getAsDouble() - t.q1().getAsDouble();
            iqr = 100.0 * Math.sqrt(ib * ib * wb + it * it * wt) / Math.abs(lb);
            v.put("iqr_baseline", ib);
            v.put("iqr_treated", it);
        } else {
            throw new IllegalArgumentException("give a standard deviation for both groups, or q1 and q3 for both");
        }
        v.put("iqr_ri", iqr);
        if (estimate) {
            notes.add("spread basis estimate: each group's spread divided by its n");
        }
        SummaryStatistics s = new SummaryStatistics(OptionalLong.empty(), ri, sdRi, OptionalDouble.empty(),
                OptionalDouble.empty(), iqr);
        return new Derived(Optional.of(s), ri, iqr, new Derivation("groups", v, notes));
    }

    /** Hedges' small-sample correction J = 1 − 3 / (4 (n_b + n_t) − 9). */
    public static double hedgesJ(long nb, long nt) {
        return 1.0 - 3.0 / (4.0 * (nb + nt) - 9.0);
    }

    /** The pooled standard deviation √(((n_b − 1) sd_b² + (n_t − 1) sd_t²) / (n_b + n_t − 2)). */
    public static double pooledSd(long nb, double sb, long nt, double st) {
        return Math.sqrt(((nb - 1) * sb * sb + (nt - 1) * st * st) / (nb + nt - 2));
    }

    /**
     * Hedges' g of two groups: d = (m_t − m_b) / s_pooled, g = J × d, its standard error
     * SE = J × √((n_b + n_t) / (n_b n_t) + d² / (2 (n_b + n_t))). The sign is then turned so that
     * positive means improvement (negated when lower is better).
     *
     * @throws IllegalArgumentException if a group lacks a mean or SD, has fewer than 2 members, or the
     *                                  pooled SD is 0
     */
    public static EffectSize hedges(GroupSummary b, GroupSummary t) {
        if (!b.hasMeanAndSd() || !t.hasMeanAndSd()) {
            throw new IllegalArgumentException("a standardized effect needs n, mean and sd for both groups");
        }
        if (b.n() < 2 || t.n() < 2) {
            throw new IllegalArgumentException("each group needs at least 2 members for a standard deviation");
        }
        double sp = pooledSd(b.n(), b.sd().getAsDouble(), t.n(), t.sd().getAsDouble());
        if (sp == 0.0) {
            throw new IllegalArgumentException("the pooled standard deviation is 0: no standardized effect");
        }
        double d = (t.mean().getAsDouble() - b.mean().getAsDouble()) / sp;
        return new EffectSize(EffectSize.Kind.D, d, OptionalLong.of(b.n()), OptionalLong.of(t.n()),
                OptionalDouble.empty());
    }

    /**
     * A standardized effect as the method reads it: g (Cohen's d corrected by J; a reported g as is),
     * its standard error (reported, else from the group sizes), its sign turned so that positive is an
     * improvement, and the spread for the discount: k × √2 with the sample basis (the IQR, in units of
     * the pooled SD, of the difference between one subject of each group, as for two groups' RI), or
     * k × SE with the estimate basis.
     */
    public static Derived effectSize(Direction direction, EffectSize es, SpreadPolicy policy) {
        Map<String, Double> v = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        double g;
        double d;
        OptionalDouble j = OptionalDouble.empty();
        if (es.nBaseline().isPresent()) {
            j = OptionalDouble.of(hedgesJ(es.nBaseline().getAsLong(), es.nTreated().getAsLong()));
        }
        if (es.kind() == EffectSize.Kind.D) {
            d = es.value();
            g = j.getAsDouble() * d;
            v.put("d", d);
            v.put("j", j.getAsDouble());
        } else {
            g = es.value();
            d = j.isPresent() ? g / j.getAsDouble() : Double.NaN;
        }
        v.put("g", g);
        double se;
        if (es.se().isPresent()) {
            se = es.se().getAsDouble();
            if (es.kind() == EffectSize.Kind.D) {
                se = j.getAsDouble() * se;
                notes.add("SE of g = J × the reported SE of d");
            }
        } else {
            long nb = es.nBaseline().getAsLong();
            long nt = es.nTreated().getAsLong();
            se = j.getAsDouble() * Math.sqrt((double) (nb + nt) / ((double) nb * nt) + d * d / (2.0 * (nb + nt)));
        }
        v.put("se", se);
        double oriented = direction == Direction.HIGHER_IS_BETTER ? g : -g;
        if (direction == Direction.LOWER_IS_BETTER) {
            notes.add("lower is better: g negated, so that positive is an improvement");
        }
        v.put("g_improvement", oriented);
        double spread;
        if (policy.basis() == SpreadPolicy.Basis.ESTIMATE) {
            spread = policy.sdToIqr() * se;
            notes.add("spread basis estimate: " + num(policy.sdToIqr()) + " × SE");
        } else {
            spread = policy.sdToIqr() * Math.sqrt(2.0);
            notes.add("spread basis sample: " + num(policy.sdToIqr()) + " × √2 pooled SDs");
        }
        v.put("spread", spread);
        return new Derived(Optional.empty(), oriented, spread, new Derivation("effect-size", v, notes));
    }

    private static OptionalLong need(OptionalLong n, String name) {
        if (n.isEmpty()) {
            throw new IllegalArgumentException("the spread basis 'estimate' needs " + name
                    + " (the number of samples); give it, or use the basis 'sample'");
        }
        return n;
    }

    private static String num(double x) {
        return Double.toString(DiscountPolicy.round(x, 3));
    }
}
