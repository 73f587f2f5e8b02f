package org.ssmworkbench.core.belief;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable basic belief assignment (mass function) on a {@link Frame}.
 *
 * <p>Focal sets are bit masks; only sets with a mass above zero are kept, in canonical order
 * (fewer atoms first, then by the frame position of their atoms). Valid functions built with
 * {@link #of(Frame, Map)} or {@link Builder} have every mass in [0, 1], a sum of 1 within
 * {@value #SUM_TOLERANCE} (renormalized to 1 when further than {@value #RENORMALIZE_ABOVE} from it),
 * and no mass on the empty set. Only the unnormalized conjunctive rule
 * produces functions with mass on ∅ ({@link #emptyMass()}).
 *
 * <p>All operations return new values; nothing here mutates.
 */
public final class MassFunction {

    /** How far the masses of a valid function may sum away from 1. */
    public static final double SUM_TOLERANCE = 1e-9;

    /**
     * A built function whose masses sum further than this from 1 (but within {@link #SUM_TOLERANCE}) is
     * divided by its sum, so that no measure computed from it exceeds 1. Closer sums are the rounding
     * of decimal inputs (0.1 + 0.2 + 0.7) and are kept as given.
     */
    public static final double RENORMALIZE_ABOVE = 1e-12;

    /** Canonical focal-set order: fewer atoms first, then the set holding the lowest differing atom. */
    public static final Comparator<Long> CANONICAL_ORDER = (a, b) -> compareSets(a, b);

    private final Frame frame;
    private final long[] sets;
    private final double[] masses;

    private MassFunction(Frame frame, long[] sets, double[] masses) {
        this.frame = frame;
        this.sets = sets;
        this.masses = masses;
    }

    // ------------------------------------------------------------------ factories

    /**
     * A validated mass function from a map of focal sets to masses. Zero masses are dropped.
     *
     * @throws InvalidMassException if a mass is NaN, infinite or outside [0, 1], the empty set has
     *     mass, or the masses do not sum to 1 within {@value #SUM_TOLERANCE}
     * @throws FrameException if a set lies outside the frame
     */
    public static MassFunction of(Frame frame, Map<Long, Double> masses) {
        Builder b = builder(frame);
        masses.forEach(b::put);
        return b.build();
    }

    /** The vacuous function: all mass on Θ (total ignorance); the neutral element of Dempster's rule. */
    public static MassFunction vacuous(Frame frame) {
        return new MassFunction(frame, new long[] {frame.theta()}, new double[] {1.0});
    }

    /**
     * The simple support function of one finding: m(H) = s, m(Θ) = 1 − s.
     *
     * @throws InvalidMassException if s is outside [0, 1] or H is empty
     */
    public static MassFunction simpleSupport(Frame frame, long hypothesis, double support) {
        checkMass(frame, hypothesis, support);
        if (hypothesis == 0L) {
            throw new InvalidMassException("a simple support function needs a non-empty hypothesis");
        }
        if (hypothesis == frame.theta() || support == 0.0) {
            return vacuous(frame);
        }
        if (support == 1.0) {
            return new MassFunction(frame, new long[] {hypothesis}, new double[] {1.0});
        }
        // canonical order: H has fewer atoms than Θ
        return new MassFunction(frame, new long[] {hypothesis, frame.theta()}, new double[] {support, 1.0 - support});
    }

    /** A fresh builder for a validated function on {@code frame}. */
    public static Builder builder(Frame frame) {
        return new Builder(frame);
    }

    /**
     * Result of a combination rule: masses are trusted (non-negative by construction), may carry
     * mass on ∅ when {@code allowEmpty}, and are put in canonical order. Zero masses are dropped.
     */
    static MassFunction fromRule(Frame frame, long[] sets, double[] masses, int count) {
        long[] s = new long[count];
        double[] m = new double[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (masses[i] > 0.0) {
                s[n] = sets[i];
                m[n++] = masses[i];
            }
        }
        sortCanonically(s, m, n);
        return new MassFunction(frame, n == count ? s : Arrays.copyOf(s, n), n == count ? m : Arrays.copyOf(m, n));
    }

    /** Sorts the first n sets into canonical order, their masses along (the sets are distinct). */
    private static void sortCanonically(long[] s, double[] m, int n) {
        if (n <= 64) {
            // insertion sort: focal-set counts are small in practice, and this allocates nothing
            for (int i = 1; i < n; i++) {
                long ks = s[i];
                double km = m[i];
                int j = i - 1;
                while (j >= 0 && compareSets(s[j], ks) > 0) {
                    s[j + 1] = s[j];
                    m[j + 1] = m[j];
                    j--;
                }
                s[j + 1] = ks;
                m[j + 1] = km;
            }
            return;
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> compareSets(s[x], s[y]));
        long[] s2 = new long[n];
        double[] m2 = new double[n];
        for (int i = 0; i < n; i++) {
            s2[i] = s[idx[i]];
            m2[i] = m[idx[i]];
        }
        System.arraycopy(s2, 0, s, 0, n);
        System.arraycopy(m2, 0, m, 0, n);
    }

    /**
     * Dempster's normalization of an unnormalized function: drops ∅ and divides the rest by their sum.
     * Keeps the canonical order, so no sorting is needed. Returns null if no non-empty set has mass.
     */
    MassFunction normalized() {
        int start = sets.length > 0 && sets[0] == 0L ? 1 : 0;
        double norm = 0.0;
        for (int i = start; i < sets.length; i++) {
            norm += masses[i];
        }
        if (norm <= 0.0) {
            return null;
        }
        long[] s = Arrays.copyOfRange(sets, start, sets.length);
        double[] m = new double[s.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = masses[start + i] / norm;
        }
        return new MassFunction(frame, s, m);
    }

    /** Moves the mass on ∅ to Θ (Yager). */
    MassFunction emptyToTheta() {
        if (sets.length == 0 || sets[0] != 0L) {
            return this;
        }
        long theta = frame.theta();
        double k = masses[0];
        int n = sets.length - 1;
        boolean hasTheta = n > 0 && sets[sets.length - 1] == theta;
        long[] s = new long[hasTheta ? n : n + 1];
        double[] m = new double[s.length];
        System.arraycopy(sets, 1, s, 0, n);
        System.arraycopy(masses, 1, m, 0, n);
        if (hasTheta) {
            m[n - 1] += k;
        } else {
            s[n] = theta;
            m[n] = k;
        }
        return new MassFunction(frame, s, m);
    }

    private static void checkMass(Frame frame, long set, double mass) {
        if (!frame.contains(set)) {
            throw new FrameException("focal set " + Long.toBinaryString(set) + " lies outside " + frame);
        }
        if (Double.isNaN(mass) || Double.isInfinite(mass) || mass < 0.0 || mass > 1.0) {
            throw new InvalidMassException("mass of " + describeSet(frame, set) + " is " + mass
                    + ", outside [0, 1]");
        }
    }

    // ------------------------------------------------------------------ accessors

    /** The frame this function lives on. */
    public Frame frame() {
        return frame;
    }

    /** Number of focal sets (sets with mass above zero). */
    public int size() {
        return sets.length;
    }

    /** The focal set at position {@code i} of the canonical order. */
    public long focalSet(int i) {
        return sets[i];
    }

    /** The mass at position {@code i} of the canonical order. */
    public double massAt(int i) {
        return masses[i];
    }

    /** The focal sets, in canonical order (a copy). */
    public long[] focalSets() {
        return sets.clone();
    }

    /** The focal sets with their masses, in canonical order. */
    public List<Focal> focals() {
        List<Focal> out = new ArrayList<>(sets.length);
        for (int i = 0; i < sets.length; i++) {
            out.add(new Focal(sets[i], masses[i]));
        }
        return Collections.unmodifiableList(out);
    }

    /** m(A): the mass given exactly to {@code set} (0 if it is not focal). */
    public double mass(long set) {
        for (int i = 0; i < sets.length; i++) {
            if (sets[i] == set) {
                return masses[i];
            }
        }
        return 0.0;
    }

    /** m(∅): non-zero only for results of the unnormalized conjunctive rule. */
    public double emptyMass() {
        return mass(0L);
    }

    /** The sum of all masses (1 up to rounding). */
    public double total() {
        double t = 0.0;
        for (double m : masses) {
            t += m;
        }
        return t;
    }

    // ------------------------------------------------------------------ measures

    /** Bel(A) = Σ m(B) over non-empty B ⊆ A. */
    public double belief(long set) {
        double s = 0.0;
        for (int i = 0; i < sets.length; i++) {
            long b = sets[i];
            if (b != 0L && (b & ~set) == 0L) {
                s += masses[i];
            }
        }
        return s;
    }

    /** Pl(A) = Σ m(B) over B with B ∩ A ≠ ∅. */
    public double plausibility(long set) {
        double s = 0.0;
        for (int i = 0; i < sets.length; i++) {
            if ((sets[i] & set) != 0L) {
                s += masses[i];
            }
        }
        return s;
    }

    /** Commonality Q(A) = Σ m(B) over B ⊇ A. */
    public double commonality(long set) {
        double s = 0.0;
        for (int i = 0; i < sets.length; i++) {
            if ((set & ~sets[i]) == 0L) {
                s += masses[i];
            }
        }
        return s;
    }

    /**
     * The pignistic probability of every atom, in frame order:
     * BetP(x) = Σ over A ∋ x of m(A) / |A| / (1 − m(∅)).
     *
     * @throws InvalidMassException if all mass is on ∅ (BetP is undefined)
     */
    public double[] pignistic() {
        double norm = 1.0 - emptyMass();
        double[] p = new double[frame.size()];
        double nonEmpty = 0.0;
        for (int i = 0; i < sets.length; i++) {
            if (sets[i] != 0L) {
                nonEmpty += masses[i];
            }
        }
        if (nonEmpty <= 0.0) {
            throw new InvalidMassException("the pignistic transform is undefined: all mass is on the empty set");
        }
        for (int i = 0; i < sets.length; i++) {
            long a = sets[i];
            if (a == 0L) {
                continue;
            }
            double share = masses[i] / Long.bitCount(a) / norm;
            long rest = a;
            while (rest != 0L) {
                p[Long.numberOfTrailingZeros(rest)] += share;
                rest &= rest - 1;
            }
        }
        return p;
    }

    /** BetP(A): the pignistic probability of a set (sum over its atoms). */
    public double pignistic(long set) {
        double[] p = pignistic();
        double s = 0.0;
        long rest = set;
        while (rest != 0L) {
            s += p[Long.numberOfTrailingZeros(rest)];
            rest &= rest - 1;
        }
        return s;
    }

    // ------------------------------------------------------------------ operations

    /**
     * Shafer's discounting by a reliability factor α: m'(A) = α·m(A) for A ≠ Θ and
     * m'(Θ) = α·m(Θ) + (1 − α). α = 1 keeps the function, α = 0 gives the vacuous function.
     *
     * @throws IllegalArgumentException if α is not in [0, 1]
     */
    public MassFunction discount(double reliability) {
        if (Double.isNaN(reliability) || reliability < 0.0 || reliability > 1.0) {
            throw new IllegalArgumentException("reliability must be in [0, 1], got " + reliability);
        }
        long theta = frame.theta();
        long[] s = Arrays.copyOf(sets, sets.length + 1);
        double[] m = new double[sets.length + 1];
        boolean hasTheta = false;
        for (int i = 0; i < sets.length; i++) {
            m[i] = reliability * masses[i];
            if (sets[i] == theta) {
                m[i] += 1.0 - reliability;
                hasTheta = true;
            }
        }
        int n = sets.length;
        if (!hasTheta) {
            s[n] = theta;
            m[n] = 1.0 - reliability;
            n++;
        }
        return fromRule(frame, s, m, n);
    }

    /** Combines this function with another by a pairwise rule; see {@link CombinationRule#combine}. */
    public MassFunction combine(MassFunction other, CombinationRule rule) {
        return rule.combine(this, other).result();
    }

    /** Whether both functions have the same focal sets with masses within {@code tolerance}. */
    public boolean approximatelyEquals(MassFunction other, double tolerance) {
        if (!frame.equals(other.frame)) {
            return false;
        }
        Map<Long, Double> mine = toMap();
        Map<Long, Double> theirs = other.toMap();
        for (Map.Entry<Long, Double> e : mine.entrySet()) {
            if (Math.abs(e.getValue() - theirs.getOrDefault(e.getKey(), 0.0)) > tolerance) {
                return false;
            }
        }
        for (Map.Entry<Long, Double> e : theirs.entrySet()) {
            if (!mine.containsKey(e.getKey()) && Math.abs(e.getValue()) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** The focal sets and masses as a fresh (mutable, unordered) map. */
    public Map<Long, Double> toMap() {
        Map<Long, Double> out = new HashMap<>();
        for (int i = 0; i < sets.length; i++) {
            out.put(sets[i], masses[i]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MassFunction m && m.frame.equals(frame) && Arrays.equals(m.sets, sets)
                && Arrays.equals(m.masses, masses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(frame, Arrays.hashCode(sets), Arrays.hashCode(masses));
    }

    /** A compact description such as {@code {PO,SP}:0.65 Θ:0.35}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sets.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(describeSet(frame, sets[i])).append(':').append(masses[i]);
        }
        return sb.length() == 0 ? "(empty)" : sb.toString();
    }

    /**
     * {@link #toString()} for messages: cut after about 200 characters, with the number of focal sets,
     * so that an error about a huge function stays readable.
     */
    public String abbreviated() {
        if (sets.length <= 8) {
            return toString();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sets.length && sb.length() < 200; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(describeSet(frame, sets[i])).append(':').append(masses[i]);
        }
        String all = toString();
        return sb.length() >= all.length() ? all : sb + " … (" + sets.length + " focal sets)";
    }

    /** "{a,b}", "Θ" for the whole frame, "∅" for the empty set. */
    public static String describeSet(Frame frame, long set) {
        if (set == 0L) {
            return "∅";
        }
        if (set == frame.theta() && frame.size() > 1) {
            return "Θ";
        }
        return "{" + frame.format(set) + "}";
    }

    static int compareSets(long a, long b) {
        int c = Integer.compare(Long.bitCount(a), Long.bitCount(b));
        if (c != 0 || a == b) {
            return c;
        }
        long lowestDifference = Long.lowestOneBit(a ^ b);
        return (a & lowestDifference) != 0 ? -1 : 1;
    }

    /** One focal set and its mass. */
    public record Focal(long set, double mass) {
    }

    /** Mutable builder of a validated {@link MassFunction}; not thread-safe, single use. */
    public static final class Builder {
        /** Up to this many sets are looked up by a scan; more get a hash index. */
        private static final int SCAN_LIMIT = 16;

        private final Frame frame;
        private long[] sets = new long[8];
        private double[] values = new double[8];
        private int count;
        private Map<Long, Integer> index;

        private Builder(Frame frame) {
            this.frame = Objects.requireNonNull(frame, "frame");
        }

        /**
         * Sets the mass of a focal set.
         *
         * @throws InvalidMassException if the set was already given or the mass is not in [0, 1]
         */
        public Builder put(long set, double mass) {
            checkMass(frame, set, mass);
            if (find(set) >= 0) {
                throw new InvalidMassException("focal set " + describeSet(frame, set) + " is given twice");
            }
            append(set, mass);
            return this;
        }

        /** Adds to the mass of a focal set (creating it if needed). */
        public Builder add(long set, double mass) {
            checkMass(frame, set, mass);
            int i = find(set);
            if (i >= 0) {
                values[i] = values[i] + mass;
            } else {
                append(set, mass);
            }
            return this;
        }

        private int find(long set) {
            if (index != null) {
                Integer i = index.get(set);
                return i == null ? -1 : i;
            }
            for (int i = 0; i < count; i++) {
                if (sets[i] == set) {
                    return i;
                }
            }
            return -1;
        }

        private void append(long set, double mass) {
            if (count == sets.length) {
                sets = Arrays.copyOf(sets, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            sets[count] = set;
            values[count] = mass;
            count++;
            if (index != null) {
                index.put(set, count - 1);
            } else if (count > SCAN_LIMIT) {
                index = new HashMap<>(2 * count);
                for (int i = 0; i < count; i++) {
                    index.put(sets[i], i);
                }
            }
        }

        /**
         * Validates and builds.
         *
         * @throws InvalidMassException if ∅ has mass or the masses do not sum to 1
         */
        public MassFunction build() {
            int e = find(0L);
            double empty = e >= 0 ? values[e] : 0.0;
            if (empty > 0.0) {
                throw new InvalidMassException("the empty set has mass " + empty
                        + "; only the unnormalized conjunctive rule may put mass on ∅");
            }
            int n = count;
            long[] s = Arrays.copyOf(sets, n);
            double[] m = Arrays.copyOf(values, n);
            sortCanonically(s, m, n);
            double total = 0.0;
            for (int i = 0; i < n; i++) {
                double v = m[i];
                if (v > 1.0) {
                    throw new InvalidMassException("mass of " + describeSet(frame, s[i]) + " is " + v + ", above 1");
                }
                total += v;
            }
            if (Math.abs(total - 1.0) > SUM_TOLERANCE) {
                throw new InvalidMassException("masses sum to " + total + ", not 1 (tolerance "
                        + SUM_TOLERANCE + ")");
            }
            if (Math.abs(total - 1.0) > RENORMALIZE_ABOVE) {
                for (int i = 0; i < n; i++) {
                    m[i] /= total;
                }
            }
            return fromRule(frame, s, m, n);
        }
    }
}
