package org.ssmworkbench.io.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.ssmworkbench.io.InputException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** The parser's and the mapper's complaints, turned into located messages a person who wrote the file understands. */
final class YamlErrors {

    /** YAML 1.1 spellings of NaN and infinity, which Jackson does not read as numbers. */
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private YamlErrors() {
    }

    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    /** A syntax error SnakeYAML found, at the line where the person must look. */
    static InputException syntaxError(Path file, MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem().strip();
        String context = e.getContext() == null ? "" : e.getContext().strip();
        int problemLine = line(e.getProblemMark());
        int contextLine = line(e.getContextMark());
        if (problem.contains("\\t(TAB)")) {
            return new InputException(file, problemLine, "", "malformed YAML: a tab character cannot indent YAML;"
                    + " use spaces", e);
        }
        boolean flowList = context.startsWith("while parsing a flow sequence");
        boolean flowMap = context.startsWith("while parsing a flow mapping");
        if ((flowList || flowMap) && contextLine > 0 && contextLine < problemLine) {
            return new InputException(file, contextLine, "", "malformed YAML: the " + (flowList
                    ? "flow sequence (list) opened with '[' on this line is not closed with ']'"
                    : "flow mapping opened with '{' on this line is not closed with '}'")
                    + " (the parser expected ',' or '" + (flowList ? "]" : "}") + "' before line " + problemLine
                    + ")", e);
        }
        if (flowList || flowMap) {
            return new InputException(file, problemLine > 0 ? problemLine : contextLine, "", "malformed YAML: "
                    + problem + " in a " + (flowList ? "[...] list" : "{...} mapping") + "; there, text holding"
                    + " ',', ':', '?', '[', ']', '{' or '}' must be in quotes", e);
        }
        String detail = problem;
        if (problem.startsWith("mapping values are not allowed here")) {
            detail += " (is the line indented too far, or does a value contain ': ' and need quotes?)";
        }
        if (!context.isEmpty()) {
            detail += " (" + context + (contextLine > 0 && contextLine != problemLine ? " started on line "
                    + contextLine : "") + ")";
        }
        return new InputException(file, problemLine > 0 ? problemLine : contextLine, "", "malformed YAML: "
                + detail, e);
    }

    /**
     * A value Jackson could not map: named by its path (below {@code base}), at the line the marks
     * give for that path, in words a person who wrote the file understands.
     */
    static InputException mappingError(Path file, YamlMarks marks, List<Object> base, JsonMappingException e) {
        List<Object> path = new ArrayList<>(base);
        path.addAll(jacksonPathSteps(e));
        int line = marks.exactLine(path);
        if (line == 0 && base.isEmpty()) {
            line = line(e.getLocation());
        }
        if (line == 0) {
            line = marks.line(path);
        }
        String field = YamlMarks.field(path);
        YamlMarks.Node node = marks.node(path);
        String given = node == null || node.kind() == YamlMarks.Kind.PENDING ? null : describe(node);
        String detail;
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : " (known: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList())
                    + ")";
            detail = "unknown field '" + u.getPropertyName() + "'" + known;
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null && given != null) {
            detail = "expected " + expected(m.getTargetType()) + ", got " + given;
        } else if (node != null && node.kind() == YamlMarks.Kind.SCALAR
                && SPECIAL_FLOAT.matcher(node.text()).matches()) {
            detail = "must be a finite number, got " + node.text();
        } else if (e.getCause() instanceof InputCoercionException && given != null) {
            detail = "the number " + given + " is too large here";
        } else {
            detail = clean(e.getOriginalMessage());
        }
        return new InputException(file, line, field, detail, e);
    }

    /** What a Java type expects, in the words of the format description. */
    private static String expected(Class<?> type) {
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a mapping of names to values";
    }

    /** A value as a person sees it. */
    static String describe(YamlMarks.Node node) {
        if (node.kind() == YamlMarks.Kind.SCALAR) {
            String v = node.text();
            return v.isEmpty() ? "nothing" : "'" + (v.length() > 60 ? v.substring(0, 57) + "..." : v) + "'";
        }
        return node.kind() == YamlMarks.Kind.LIST ? "a list" : "a mapping";
    }

    private static int line(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? 0 : loc.getLineNr();
    }

    private static List<Object> jacksonPathSteps(JsonMappingException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.add(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.add(r.getIndex());
            }
        }
        return path;
    }

    /** A Jackson message without class names and source excerpts. */
    static String clean(String message) {
        if (message == null) {
            return "invalid value";
        }
        String m = message.replace("org.ssmworkbench.io.project.ProjectFiles$", "")
                .replace("java.lang.", "");
        for (String end : List.of(" at [Source", "\n in 'reader'", "\n")) {
            int cut = m.indexOf(end);
            if (cut > 0) {
                m = m.substring(0, cut);
            }
        }
        return m.strip();
    }
}
