package org.ssmworkbench.io.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.io.InputException;

/**
 * One parsed project file: its value, the lines of its values, and the checks every mapper makes,
 * each failing with an {@link InputException} that names this file, the line and the field.
 *
 * @param <T> the file's record type (see {@link ProjectFiles})
 */
final class ParsedFile<T> {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.@-]+");

    private final Path file;
    private final T value;
    private final YamlMarks marks;

    ParsedFile(Path file, T value, YamlMarks marks) {
        this.file = file;
        this.value = value;
        this.marks = marks;
    }

    Path file() {
        return file;
    }

    T value() {
        return value;
    }

    /** An error about the value at {@code at}. */
    InputException error(List<?> at, String detail) {
        return new InputException(file, marks.line(at), YamlMarks.field(at), detail);
    }

    /** Same, keeping the cause. */
    InputException error(List<?> at, String detail, Throwable cause) {
        return new InputException(file, marks.line(at), YamlMarks.field(at), detail, cause);
    }

    /** Maps a sub-tree kept as {@link JsonNode} (a field with two forms) into a record, errors located below {@code at}. */
    <R> R map(List<Object> at, JsonNode node, Class<R> type) {
        try {
            return YamlReader.MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw YamlErrors.mappingError(file, marks, at, e);
        } catch (JsonProcessingException e) {
            throw error(at, YamlErrors.clean(e.getOriginalMessage()));
        }
    }

    /** The value, refused when missing or blank. */
    String required(List<Object> at, String field, String v) {
        if (v == null || v.isBlank()) {
            throw error(append(at, field), "missing");
        }
        return v;
    }

    /** Refuses anything but an id (letters, digits, _ - . @). */
    void checkId(List<Object> at, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw error(at, "'" + id + "' is not a valid id (letters, digits, _ - . @; no spaces)");
        }
    }

    /** A list of finite numbers. */
    double[] numbers(List<Object> at, List<Double> values) {
        if (values == null) {
            throw error(at, "missing: a list of numbers");
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v)) {
                throw error(append(at, i), "expected a finite number, got " + v);
            }
            out[i] = v;
        }
        return out;
    }

    /** Runs a core factory, turning its refusal into an error at {@code at}. */
    <R> R parse(List<Object> at, Supplier<R> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException | EvidenceException e) {
            throw error(at, e.getMessage(), e);
        }
    }

    /** {@code path} with one more step. */
    static List<Object> append(List<Object> path, Object step) {
        List<Object> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(step);
        return out;
    }

    /** {@code path} with more steps. */
    static List<Object> append(List<Object> path, Object step, Object next) {
        return append(append(path, step), next);
    }
}
