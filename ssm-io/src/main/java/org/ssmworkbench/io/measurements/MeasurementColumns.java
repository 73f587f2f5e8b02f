package org.ssmworkbench.io.measurements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which column of a measurement file plays which role, and which columns the synthesis does not use.
 * Every column of a file must be one of the four roles or declared ignored; any other column is an
 * error (docs/formats/project.md, "Raw measurement files").
 *
 * @param baseline the column with the baseline run's value ("baseline")
 * @param treated  the column with the treated run's value ("treated")
 * @param effect   the column with the effect id ("effect"); optional in the file
 * @param evidence the column with the evidence-model id ("evidence"); optional in the file
 * @param ignored  columns the file has and the synthesis deliberately does not use
 */
public record MeasurementColumns(String baseline, String treated, String effect, String evidence,
        List<String> ignored) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a role is blank, two roles name one column, or an ignored
     *                                  column is also given a role
     */
    public MeasurementColumns {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(treated, "treated");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(evidence, "evidence");
        ignored = List.copyOf(ignored);
        Map<String, String> seen = new LinkedHashMap<>();
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(MeasurementReader.BASELINE, baseline);
        roles.put(MeasurementReader.TREATED, treated);
        roles.put(MeasurementReader.EFFECT, effect);
        roles.put(MeasurementReader.EVIDENCE, evidence);
        for (Map.Entry<String, String> r : roles.entrySet()) {
            if (r.getValue().isBlank()) {
                throw new IllegalArgumentException("the " + r.getKey() + " column name is empty");
            }
            String before = seen.put(r.getValue(), r.getKey());
            if (before != null) {
                throw new IllegalArgumentException("column '" + r.getValue() + "' is mapped as both " + before
                        + " and " + r.getKey());
            }
        }
        for (String i : ignored) {
            if (seen.containsKey(i)) {
                throw new IllegalArgumentException("column '" + i + "' is mapped as " + seen.get(i)
                        + " and also listed under ignore");
            }
        }
    }

    /** The default names: baseline, treated, effect, evidence; nothing ignored. */
    public static MeasurementColumns standard() {
        return new MeasurementColumns(MeasurementReader.BASELINE, MeasurementReader.TREATED, MeasurementReader.EFFECT,
                MeasurementReader.EVIDENCE, List.of());
    }

    /** Role name to column name, in the order baseline, treated, effect, evidence. */
    public Map<String, String> roles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MeasurementReader.BASELINE, baseline);
        m.put(MeasurementReader.TREATED, treated);
        m.put(MeasurementReader.EFFECT, effect);
        m.put(MeasurementReader.EVIDENCE, evidence);
        return m;
    }

    /** Every column name this mapping knows: the four roles, then the ignored ones. */
    public List<String> known() {
        List<String> k = new ArrayList<>(roles().values());
        k.addAll(ignored);
        return k;
    }
}
