package org.ssmworkbench.io.project;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a field in a YAML document, so that errors found after parsing (an unknown
 * effect, a duplicate id) can still name the line. Uses SnakeYAML's node tree, which keeps marks.
 */
final class YamlLocator {

    private final Node root;
    private final MarkedYAMLException syntaxError;
    private final boolean unreadable;
    private final Duplicate duplicate;

    /**
     * A key that appears twice in one mapping.
     *
     * @param path      the path of the second occurrence (the key itself is the last step)
     * @param line      1-based line of the second occurrence
     * @param firstLine 1-based line of the first occurrence
     */
    record Duplicate(List<Object> path, int line, int firstLine) {
    }

    YamlLocator(String text) {
        Node n = null;
        MarkedYAMLException error = null;
        boolean failed = false;
        try {
            n = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            error = e;
        } catch (RuntimeException e) {
            failed = true; // e.g. a size limit: no lines then, Jackson's parse reports what it can
        }
        this.root = n;
        this.syntaxError = error;
        this.unreadable = failed;
        this.duplicate = n == null ? null : findDuplicate(n, new ArrayList<>(), new IdentityHashMap<>());
    }

    /** The YAML syntax error SnakeYAML found, or null. */
    MarkedYAMLException syntaxError() {
        return syntaxError;
    }

    /** Whether the text holds no YAML node at all (empty, or only comments). */
    boolean empty() {
        return root == null && syntaxError == null && !unreadable;
    }

    /** The first duplicate key in document order, or null. */
    Duplicate duplicate() {
        return duplicate;
    }

    /** The 1-based line of a mark. */
    static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    private static Duplicate findDuplicate(Node node, List<Object> path, Map<Node, Boolean> seen) {
        if (seen.put(node, Boolean.TRUE) != null) {
            return null; // an alias seen before
        }
        if (node instanceof MappingNode map) {
            Map<String, Integer> keys = new HashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    continue;
                }
                List<Object> at = new ArrayList<>(path);
                at.add(k.getValue());
                Integer first = keys.putIfAbsent(k.getValue(), line(k.getStartMark()));
                if (first != null) {
                    return new Duplicate(at, line(k.getStartMark()), first);
                }
                Duplicate d = findDuplicate(t.getValueNode(), at, seen);
                if (d != null) {
                    return d;
                }
            }
        } else if (node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                List<Object> at = new ArrayList<>(path);
                at.add(i);
                Duplicate d = findDuplicate(seq.getValue().get(i), at, seen);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** The node at {@code path}, or null when the path does not exist in full. */
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

    /** The 1-based line of the value at {@code path} as {@link #line(List)}, but 0 unless the whole path exists. */
    int exactLine(List<?> path) {
        return node(path) == null ? 0 : line(path);
    }

    private static Node child(Node cur, Object step) {
        if (step instanceof Integer i && cur instanceof SequenceNode seq) {
            return i >= 0 && i < seq.getValue().size() ? seq.getValue().get(i) : null;
        }
        if (cur instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(String.valueOf(step))) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    /**
     * The 1-based line of the value at {@code path} (map keys as strings, list indices as integers);
     * when the path does not exist in full, the line of its deepest existing part; 0 when unknown.
     */
    int line(List<?> path) {
        if (root == null) {
            return 0;
        }
        Node cur = root;
        int line = cur.getStartMark().getLine() + 1;
        for (Object step : path) {
            Node next = null;
            int keyLine = -1;
            if (step instanceof Integer i && cur instanceof SequenceNode seq) {
                if (i >= 0 && i < seq.getValue().size()) {
                    next = seq.getValue().get(i);
                }
            } else if (cur instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(String.valueOf(step))) {
                        next = t.getValueNode();
                        keyLine = k.getStartMark().getLine() + 1;
                        break;
                    }
                }
            }
            if (next == null) {
                return line;
            }
            cur = next;
            line = keyLine > 0 && !(next instanceof ScalarNode) ? keyLine : next.getStartMark().getLine() + 1;
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
