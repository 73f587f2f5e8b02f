package org.ssmworkbench.io.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run's time series of one metric (of one GPU), checked as it is read: timestamps that go back,
 * repeated timestamps, counter decreases (a wrap when the counter's range is declared, else a reset);
 * after the last sample, gaps (an interval longer than the declared limit, or than {@code gapFactor}
 * median intervals). The first problem is kept; the value is then not used.
 */
final class Series {

    /** A problem in the series: line, column and what is wrong. */
    record Problem(int line, String column, String reason) {
    }

    /** How intervals are measured and rates integrated. */
    enum Clock {
        /**
         * EnergiBridge: each row carries {@code Delta}, the ms since the previous sample, and its rate is
         * integrated as rate × Delta (as EnergiBridge's own {@code --summary} does, src/main.rs).
         */
        DELTA_COLUMN,
        /** nvidia-smi: intervals are differences of timestamps; rates are integrated by the trapezoid rule. */
        TIMESTAMPS
    }

    private final Aggregate aggregate;
    private final Clock clock;
    private final Double wrap;
    private final Double maxGapMs;
    private final double gapFactor;
    private final String metric;
    private final String timeColumn;
    private final String intervalColumn;

    private int n;
    private int firstLine;
    private int lastLine;
    private double prevT = Double.NaN;
    private double prevV = Double.NaN;
    private double first = Double.NaN;
    private double wraps;
    private int wrapCount;
    private String firstText;
    private String lastText;
    private double sum;
    private double max = Double.NEGATIVE_INFINITY;
    private double min = Double.POSITIVE_INFINITY;
    private double integral;
    private double[] intervals = new double[64];
    private int[] intervalLines = new int[64];
    private int ni;
    private Problem problem;
    private final List<String> notes = new ArrayList<>();

    Series(Aggregate aggregate, Clock clock, Double wrap, Double maxGapMs, double gapFactor, String metric,
            String timeColumn, String intervalColumn) {
        this.aggregate = aggregate;
        this.clock = clock;
        this.wrap = wrap;
        this.maxGapMs = maxGapMs;
        this.gapFactor = gapFactor;
        this.metric = metric;
        this.timeColumn = timeColumn;
        this.intervalColumn = intervalColumn;
    }

    /** Whether a problem was already found (later samples are then skipped). */
    boolean failed() {
        return problem != null;
    }

    /** Records a problem found by the reader (a missing sample, a truncated row). */
    void fail(int line, String column, String reason) {
        if (problem == null) {
            problem = new Problem(line, column, reason);
        }
    }

    /**
     * Adds a sample.
     *
     * @param t  its timestamp in ms
     * @param dt EnergiBridge's Delta in ms (NaN for {@link Clock#TIMESTAMPS})
     * @param v  the value (finite)
     */
    void add(int line, double t, double dt, double v) {
        add(line, t, dt, v, null);
    }

    /** Same, with the value's text (kept for counters, whose delta is taken in exact decimal). */
    void add(int line, double t, double dt, double v, String text) {
        if (problem != null) {
            return;
        }
        if (n == 0) {
            firstLine = line;
            first = v;
            firstText = text;
        } else {
            if (t < prevT) {
                fail(line, timeColumn, "the timestamp goes back (" + Numbers.text(t) + " after " + Numbers.text(prevT)
                        + "): timestamps must not decrease");
                return;
            }
            if (clock == Clock.TIMESTAMPS && t == prevT) {
                fail(line, timeColumn, "the same timestamp as the previous sample (" + Numbers.text(t)
                        + " ms); several GPUs need the index column in --query-gpu");
                return;
            }
            double interval = clock == Clock.DELTA_COLUMN ? dt : t - prevT;
            if (ni == intervals.length) {
                intervals = Arrays.copyOf(intervals, ni * 2);
                intervalLines = Arrays.copyOf(intervalLines, ni * 2);
            }
            intervals[ni] = interval;
            intervalLines[ni++] = line;
            if (aggregate == Aggregate.DELTA && v < prevV) {
                if (wrap == null) {
                    fail(line, metric, "the counter went down from " + Numbers.text(prevV) + " to " + Numbers.text(v)
                            + ": a reset, or a wrap (declare counter_wrap, the counter's range, to accept wraps)");
                    return;
                }
                wraps += wrap;
                wrapCount++;
                notes.add("counter wrapped at line " + line + " (" + Numbers.text(prevV) + " → " + Numbers.text(v)
                        + ", +" + Numbers.text(wrap) + ")");
            }
            if (clock == Clock.TIMESTAMPS) {
                integral += (prevV + v) / 2.0 * (t - prevT) / 1000.0;
            }
        }
        if (clock == Clock.DELTA_COLUMN) {
            if (dt < 0) {
                fail(line, intervalColumn, "a negative interval (" + Numbers.text(dt) + " ms)");
                return;
            }
            integral += v * dt / 1000.0;
        }
        sum += v;
        max = Math.max(max, v);
        min = Math.min(min, v);
        prevT = t;
        prevV = v;
        lastText = text;
        lastLine = line;
        n++;
    }

    int firstLine() {
        return firstLine;
    }

    int lastLine() {
        return lastLine;
    }

    List<String> notes() {
        return notes;
    }

    /** The problem, if any, after the gap check. */
    Problem finish(int fileEndLine) {
        if (problem != null) {
            return problem;
        }
        if (n == 0) {
            return new Problem(0, metric, "no samples");
        }
        if ((aggregate == Aggregate.DELTA || aggregate == Aggregate.INTEGRAL) && n < 2) {
            return new Problem(firstLine, metric, "a single sample: no interval to take a " + aggregate.id() + " over");
        }
        if (ni >= 2 || maxGapMs != null) {
            double limit;
            String why;
            if (maxGapMs != null) {
                limit = maxGapMs;
                why = "max_gap_ms " + Numbers.text(limit);
            } else {
                double[] sorted = Arrays.copyOf(intervals, ni);
                Arrays.sort(sorted);
                double median = ni % 2 == 1 ? sorted[ni / 2] : (sorted[ni / 2 - 1] + sorted[ni / 2]) / 2.0;
                limit = gapFactor * median;
                why = Numbers.text(gapFactor) + " × the median interval " + Numbers.text(median) + " ms";
            }
            for (int i = 0; i < ni; i++) {
                if (intervals[i] > limit && limit > 0) {
                    return new Problem(intervalLines[i], clock == Clock.DELTA_COLUMN ? intervalColumn : timeColumn,
                            "a gap of " + Numbers.text(intervals[i]) + " ms between samples (limit: " + why + ")");
                }
            }
        }
        return null;
    }

    /**
     * The run's value in the metric's unit (× s for an integral). A counter's delta is taken in decimal
     * from the cells' text (last − first + wraps × range), so that it carries no binary rounding noise.
     */
    java.math.BigDecimal exact() {
        if (aggregate == Aggregate.DELTA && firstText != null && lastText != null) {
            try {
                return new java.math.BigDecimal(lastText.strip()).subtract(new java.math.BigDecimal(firstText.strip()))
                        .add(java.math.BigDecimal.valueOf(wrap == null ? 0 : wrap).multiply(
                                java.math.BigDecimal.valueOf(wrapCount)));
            } catch (NumberFormatException e) {
                // fall through to the double
            }
        }
        return new java.math.BigDecimal(value());
    }

    /** The run's value, in the metric's unit (× s for an integral). */
    double value() {
        return switch (aggregate) {
            case DELTA -> prevV - first + wraps;
            case INTEGRAL -> integral;
            case MEAN -> sum / n;
            case MAX -> max;
            case MIN -> min;
        };
    }
}
