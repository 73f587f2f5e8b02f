package org.ssmworkbench.core.belief;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The combination rules of the workbench. Each has a stable id used in files and on the command line.
 *
 * <p>All rules fold a list pairwise, left to right, keeping a {@link CombinationStep} per pair.
 * Murphy's rule first averages the inputs and then folds the average with itself.
 */
public enum CombinationRule {
    /** Dempster's rule: the conjunctive sum normalized by 1 − K; total conflict is an error. */
    DEMPSTER("dempster", "Dempster's rule"),
    /** The unnormalized conjunctive rule (TBM): the conflict K stays on ∅. */
    CONJUNCTIVE("conjunctive", "unnormalized conjunctive rule"),
    /** The disjunctive rule: products go to B ∪ C. */
    DISJUNCTIVE("disjunctive", "disjunctive rule"),
    /** Yager's rule: like Dempster, but K goes to Θ instead of normalizing. */
    YAGER("yager", "Yager's rule"),
    /** Dubois and Prade's rule: products go to B ∩ C when non-empty, else to B ∪ C. */
    DUBOIS_PRADE("dubois-prade", "Dubois–Prade rule"),
    /** Murphy's averaging: the mean of the n functions, combined with itself n − 1 times by Dempster's rule. */
    MURPHY("murphy", "Murphy's averaging rule");

    private final String id;
    private final String title;

