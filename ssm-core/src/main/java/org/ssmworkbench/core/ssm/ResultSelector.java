package org.ssmworkbench.core.ssm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ssmworkbench.core.belief.Frame;
import org.ssmworkbench.core.belief.MassFunction;

/**
 * The two ways of reading a hypothesis off an aggregated mass function on the SSM scale
 * (docs/method.md section 6). Comparisons of beliefs allow {@value #TIE_TOLERANCE} for rounding, so that two
 * beliefs that differ only by floating-point noise count as a tie and the 75% test is not flipped by it.
 */
public enum ResultSelector {
    /**
     * Evidence Factory-compatible (default): the best of the singletons with Bel &gt; 0 and the adjacent
     * pairs with direct mass whose singletons each hold less than 75% of the pair's Bel; ties go to the
     * singleton, then to the earlier scale position.
     */
    EVIDENCE_FACTORY("ef", "Evidence Factory-compatible"),
    /**
     * Santos (2015): descend from the better half-scale, dropping the lowest or highest atom while the
     * better child keeps at least 75% of its parent's Bel.
     */
    SANTOS("santos", "Santos (2015) descent");

    /** The share of the parent's (or pair's) belief a narrower hypothesis must keep. */
    public static final double THRESHOLD = 0.75;

    /** Two beliefs closer than this are equal. */
    public static final double TIE_TOLERANCE = 1e-12;

    private final String id;
    private final String title;

