package org.ssmworkbench.io.ingest;

import java.util.Arrays;
import java.util.List;

/** The tools whose logs `ssm ingest` reads, each by its documented layout (docs/formats/ingest.md). */
public enum Tool {
    /** EnergiBridge CSV: one row per sampling interval (tdurieux/EnergiBridge, README and src/main.rs). */
    ENERGIBRIDGE("energibridge", true),
    /** nvidia-smi {@code --query-gpu=... --format=csv}: one row per sample and GPU (nvidia-smi(1)). */
    NVIDIA_SMI("nvidia-smi", true),
    /** CodeCarbon emissions.csv: one row per tracked run (mlco2/codecarbon, docs/reference/output.md). */
    CODECARBON("codecarbon", false),
    /** pyJoules CSVHandler: one ';'-separated row per measured segment (powerapi-ng/pyJoules). */
    PYJOULES("pyjoules", false),
    /** pyRAPL CSVOutput: one row per measurement and socket (powerapi-ng/pyRAPL). */
    PYRAPL("pyrapl", false),
    /** experiment-runner run_table.csv: one row per run (S2-group/experiment-runner). */
    EXPERIMENT_RUNNER("experiment-runner", false);

    private final String id;
    private final boolean sampled;

    Tool(String id, boolean sampled) {
        this.id = id;
        this.sampled = sampled;
    }

    /** The name in an ingest spec. */
    public String id() {
        return id;
    }

    /** Whether a file holds a time series of one run (so the metric is aggregated over samples). */
    boolean sampled() {
        return sampled;
    }

    /** The tool of that name, or null. */
    static Tool of(String id) {
        for (Tool t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** Every name, for messages. */
    static List<String> ids() {
        return Arrays.stream(values()).map(Tool::id).toList();
    }
}
