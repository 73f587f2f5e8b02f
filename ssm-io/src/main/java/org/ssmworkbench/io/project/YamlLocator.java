package org.ssmworkbench.io.project;

import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
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

    YamlLocator(String text) {
        Node n;
        try {
            n = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException e) {
            n = null;
        }
        this.root = n;
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