    CombinationRule(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Stable id ("dempster", "dubois-prade", …). */
    public String id() {
        return id;
    }

    /** Human-readable name. */
    public String title() {
        return title;
    }

    /**
     * Looks a rule up by id, case-insensitively; underscores count as hyphens.
     *
     * @throws IllegalArgumentException naming the known ids
     */
    public static CombinationRule byId(String id) {
        String k = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (CombinationRule r : values()) {
            if (r.id.equals(k)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule '" + id + "' (known: " + ids() + ")");
    }

    /** The ids of all rules, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(CombinationRule::id).collect(Collectors.joining(", "));
    }

    /**
     * Combines two functions by this rule. For Murphy's rule this is the fold of the pair.
     *
     * @throws TotalConflictException under Dempster's (or Murphy's) rule when K = 1
     * @throws IllegalArgumentException if the operands live on different frames
     */
    public CombinationStep combine(MassFunction left, MassFunction right) {
        if (this == MURPHY) {
            Combination c = fold(List.of(left, right), List.of("left", "right"));
            CombinationStep only = c.steps().get(0);
            return new CombinationStep(1, "left", "right", left, right, only.conjunctive(), only.conflict(),
                    c.result());
        }
        return step(1, "left", "right", left, right);
    }

    /** Folds with labels "m1", "m2", …; see {@link #fold(List, List)}. */
    public Combination fold(List<MassFunction> inputs) {
        List<String> labels = new ArrayList<>(inputs.size());
        for (int i = 1; i <= inputs.size(); i++) {
            labels.add("m" + i);
        }
        return fold(inputs, labels);
    }

    /**
     * Folds the inputs pairwise in the given order: ((m1 ⊕ m2) ⊕ m3) ⊕ …, keeping every step.
     *
     * @param labels a name per input, used in the trace and in error messages
     * @throws IllegalArgumentException if there are no inputs, labels and inputs differ in number, or
     *     frames differ
     * @throws TotalConflictException naming the step and operands when Dempster's rule meets K = 1
     */
    public Combination fold(List<MassFunction> inputs, List<String> labels) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to combine: no mass functions given");
        }
        if (labels.size() != inputs.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + inputs.size() + " inputs");
        }
        Frame frame = inputs.get(0).frame();
        for (MassFunction m : inputs) {
            if (!m.frame().equals(frame)) {
                throw new IllegalArgumentException("cannot combine functions on different frames: "
                        + frame + " and " + m.frame());
            }
        }
        if (this == MURPHY) {
            return foldMurphy(inputs, labels);
        }
        List<CombinationStep> steps = new ArrayList<>(inputs.size() - 1);
        MassFunction acc = inputs.get(0);
        String accLabel = labels.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            CombinationStep st = step(i, accLabel, labels.get(i), acc, inputs.get(i));
            steps.add(st);
            acc = st.result();
            accLabel = foldedLabel(labels, i);
        }
        return new Combination(this, inputs, labels, Optional.empty(), steps, acc);
    }

    /**
     * The result of a fold without its trace: the combined function, the number of steps, the last
     * step's K and, if asked for, every step's K.
     *
     * @param result       the combined function
     * @param steps        pairwise steps (inputs − 1)
     * @param lastConflict K of the last step (0 without steps)
     * @param conflicts    K per step, or null when not kept
     */
    public record Folded(MassFunction result, int steps, double lastConflict, double[] conflicts) {
    }

    /**
     * Folds like {@link #fold(List, List)}, with the same arithmetic in the same order (so the same
     * result to the last bit), but keeps no trace and builds no labels: for analyses that fold many
     * variants.
     *
     * @param keepConflicts whether to keep every step's K
     * @throws IllegalArgumentException if there are no inputs
     * @throws TotalConflictException when Dempster's rule meets K = 1 (without labels; fold again with
     *     {@link #fold(List, List)} for a message naming the operands)
     */
    public Folded foldQuietly(List<MassFunction> inputs, boolean keepConflicts) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to combine: no mass functions given");
        }
        int n = inputs.size();
        double[] ks = keepConflicts ? new double[n - 1] : null;
        MassFunction first = this == MURPHY ? average(inputs) : inputs.get(0);
        CombinationRule pairwise = this == MURPHY ? DEMPSTER : this;
        MassFunction acc = first;
        double last = 0.0;
        for (int i = 1; i < n; i++) {
            CombinationStep st = pairwise.step(i, "", "", acc, this == MURPHY ? first : inputs.get(i));
            acc = st.result();
            last = st.conflict();
            if (ks != null) {
                ks[i - 1] = last;
            }
        }
        return new Folded(acc, n - 1, last, ks);
    }

    private Combination foldMurphy(List<MassFunction> inputs, List<String> labels) {
        MassFunction avg = average(inputs);
        List<CombinationStep> steps = new ArrayList<>(inputs.size() - 1);
        MassFunction acc = avg;
        String avgLabel = "mean";
        for (int i = 1; i < inputs.size(); i++) {
            String left = i == 1 ? avgLabel : avgLabel + "^" + i;
            CombinationStep st = DEMPSTER.step(i, left, avgLabel, acc, avg);
            steps.add(st);
            acc = st.result();
        }
        return new Combination(this, inputs, labels, Optional.of(avg), steps, acc);
    }

    private static String foldedLabel(List<String> labels, int last) {
        if (last == 0) {
            return labels.get(0);
        }
        if (last == 1) {
            return labels.get(0) + " ⊕ " + labels.get(1);
        }
        return labels.get(0) + " ⊕ … ⊕ " + labels.get(last);
    }

    /**
     * The arithmetic mean of mass functions on one frame (Murphy's first step).
     *
     * @throws IllegalArgumentException if the list is empty or frames differ
     */
    public static MassFunction average(List<MassFunction> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to average");
        }
        Frame frame = inputs.get(0).frame();
        SetAccumulator acc = new SetAccumulator(frame, 16);
        for (MassFunction m : inputs) {
            if (!m.frame().equals(frame)) {
                throw new IllegalArgumentException("cannot average functions on different frames");
            }
            for (int i = 0; i < m.size(); i++) {
                acc.add(m.focalSet(i), m.massAt(i));
            }
        }
        return acc.build(0L, false, inputs.size());
    }

    private CombinationStep step(int index, String leftLabel, String rightLabel, MassFunction a,
            MassFunction b) {
        Frame frame = a.frame();
        long products = (long) a.size() * b.size();
        if (products > Limits.MAX_PRODUCTS_PER_STEP) {
            throw new LimitExceededException("step " + index + ": " + leftLabel + " (" + Limits.count(a.size())
                    + " focal sets) and " + rightLabel + " (" + Limits.count(b.size()) + ") would form "
                    + Limits.count(products) + " products of focal sets; the limit is "
                    + Limits.count(Limits.MAX_PRODUCTS_PER_STEP) + " per step");
        }
        MassFunction conj = conjunctive(a, b);
        double k = conj.emptyMass();
        MassFunction result;
        switch (this) {
            case CONJUNCTIVE:
                result = conj;
                break;
            case DEMPSTER: {
                result = conj.normalized();
                if (result == null) {
                    throw new TotalConflictException("total conflict (K = 1) under Dempster's rule at step "
                            + index + ": " + leftLabel + " [" + a.abbreviated() + "] and " + rightLabel + " ["
                            + b.abbreviated() + "] have no compatible focal sets");
                }
                break;
            }
            case YAGER:
                result = conj.emptyToTheta();
                break;
            case DISJUNCTIVE: {
                SetAccumulator acc = new SetAccumulator(frame, (long) a.size() * b.size());
                for (int i = 0; i < a.size(); i++) {
                    for (int j = 0; j < b.size(); j++) {
                        acc.add(a.focalSet(i) | b.focalSet(j), a.massAt(i) * b.massAt(j));
                    }
                }
                result = acc.build();
                break;
            }
            case DUBOIS_PRADE: {
                SetAccumulator acc = new SetAccumulator(frame, (long) a.size() * b.size());
                for (int i = 0; i < a.size(); i++) {
                    for (int j = 0; j < b.size(); j++) {
                        long x = a.focalSet(i);
                        long y = b.focalSet(j);
                        long meet = x & y;
                        acc.add(meet != 0L ? meet : x | y, a.massAt(i) * b.massAt(j));
                    }
                }
                result = acc.build();
                break;
            }
            default:
                throw new IllegalStateException("rule " + this + " is not pairwise");
        }
        return new CombinationStep(index, leftLabel, rightLabel, a, b, conj, k, result);
    }

    /** The unnormalized conjunctive sum m∩(A) = Σ over B ∩ C = A of m1(B)·m2(C). */
    static MassFunction conjunctive(MassFunction a, MassFunction b) {
        SetAccumulator acc = new SetAccumulator(a.frame(), (long) a.size() * b.size());
        for (int i = 0; i < a.size(); i++) {
            long x = a.focalSet(i);
            double mx = a.massAt(i);
            for (int j = 0; j < b.size(); j++) {
                acc.add(x & b.focalSet(j), mx * b.massAt(j));
            }
        }
        return acc.build();
    }
}
