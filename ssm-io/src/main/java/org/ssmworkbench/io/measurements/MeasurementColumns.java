package org.ssmworkbench.io.measurements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a measurement file is laid out: which column plays which role, which columns the synthesis does
 * not use, and, in the long form, which value of the group column names which group. Every column of
 * a file must play a role of its form or be declared ignored; any other column is an error
 * (docs/formats/project.md, "Raw measurement files").
 *
 * <p>Two forms. {@link Form#RUNS}: a {@code baseline} and a {@code treated} column (paired runs, or two
 * independent groups in wide form). {@link Form#LONG}: one row per subject or run, a {@code group}
 * column saying which group the row belongs to and a {@code value} column with its measurement. Both
 * may have an {@code effect} and an {@code evidence} column.
 *
 * @param form     the layout
 * @param roles    role name to the file's column name, every role of the form, in the form's order
 * @param ignored  columns the file has and the synthesis deliberately does not use
 * @param levels   the long form's group values (null in the runs form)
 */
public record MeasurementColumns(Form form, Map<String, String> roles, List<String> ignored, Levels levels) {

    /** The role of the long form's column naming the group. */
    public static final String GROUP = "group";

    /** The role of the long form's column holding the measured value. */
    public static final String VALUE = "value";

    /** The layouts of a measurement file. */
    public enum Form {
        /** A baseline and a treated column. */
        RUNS(List.of(MeasurementReader.BASELINE, MeasurementReader.TREATED)),
        /** One row per subject or run: a group column and a value column. */
        LONG(List.of(GROUP, VALUE));

        private final List<String> required;

        Form(List<String> required) {
            this.required = required;
        }

        /** The roles a file of this form must have, in order. */
        public List<String> required() {
            return required;
        }

        /** Every role of this form: the required ones, then effect and evidence. */
        public List<String> roles() {
            List<String> r = new ArrayList<>(required);
            r.add(MeasurementReader.EFFECT);
            r.add(MeasurementReader.EVIDENCE);
            return List.copyOf(r);
        }
    }

    /**
     * The long form's two group values, compared exactly with the group column's cells.
     *
     * @param baseline the value naming the baseline group
     * @param treated  the value naming the treated group
     */
    public record Levels(String baseline, String treated) {

        /**
         * Validates.
         *
         * @throws IllegalArgumentException if a value is blank or both are the same
         */
        public Levels {
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(treated, "treated");
            if (baseline.isBlank() || treated.isBlank()) {
                throw new IllegalArgumentException("a group value is empty");
            }
            if (baseline.equals(treated)) {
                throw new IllegalArgumentException("the baseline and the treated group have the same value '"
                        + baseline + "'");
            }
        }
    }

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a role of the form is missing or blank, a role is not one of
     *                                  the form's, two roles name one column, an ignored column is also
     *                                  given a role, or the levels do not match the form
     */
    public MeasurementColumns {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(roles, "roles");
        ignored = List.copyOf(ignored);
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String role : form.roles()) {
            String column = roles.get(role);
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("the " + role + " column name is empty");
            }
            ordered.put(role, column);
        }
        for (String role : roles.keySet()) {
            if (!ordered.containsKey(role)) {
                throw new IllegalArgumentException("'" + role + "' is not a column role of the "
                        + form.name().toLowerCase(java.util.Locale.ROOT) + " form");
            }
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, String> r : ordered.entrySet()) {
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
        if ((form == Form.LONG) != (levels != null)) {
            throw new IllegalArgumentException(form == Form.LONG ? "the long form needs the two group values"
                    : "group values are for the long form only");
        }
        roles = java.util.Collections.unmodifiableMap(ordered);
    }

    /** A runs-form layout (paired runs, or groups in wide form). */
    public MeasurementColumns(String baseline, String treated, String effect, String evidence, List<String> ignored) {
        this(Form.RUNS, runs(baseline, treated, effect, evidence), ignored, null);
    }

    private static Map<String, String> runs(String baseline, String treated, String effect, String evidence) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MeasurementReader.BASELINE, Objects.requireNonNull(baseline, "baseline"));
        m.put(MeasurementReader.TREATED, Objects.requireNonNull(treated, "treated"));
        m.put(MeasurementReader.EFFECT, Objects.requireNonNull(effect, "effect"));
        m.put(MeasurementReader.EVIDENCE, Objects.requireNonNull(evidence, "evidence"));
        return m;
    }

    /** The default names of the runs form: baseline, treated, effect, evidence; nothing ignored. */
    public static MeasurementColumns standard() {
        return new MeasurementColumns(MeasurementReader.BASELINE, MeasurementReader.TREATED, MeasurementReader.EFFECT,
                MeasurementReader.EVIDENCE, List.of());
    }

    /** The default role names of a form (each role's column has the role's name). */
    public static Map<String, String> defaultRoles(Form form) {
        Map<String, String> m = new LinkedHashMap<>();
        form.roles().forEach(r -> m.put(r, r));
        return m;
    }

    /** The column of the baseline role (runs form only). */
    public String baseline() {
        return role(MeasurementReader.BASELINE);
    }

    /** The column of the treated role (runs form only). */
    public String treated() {
        return role(MeasurementReader.TREATED);
    }

    /** The column of the group role (long form only). */
    public String group() {
        return role(GROUP);
    }

    /** The column of the value role (long form only). */
    public String value() {
        return role(VALUE);
    }

    /** The column of the effect role. */
    public String effect() {
        return roles.get(MeasurementReader.EFFECT);
    }

    /** The column of the evidence role. */
    public String evidence() {
        return roles.get(MeasurementReader.EVIDENCE);
    }

    private String role(String role) {
        String c = roles.get(role);
        if (c == null) {
            throw new IllegalStateException("the " + form.name().toLowerCase(java.util.Locale.ROOT)
                    + " form has no " + role + " column");
        }
        return c;
    }

    /** Every column name this layout knows: the roles, then the ignored ones. */
    public List<String> known() {
        List<String> k = new ArrayList<>(roles.values());
        k.addAll(ignored);
        return k;
    }
}
