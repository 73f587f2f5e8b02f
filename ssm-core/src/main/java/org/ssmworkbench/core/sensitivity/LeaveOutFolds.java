package org.ssmworkbench.core.sensitivity;

import java.util.Arrays;
import java.util.List;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.belief.CombinationStep;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.belief.TotalConflictException;

/**
 * The folds of one effect's findings that every leave-out variant shares, for an associative rule
 * (Dempster's, or the unnormalized conjunctive rule): the prefix folds m1 ⊕ … ⊕ mi (the base fold's
 * own states, so the same numbers to the last bit) and the suffix folds mi ⊕ … ⊕ m(n−1) of all but
 * the last finding. Leaving out the findings at positions r1 &lt; … &lt; rk is then prefix(r1) ⊕ (the
 * few findings between the removed ones) ⊕ suffix(rk + 1), then ⊕ the last finding, which also gives
 * the last step's K of the variant as combined in order: a handful of combinations instead of n.
 *
 * <p>Associativity holds exactly in real arithmetic; in floating point a result can differ from the
 * step-by-step fold in the last digits (the test compares both to 1e-12).
 */
final class LeaveOutFolds {

    /** What a leave-out fold gives. */
    record Result(MassFunction result, int steps, double lastConflict) {
    }

    private final CombinationRule rule;
    private final MassFunction[] m;
    /** prefix[i] = m0 ⊕ … ⊕ m(i−1), i = 1..n. */
    private final MassFunction[] prefix;
    /** conflict[i] = K of the base step that added m(i), i = 1..n−1. */
    private final double[] conflict;
    /** suffix[i] = m(i) ⊕ … ⊕ m(n−2), i = 0..n−2 (all but the last finding). */
    private final MassFunction[] suffix;

    /**
     * Builds the folds.
     *
     * @throws IllegalArgumentException for a rule that is not associative
     * @throws TotalConflictException if a fold meets total conflict (callers fall back to the step-by-step fold)
     */
    LeaveOutFolds(CombinationRule rule, List<MassFunction> masses) {
        if (!associative(rule)) {
            throw new IllegalArgumentException(rule.id() + " is not associative");
        }
        this.rule = rule;
        int n = masses.size();
        m = masses.toArray(new MassFunction[0]);
        prefix = new MassFunction[n + 1];
        conflict = new double[n];
        suffix = new MassFunction[Math.max(n - 1, 0)];
        if (n == 0) {
            return;
        }
        prefix[1] = m[0];
        for (int i = 1; i < n; i++) {
            CombinationStep st = rule.combine(prefix[i], m[i]);
            prefix[i + 1] = st.result();
            conflict[i] = st.conflict();
        }
        if (n >= 2) {
            suffix[n - 2] = m[n - 2];
            for (int i = n - 3; i >= 0; i--) {
                suffix[i] = rule.combine(m[i], suffix[i + 1]).result();
            }
        }
    }

    /** Whether leave-out folds may be shared under a rule. */
    static boolean associative(CombinationRule r) {
        return r == CombinationRule.DEMPSTER || r == CombinationRule.CONJUNCTIVE;
    }

    /** Number of findings. */
    int size() {
        return m.length;
    }

    /** The fold without the last finding, under every order that puts finding {@code last} last. */
    MassFunction allBut(int last) {
        return without(new int[] {last}).result();
    }

    /** Mass function of finding i. */
    MassFunction mass(int i) {
        return m[i];
    }

    /**
     * The fold of every finding except those at the given positions, with its number of steps and the
     * last step's K as if the remaining findings were folded in order.
     *
     * @param removed positions, sorted, distinct, at least one
     * @return null when nothing remains
     * @throws TotalConflictException if a combination meets total conflict
     */
    Result without(int[] removed) {
        int n = m.length;
        int k = removed.length;
        int remaining = n - k;
        if (remaining <= 0) {
            return null;
        }
        int last = n - 1;
        int ri = k - 1;
        while (ri >= 0 && removed[ri] == last) {
            last--;
            ri--;
        }
        int r1 = removed[0];
        if (last < r1) {
            // everything removed lies after the last remaining finding: a prefix of the base fold
            return new Result(prefix[last + 1], last, last >= 1 ? conflict[last] : 0.0);
        }
        MassFunction acc = r1 > 0 ? prefix[r1] : null;
        double lastK = 0.0;
        int rk = removed[k - 1];
        if (rk < last) {
            // the last finding remains: fold the few between the removed ones, then the suffix block
            int next = 1;
            for (int j = r1 + 1; j < rk; j++) {
                if (next < k && removed[next] == j) {
                    next++;
                    continue;
                }
                acc = acc == null ? m[j] : rule.combine(acc, m[j]).result();
            }
            if (rk + 1 <= n - 2) {
                acc = acc == null ? suffix[rk + 1] : rule.combine(acc, suffix[rk + 1]).result();
            }
            if (acc == null) {
                return new Result(m[last], 0, 0.0);
            }
            CombinationStep st = rule.combine(acc, m[last]);
            return new Result(st.result(), remaining - 1, st.conflict());
        }
        // the last finding is removed too: fold the remaining ones after r1 up to the new last one
        int next = 1;
        for (int j = r1 + 1; j <= last; j++) {
            if (next < k && removed[next] == j) {
                next++;
                continue;
            }
            if (acc == null) {
                acc = m[j];
            } else {
                CombinationStep st = rule.combine(acc, m[j]);
                acc = st.result();
                lastK = st.conflict();
            }
        }
        return new Result(acc, remaining - 1, remaining > 1 ? lastK : 0.0);
    }

    @Override
    public String toString() {
        return "LeaveOutFolds[" + rule.id() + ", " + m.length + " findings, K " + Arrays.toString(conflict) + "]";
    }
}
