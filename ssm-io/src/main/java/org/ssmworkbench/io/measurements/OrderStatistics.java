package org.ssmworkbench.io.measurements;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ssmworkbench.core.synthesis.QuantileMethod;

/**
 * Exact quartiles of one group of RI values from a few of its order statistics, so that DuckDB never has
 * to sort (or even keep as a list) a group's values (decision 0049).
 *
 * <p>{@link QuantileMethod#quantile} needs the values at 0-based ranks lo = floor(q·(n − 1)) and
 * hi = min(lo + 1, n − 1): "nearest" one of them (rint(q·(n − 1)), ties to even), "linear" both. DuckDB's
 * {@code quantile_disc(ri, level)} returns an element of the group without sorting it (a selection),
 * at rank ⌈level·n⌉ − 1 (at least 0), computed in integer arithmetic when the level is a DECIMAL literal.
 * The aggregate asks for the {@link #levels} of a method; for most n they give the ranks needed:
 * <ul>
 * <li>level 0.25 gives lo of Q1 for every n, and level 0.25 + 10^−15 gives rank ⌈n/4⌉ − 1 except when n
 * is a multiple of 4, where it gives the next rank ("nearest"'s choice there);</li>
 * <li>level 0.75 gives lo of Q3 when n ≡ 0 or 1 (mod 4) and hi otherwise, level 0.75 + 10^−15 the next
 * rank when n is a multiple of 4.</li>
 * </ul>
 * A rank still missing is always next to one that was selected (for "nearest" only when n ≡ 7 (mod 8);
 * for "linear" when n ≡ 2 or 3 (mod 4)): {@link #plan} names it as the element just above or below a known
 * value x, which a second scan finds from the counts of values below and up to x and the largest value
 * below x or the smallest above it. The quartile is then finished with exactly the arithmetic of
 * {@link QuantileMethod#quantile}, so the result is bit for bit what sorting would give (only −0.0 and
 * 0.0, which compare equal, may stand for each other).
 */
final class OrderStatistics {

    /** The levels as exact decimal literals (DuckDB computes the rank of a DECIMAL level in integers). */
    static final String Q1_LO = "0.25";
    static final String Q1_NEXT = "0.250000000000001";
    static final String Q3 = "0.75";
    static final String Q3_NEXT = "0.750000000000001";

    /**
     * The largest group for which the levels above keep their ranks: 10^−15·n must stay below 1/4. A
     * larger group (10^14 values) is refused rather than summarized with a rank off by one.
     */
    static final long MAX_N = 100_000_000_000_000L;

    private OrderStatistics() {
    }

    /** The quantile_disc levels the aggregate asks for under a method, in ascending order. */
    static List<String> levels(QuantileMethod method) {
        return method == QuantileMethod.NEAREST ? List.of(Q1_NEXT, Q3) : List.of(Q1_LO, Q1_NEXT, Q3, Q3_NEXT);
    }

    /** The 0-based rank that DuckDB's quantile_disc selects at a decimal level among n values. */
    static long discRank(String level, long n) {
        BigDecimal p = new BigDecimal(level).multiply(BigDecimal.valueOf(n));
        return Math.max(0, p.setScale(0, RoundingMode.CEILING).longValueExact() - 1);
    }

    /** A value still needed: the element at {@code rank}, right above (or below) the known {@code value}. */
    record Request(int group, long rank, long knownRank, double value) {

        boolean above() {
            return rank > knownRank;
        }

        /**
         * The element at {@code rank} from the counts of the group's values below and up to {@code value},
         * and the largest value below it or the smallest above it (null if none).
         */
        double resolve(long below, long upTo, Double prev, Double next) {
            if (above() ? rank < upTo : rank >= below) {
                return value;
            }
            Double v = above() ? next : prev;
            if (v == null || below > knownRank || upTo <= knownRank) {
                throw new IllegalStateException("order statistic " + rank + " not found next to " + value
                        + " (rank " + knownRank + "; " + below + " below, " + upTo + " up to it)");
            }
            return v;
        }
    }

    /** One group's selected order statistics, completed by {@link #plan} and {@link #put}. */
    static final class Group {
        private final int index;
        private final long n;
        private final QuantileMethod method;
        private final Double max;
        private final Map<Long, Double> known = new TreeMap<>();

        /**
         * @param values the quantile_disc results at {@link #levels}, in that order (null entries for
         *               n = 0)
         * @param max    the group's largest value
         */
        Group(int index, long n, QuantileMethod method, List<Double> values, Double max) {
            this.index = index;
            this.n = n;
            this.method = method;
            this.max = max;
            if (n > MAX_N) {
                throw new IllegalArgumentException("a group of " + n + " values is more than the "
                        + MAX_N + " the exact quartiles are computed for");
            }
            List<String> levels = levels(method);
            for (int i = 0; i < levels.size() && n > 0; i++) {
                known.put(discRank(levels.get(i), n), values.get(i));
            }
        }

        /** The order statistics still needed for both quartiles, each next to a known one. */
        List<Request> plan() {
            List<Request> out = new ArrayList<>();
            if (n == 0) {
                return out;
            }
            for (double q : new double[] {0.25, 0.75}) {
                for (long rank : needed(q)) {
                    if (known.containsKey(rank) || out.stream().anyMatch(r -> r.rank() == rank)) {
                        continue;
                    }
                    long from = known.containsKey(rank - 1) ? rank - 1 : rank + 1;
                    Double v = known.get(from);
                    if (v == null) {
                        throw new IllegalStateException("no order statistic next to rank " + rank + " of " + n);
                    }
                    out.add(new Request(index, rank, from, v));
                }
            }
            return out;
        }

        private List<Long> needed(double q) {
            double pos = q * (n - 1);
            long lo = (long) Math.floor(pos);
            long hi = Math.min(lo + 1, n - 1);
            if (method == QuantileMethod.NEAREST) {
                return List.of((long) Math.rint(pos));
            }
            if (hi == lo || pos == lo && spreadIsFinite(lo)) {
                return List.of(lo);
            }
            return List.of(lo, hi);
        }

        /**
         * Whether v[hi] − v[lo] is certainly finite, so that (v[hi] − v[lo])·0 is +0 and v[hi] is not
         * needed: true when max − v[lo] is finite (v[lo] must be known).
         */
        private boolean spreadIsFinite(long lo) {
            Double v = known.get(lo);
            return v != null && max != null && Double.isFinite(max - v);
        }

        void put(Request r, double value) {
            known.put(r.rank(), value);
        }

        /** The q-quartile (0.25 or 0.75) with the arithmetic of {@link QuantileMethod#quantile}, or null for n = 0. */
        Double quartile(double q) {
            if (n == 0) {
                return null;
            }
            double pos = q * (n - 1);
            if (method == QuantileMethod.NEAREST) {
                return value((long) Math.rint(pos));
            }
            long lo = (long) Math.floor(pos);
            long hi = Math.min(lo + 1, n - 1);
            double frac = pos - lo;
            double vlo = value(lo);
            double vhi = hi == lo || pos == lo && !known.containsKey(hi) ? vlo : value(hi);
            return vlo + (vhi - vlo) * frac;
        }

        private double value(long rank) {
            Double v = known.get(rank);
            if (v == null) {
                throw new IllegalStateException("order statistic " + rank + " of " + n + " was not selected");
            }
            return v;
        }
    }
}
