package org.ssmworkbench.core.synthesis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a finding's quantities were derived from what its study reported: the design, every
 * intermediate value in the order the formulas produce them, and the policy choices that entered
 * (docs/method-statistics.md). Part of each finding's trace.
 *
 * @param design the design id: "ri-summary", "groups" or "effect-size"
 * @param values intermediate values by name ("pooled_sd", "d", "j", "g", "se", "iqr_ri", ...), in order
 * @param notes  the policy choices, in words ("IQR = 1.349 × SD (normal)")
 */
public record Derivation(String design, Map<String, Double> values, List<String> notes) {

    /** Defensive copies keeping order. */
    public Derivation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        notes = List.copyOf(notes);
    }
}