    ResultSelector(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Stable id: "ef" or "santos". */
    public String id() {
        return id;
    }

    /** Human-readable name. */
    public String title() {
        return title;
    }

    /**
     * Looks a selector up by id, case-insensitively ("evidence-factory" is accepted for "ef").
     *
     * @throws IllegalArgumentException naming the known ids
     */
    public static ResultSelector byId(String id) {
        String k = id.strip().toLowerCase(Locale.ROOT);
        if (k.equals("evidence-factory") || k.equals("evidence_factory")) {
            return EVIDENCE_FACTORY;
        }
        for (ResultSelector s : values()) {
            if (s.id.equals(k)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown selector '" + id + "' (known: "
                + Arrays.stream(values()).map(ResultSelector::id).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * Reads the hypothesis off {@code m}.
     *
     * @throws IllegalArgumentException if {@code m} is not on the SSM frame
     */
    public Selection select(MassFunction m) {
        Frame f = m.frame();
        if (!SsmScale.isSsmFrame(f)) {
            throw new IllegalArgumentException("result selectors work on the SSM frame ("
                    + String.join(", ", SsmScale.CODES) + "), not on " + f);
        }
        return this == EVIDENCE_FACTORY ? evidenceFactory(m) : santos(m);
    }

    private static boolean atLeast(double a, double b) {
        return a >= b - TIE_TOLERANCE;
    }

    private static boolean tie(double a, double b) {
        return Math.abs(a - b) <= TIE_TOLERANCE;
    }

    private Selection evidenceFactory(MassFunction m) {
        List<Selection.Candidate> weighed = new ArrayList<>();
        long best = 0L;
        double bestBel = -1.0;
        // scale order: SN, {SN,NE}, NE, {NE,WN}, ... so that the earlier position is met first
        for (int i = 0; i < 7; i++) {
            long single = 1L << i;
            double bel = m.belief(single);
            if (bel > 0.0) {
                weighed.add(new Selection.Candidate(single, bel, m.mass(single), Selection.Verdict.CANDIDATE));
                if (isBetter(single, bel, best, bestBel)) {
                    best = single;
                    bestBel = bel;
                }
            }
            if (i == 6) {
                break;
            }
            long pair = single | (single << 1);
            double direct = m.mass(pair);
            if (direct > 0.0) {
                double bel2 = m.belief(pair);
                double lo = m.belief(single);
                double hi = m.belief(single << 1);
                if (atLeast(lo, THRESHOLD * bel2) || atLeast(hi, THRESHOLD * bel2)) {
                    String which = atLeast(lo, THRESHOLD * bel2) ? SsmScale.CODES.get(i) : SsmScale.CODES.get(i + 1);
                    weighed.add(new Selection.Candidate(pair, bel2, direct, Selection.Verdict.EXCLUDED,
                            "excluded: Bel(" + which + ") ≥ 75% of Bel(pair)"));
                } else {
                    weighed.add(new Selection.Candidate(pair, bel2, direct, Selection.Verdict.CANDIDATE));
                    if (isBetter(pair, bel2, best, bestBel)) {
                        best = pair;
                        bestBel = bel2;
                    }
                }
            }
        }
        if (best == 0L) {
            return new Selection(this, SsmScale.THETA, m.belief(SsmScale.THETA), m.plausibility(SsmScale.THETA),
                    weighed, List.of(), "no singleton has belief and no adjacent pair has mass: the evidence"
                            + " does not narrow the scale, so the whole scale is reported");
        }
        List<Selection.Candidate> marked = new ArrayList<>(weighed.size());
        for (Selection.Candidate c : weighed) {
            marked.add(c.set() == best ? c.with(Selection.Verdict.SELECTED) : c);
        }
        return new Selection(this, best, bestBel, m.plausibility(best), marked, List.of(), "");
    }

    /** Higher Bel wins; on a tie the singleton, then the earlier scale position. */
    private static boolean isBetter(long set, double bel, long best, double bestBel) {
        if (best == 0L) {
            return true;
        }
        if (tie(bel, bestBel)) {
            int c = Integer.compare(Long.bitCount(set), Long.bitCount(best));
            if (c != 0) {
                return c < 0;
            }
            return Long.numberOfTrailingZeros(set) < Long.numberOfTrailingZeros(best);
        }
        return bel > bestBel;
    }

    private Selection santos(MassFunction m) {
        List<Selection.DescentStep> path = new ArrayList<>();
        double lowBel = m.belief(SsmScale.LOWER_HALF);
        double highBel = m.belief(SsmScale.UPPER_HALF);
        List<Selection.Candidate> weighed = new ArrayList<>();
        weighed.add(new Selection.Candidate(SsmScale.LOWER_HALF, lowBel, m.mass(SsmScale.LOWER_HALF),
                Selection.Verdict.HALF_SCALE));
        weighed.add(new Selection.Candidate(SsmScale.UPPER_HALF, highBel, m.mass(SsmScale.UPPER_HALF),
                Selection.Verdict.HALF_SCALE));
        if (lowBel <= 0.0 && highBel <= 0.0) {
            return new Selection(this, SsmScale.THETA, m.belief(SsmScale.THETA), m.plausibility(SsmScale.THETA),
                    weighed, path, "neither half-scale has belief: the evidence does not narrow the scale,"
                            + " so the whole scale is reported");
        }
        boolean lowFirst = !(highBel > lowBel) || tie(lowBel, highBel);
        long cur = lowFirst ? SsmScale.LOWER_HALF : SsmScale.UPPER_HALF;
        double curBel = lowFirst ? lowBel : highBel;
        path.add(new Selection.DescentStep(cur, curBel, lowFirst ? SsmScale.UPPER_HALF : SsmScale.LOWER_HALF,
                lowFirst ? highBel : lowBel, true));
        while (Long.bitCount(cur) > 1) {
            long dropHigh = cur & ~Long.highestOneBit(cur);
            long dropLow = cur & ~Long.lowestOneBit(cur);
            double belHigh = m.belief(dropHigh);
            double belLow = m.belief(dropLow);
            // same size; on a tie the earlier interval (the one that dropped its highest atom) wins
            boolean takeDropHigh = !(belLow > belHigh) || tie(belLow, belHigh);
            long child = takeDropHigh ? dropHigh : dropLow;
            double childBel = takeDropHigh ? belHigh : belLow;
            long sibling = takeDropHigh ? dropLow : dropHigh;
            double siblingBel = takeDropHigh ? belLow : belHigh;
            boolean descend = childBel > 0.0 && atLeast(childBel, THRESHOLD * curBel);
            path.add(new Selection.DescentStep(child, childBel, sibling, siblingBel, descend));
            if (!descend) {
                break;
            }
            cur = child;
            curBel = childBel;
        }
        List<Selection.Candidate> all = new ArrayList<>(weighed);
        for (Selection.DescentStep s : path.subList(1, path.size())) {
            all.add(new Selection.Candidate(s.set(), s.belief(), m.mass(s.set()),
                    s.accepted() ? Selection.Verdict.DESCENDED : Selection.Verdict.STOPPED));
        }
        return new Selection(this, cur, curBel, m.plausibility(cur), all, path, "");
    }
}
