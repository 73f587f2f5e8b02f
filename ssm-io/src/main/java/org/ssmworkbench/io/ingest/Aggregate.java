package org.ssmworkbench.io.ingest;

import java.util.Arrays;
import java.util.List;

/** How the samples of one run's time series become the run's value. */
enum Aggregate {
    /** A cumulative counter: last − first, plus the declared range at each wrap. */
    DELTA("delta"),
    /** A rate (power): integrated over time. */
    INTEGRAL("integral"),
    /** The mean of the samples. */
    MEAN("mean"),
    /** The largest sample. */
    MAX("max"),
    /** The smallest sample. */
    MIN("min");

    private final String id;

    Aggregate(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static Aggregate of(String id) {
        for (Aggregate a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        return null;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(Aggregate::id).toList();
    }
}
