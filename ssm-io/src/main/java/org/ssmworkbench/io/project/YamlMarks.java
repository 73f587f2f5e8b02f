package org.ssmworkbench.io.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each value of a YAML document stands: a tree of the document's mappings, lists and scalars
 * with their 1-based lines, recorded by {@link YamlReader} during the one parse that also maps the
 * values. Errors found after mapping (an unknown effect, a duplicate id) name their line from here.
 */
final class YamlMarks {

    /** What a value is. */
    enum Kind {
        MAPPING, LIST, SCALAR, PENDING
    }

    /** One value: its kind, its line, its scalar text and its children. */
    static final class Node {
        final Kind kind;
        final int line;
        final String text;
        final Map<String, Node> fields;
        final Map<String, Integer> keyLines;
        final List<Node> items;

        Node(Kind kind, int line, String text) {
            this.kind = kind;
            this.line = line;
            this.text = text;
            this.fields = kind == Kind.MAPPING ? new LinkedHashMap<>() : null;
            this.keyLines = kind == Kind.MAPPING ? new LinkedHashMap<>() : null;
            this.items = kind == Kind.LIST ? new ArrayList<>() : null;
        }

        /** The scalar text as written (empty for an empty value), or null for a mapping or list. */
        String text() {
            return text;
        }

        Kind kind() {
            return kind;
        }
    }

    private Node root;

    void root(Node n) {
        root = n;
    }

    /** The value at {@code path}, or null when the path does not exist in full. */
    Node node(List<?> path) {
        Node cur = root;
        for (Object step : path) {
            if (cur == null) {
                return null;
            }
            cur = child(cur, step);
        }
        return cur;
    }

    private static Node child(Node cur, Object step) {
        if (step instanceof Integer i && cur.items != null) {
            return i >= 0 && i < cur.items.size() ? cur.items.get(i) : null;
        }
        return cur.fields == null ? null : cur.fields.get(String.valueOf(step));
    }

    /** The 1-based line of the value at {@code path} as {@link #line(List)}, but 0 unless the whole path exists. */
    int exactLine(List<?> path) {
        return node(path) == null ? 0 : line(path);
    }

    /**
     * The 1-based line of the value at {@code path} (map keys as strings, list indices as integers):
     * a scalar's own line, the key's line for a mapping or list; when the path does not exist in
     * full, the line of its deepest existing part; 0 when unknown.
     */
    int line(List<?> path) {
        if (root == null) {
            return 0;
        }
        Node cur = root;
        int line = cur.line;
        for (Object step : path) {
            Node next = child(cur, step);
            if (next == null) {
                return line;
            }
            Integer keyLine = cur.keyLines == null ? null : cur.keyLines.get(String.valueOf(step));
            line = keyLine != null && next.kind != Kind.SCALAR ? keyLine : next.line;
            cur = next;
        }
        return line;
    }

    /** "evidence[1].effects.accuracy.summary.mean" for the path [evidence, 1, effects, accuracy, ...]. */
    static String field(List<?> path) {
        StringBuilder sb = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(step);
            }
        }
        return sb.toString();
    }
}
