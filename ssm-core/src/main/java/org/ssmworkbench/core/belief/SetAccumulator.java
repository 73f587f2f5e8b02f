package org.ssmworkbench.core.belief;

import java.util.Arrays;

/**
 * Sums masses per focal set while a rule runs. Small frames (up to {@value #DENSE_LIMIT} atoms) use a
 * dense array indexed by the mask unless few sets are expected; larger frames, and few sets, an
 * open-addressing hash table. Either way the
 * summation order follows the callers' loop order, so results are deterministic.
 */
final class SetAccumulator {
    static final int DENSE_LIMIT = 10;

    private final Frame frame;
    private final boolean dense;
    private double[] values;
    private long[] keys;
    private boolean[] used;
    private int count;

    /** The largest initial table: beyond it the table grows as sets arrive, never on an estimate. */
    private static final int MAX_PRESIZE = 1 << 12;

    /**
     * @param expected how many distinct sets the caller expects: only a hint, capped at
     *     {@value #MAX_PRESIZE} (a product of focal-set counts may be far larger than what arrives)
     */
    SetAccumulator(Frame frame, long expected) {
        this.frame = frame;
        // dense only when the sets expected fill a fair share of the array: a step of a few products
        // on the SSM frame (128 subsets) zeroes a small table instead of 1 KiB; the sums are the same
        // either way (each set's masses added in the callers' order, the result sorted canonically)
        this.dense = frame.size() <= DENSE_LIMIT && (1L << frame.size()) <= 8 * Math.max(expected, 1);
        int hint = (int) Math.max(4, Math.min(expected, MAX_PRESIZE));
        if (dense) {
            values = new double[1 << frame.size()];
            used = new boolean[values.length];
            keys = new long[Math.min(values.length, hint)];
        } else {
            int cap = Integer.highestOneBit(hint * 2) << 1;
            keys = new long[cap];
            values = new double[cap];
            used = new boolean[cap];
        }
    }

    void add(long set, double mass) {
        if (dense) {
            int i = (int) set;
            if (!used[i]) {
                used[i] = true;
                if (count == keys.length) {
                    keys = Arrays.copyOf(keys, Math.min(values.length, keys.length * 2));
                }
                keys[count++] = set;
            }
            values[i] += mass;
            return;
        }
        if ((count + 1) * 2 > keys.length) {
            if (count >= Limits.MAX_FOCAL_SETS) {
                throw new LimitExceededException("the result would have more than "
                        + Limits.count(Limits.MAX_FOCAL_SETS) + " focal sets (the engine's limit)");
            }
            rehash();
        }
        int mask = keys.length - 1;
        int i = spread(set) & mask;
        while (used[i]) {
            if (keys[i] == set) {
                values[i] += mass;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = set;
        values[i] = mass;
        count++;
    }

    private void rehash() {
        long[] oldKeys = keys;
        double[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        values = new double[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        count = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int spread(long set) {
        long h = set * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    double get(long set) {
        if (dense) {
            return values[(int) set];
        }
        int mask = keys.length - 1;
        int i = spread(set) & mask;
        while (used[i]) {
            if (keys[i] == set) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return 0.0;
    }

    /** Builds the mass function, dividing every mass except the one on {@code dropped} by {@code divisor}. */
    MassFunction build(long dropped, boolean drop, double divisor) {
        long[] s = new long[count];
        double[] m = new double[count];
        int n = 0;
        if (dense) {
            for (int k = 0; k < count; k++) {
                long set = keys[k];
                if (drop && set == dropped) {
                    continue;
                }
                s[n] = set;
                m[n++] = values[(int) set] / divisor;
            }
        } else {
            for (int i = 0; i < keys.length; i++) {
                if (used[i] && !(drop && keys[i] == dropped)) {
                    s[n] = keys[i];
                    m[n++] = values[i] / divisor;
                }
            }
        }
        return MassFunction.fromRule(frame, s, m, n);
    }

    MassFunction build() {
        return build(0L, false, 1.0);
    }
}
