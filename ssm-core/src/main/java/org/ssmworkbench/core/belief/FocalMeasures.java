package org.ssmworkbench.core.belief;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Bel, Pl and Q of every focal set of one mass function, computed together.
 *
 * <p>Asking {@link MassFunction#belief(long)} for each of n focal sets scans all n sets each time:
 * n² work, hours for a result of 10^5 sets. This class picks by size:
 * <ul>
 * <li>up to {@value #SCAN_LIMIT} focal sets: those very scans (cheap at this size);</li>
 * <li>up to {@link Limits#MAX_FOCAL_SETS_WIDE}: per atom class (atoms that no focal set tells apart)
 * a bit set of the focal sets holding it, so that the sets below, above or meeting A are found 64
 * at a time and only those are added, in canonical order. Either way the sums are the very sums
 * {@code belief}, {@code plausibility} and {@code commonality} give, to the last bit;</li>
 * <li>larger, when the focal sets tell at most {@value #TRANSFORM_ATOMS} atom classes apart: the
 * zeta transform over the subsets of the classes (2^k·k additions whatever n is), with
 * Pl(A) = (1 − m(∅)) − Bel(Ā). Its sums run in another order, so they may differ from a scan's in
 * the last bits. More classes than that: {@link LimitExceededException}.</li>
 * </ul>
 * docs/decisions/0020-mass-batch-hostile-input.md gives the reasons.
 */
public final class FocalMeasures {

    /** Up to this many focal sets the measures are plain scans. */
    public static final int SCAN_LIMIT = 1024;

    /** The most atom classes the transform handles (2^20 entries, 8 MB per table). */
    public static final int TRANSFORM_ATOMS = 20;

    private final double[] bel;
    private final double[] pl;
    private final double[] q;

    private FocalMeasures(double[] bel, double[] pl, double[] q) {
        this.bel = bel;
        this.pl = pl;
        this.q = q;
    }

    /**
     * The measures of every focal set of {@code m}, in its canonical order.
     *
     * @throws LimitExceededException if the function has more than {@link Limits#MAX_FOCAL_SETS_WIDE}
     *     focal sets and they tell more than {@value #TRANSFORM_ATOMS} atom classes apart
     */
    public static FocalMeasures of(MassFunction m) {
        int n = m.size();
        double[] bel = new double[n];
        double[] pl = new double[n];
        double[] q = new double[n];
        if (n <= SCAN_LIMIT) {
            for (int i = 0; i < n; i++) {
                long a = m.focalSet(i);
                bel[i] = m.belief(a);
                pl[i] = m.plausibility(a);
                q[i] = m.commonality(a);
            }
            return new FocalMeasures(bel, pl, q);
        }
        long[] classes = atomClasses(m);
        long[] compact = new long[n];
        for (int i = 0; i < n; i++) {
            compact[i] = compress(m.focalSet(i), classes);
        }
        if (n <= Limits.MAX_FOCAL_SETS_WIDE) {
            bitSets(m, classes.length, compact, bel, pl, q);
        } else if (classes.length <= TRANSFORM_ATOMS) {
            transform(m, classes.length, compact, bel, pl, q);
        } else {
            throw new LimitExceededException("Bel, Pl and Q of " + Limits.count(n) + " focal sets that tell "
                    + classes.length + " atom classes apart: the limit is " + Limits.count(Limits.MAX_FOCAL_SETS_WIDE)
                    + " focal sets when more than " + TRANSFORM_ATOMS + " classes are told apart");
        }
        return new FocalMeasures(bel, pl, q);
    }

    /** Bel of the focal set at position {@code i} of the canonical order. */
    public double belief(int i) {
        return bel[i];
    }

    /** Pl of the focal set at position {@code i}. */
    public double plausibility(int i) {
        return pl[i];
    }

    /** Q of the focal set at position {@code i}. */
    public double commonality(int i) {
        return q[i];
    }

    /**
     * Groups the frame's atoms by the focal sets they belong to: one mask per class, the classes
     * ordered by their lowest atom. Atoms in no focal set form one class too.
     */
    static long[] atomClasses(MassFunction m) {
        int atoms = m.frame().size();
        int n = m.size();
        int words = (n + 63) >>> 6;
        long[][] member = new long[atoms][words];
        for (int i = 0; i < n; i++) {
            long rest = m.focalSet(i);
            while (rest != 0L) {
                member[Long.numberOfTrailingZeros(rest)][i >>> 6] |= 1L << i;
                rest &= rest - 1;
            }
        }
        Map<Key, Integer> index = new HashMap<>();
        long[] classes = new long[atoms];
        int k = 0;
        for (int x = 0; x < atoms; x++) {
            Integer c = index.putIfAbsent(new Key(member[x]), k);
            if (c == null) {
                classes[k++] = 1L << x;
            } else {
                classes[c] |= 1L << x;
            }
        }
        return Arrays.copyOf(classes, k);
    }

    /** A set of the frame (a union of classes) as a mask over the classes. */
    static long compress(long set, long[] classes) {
        long c = 0L;
        for (int i = 0; i < classes.length; i++) {
            if ((set & classes[i]) != 0L) {
                c |= 1L << i;
            }
        }
        return c;
    }

    private static void transform(MassFunction m, int k, long[] compact, double[] bel, double[] pl, double[] q) {
        int size = 1 << k;
        int full = size - 1;
        double[] down = new double[size]; // Σ m(B) over non-empty B ⊆ S
        double[] up = new double[size]; // Σ m(B) over B ⊇ S, ∅ included
        double nonEmpty = 0.0;
        for (int i = 0; i < compact.length; i++) {
            int s = (int) compact[i];
            double v = m.massAt(i);
            up[s] += v;
            if (m.focalSet(i) != 0L) {
                down[s] += v;
                nonEmpty += v;
            }
        }
        for (int b = 1; b < size; b <<= 1) {
            for (int s = 0; s < size; s++) {
                if ((s & b) != 0) {
                    down[s] += down[s ^ b];
                } else {
                    up[s] += up[s | b];
                }
            }
        }
        for (int i = 0; i < compact.length; i++) {
            int s = (int) compact[i];
            if (m.focalSet(i) == 0L) {
                bel[i] = 0.0;
                pl[i] = 0.0;
            } else {
                bel[i] = down[s];
                pl[i] = Math.max(0.0, nonEmpty - down[~s & full]);
            }
            q[i] = up[s];
        }
    }

    private static void bitSets(MassFunction m, int k, long[] compact, double[] bel, double[] pl, double[] q) {
        int n = compact.length;
        int words = (n + 63) >>> 6;
        long[][] holding = new long[k][words]; // per class: the focal sets that hold it
        for (int i = 0; i < n; i++) {
            long rest = compact[i];
            while (rest != 0L) {
                holding[Long.numberOfTrailingZeros(rest)][i >>> 6] |= 1L << i;
                rest &= rest - 1;
            }
        }
        long[] outside = new long[words];
        long[] meets = new long[words];
        long[] above = new long[words];
        long tail = (n & 63) == 0 ? -1L : (1L << (n & 63)) - 1;
        for (int i = 0; i < n; i++) {
            long a = compact[i];
            Arrays.fill(meets, 0L);
            Arrays.fill(above, -1L);
            above[words - 1] = tail;
            Arrays.fill(outside, 0L);
            for (int c = 0; c < k; c++) {
                long[] h = holding[c];
                if ((a & (1L << c)) != 0L) {
                    for (int w = 0; w < words; w++) {
                        meets[w] |= h[w];
                        above[w] &= h[w];
                    }
                } else {
                    for (int w = 0; w < words; w++) {
                        outside[w] |= h[w]; // the sets holding a class outside A
                    }
                }
            }
            double b = 0.0;
            double p = 0.0;
            double s = 0.0;
            for (int w = 0; w < words; w++) {
                long lim = w == words - 1 ? tail : -1L;
                long inside = ~outside[w] & lim;
                long meet = meets[w];
                long sup = above[w];
                // the scans add in canonical order: walk the bits of each word upward, all three together
                long any = inside | meet | sup;
                while (any != 0L) {
                    int bit = Long.numberOfTrailingZeros(any);
                    long one = 1L << bit;
                    int j = (w << 6) + bit;
                    double v = m.massAt(j);
                    if ((inside & one) != 0L && compact[j] != 0L) {
                        b += v;
                    }
                    if ((meet & one) != 0L) {
                        p += v;
                    }
                    if ((sup & one) != 0L) {
                        s += v;
                    }
                    any &= any - 1;
                }
            }
            bel[i] = b;
            pl[i] = p;
            q[i] = s;
        }
    }

    /** A bit set compared by content, for grouping atoms. */
    private record Key(long[] bits) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(bits, other.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }
    }
}
