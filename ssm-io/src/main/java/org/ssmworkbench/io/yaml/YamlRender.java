package org.ssmworkbench.io.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Text for new values: scalars in the style of the one they replace, and subtrees through SnakeYAML's
 * emitter with flow or block style per collection taken from a similar node of the document (the
 * template), else flow for short collections of scalars (as in {@code summary: {mean: 1.2, iqr: 0.3}})
 * and block for the rest.
 */
final class YamlRender {

    /** Longest flow collection chosen without a template. */
    private static final int SHORT_FLOW = 72;

    /** Folding width of folded block scalars. */
    private static final int WIDTH = 100;

    private final int indent;
    private final boolean indentedSequences;

    /**
     * @param indent            spaces per nesting level
     * @param indentedSequences whether a block sequence under a key has its dashes indented
     */
    YamlRender(int indent, boolean indentedSequences) {
        this.indent = indent;
        this.indentedSequences = indentedSequences;
    }

    /**
     * A template-guided node for a value: keys and scalars as the emitter needs them.
     *
     * @param value    the value
     * @param template a node of the document whose styles to follow, or null
     * @param flow     whether the value sits inside a flow collection
     */
    Node node(JsonNode value, Node template, boolean flow) {
        if (value.isObject()) {
            List<NodeTuple> tuples = new ArrayList<>();
            boolean inner = flow || flowStyle(value, template);
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                Node keyTemplate = null;
                Node childTemplate = null;
                if (template instanceof MappingNode m) {
                    NodeTuple t = tuple(m, e.getKey());
                    if (t == null) {
                        t = sameKind(m, e.getValue());
                    }
                    if (t != null) {
                        keyTemplate = t.getKeyNode();
                        childTemplate = t.getValueNode();
                    }
                }
                tuples.add(new NodeTuple(scalar(new com.fasterxml.jackson.databind.node.TextNode(e.getKey()),
                        keyTemplate, inner), node(e.getValue(), childTemplate, inner)));
            }
            return new MappingNode(Tag.MAP, tuples, inner ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
        }
        if (value.isArray()) {
            boolean inner = flow || flowStyle(value, template);
            List<Node> items = new ArrayList<>();
            Node itemTemplate = template instanceof SequenceNode s && !s.getValue().isEmpty()
                    ? s.getValue().get(s.getValue().size() - 1) : null;
            for (JsonNode v : value) {
                items.add(node(v, itemTemplate, inner));
            }
            return new SequenceNode(Tag.SEQ, items, inner ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
        }
        return scalar(value, template, flow);
    }

    private static NodeTuple tuple(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }

    /** A child of the template of the same kind (mapping, sequence, scalar) as the value. */
    private static NodeTuple sameKind(MappingNode m, JsonNode value) {
        for (NodeTuple t : m.getValue()) {
            Node v = t.getValueNode();
            if (value.isObject() && v instanceof MappingNode || value.isArray() && v instanceof SequenceNode
                    || value.isValueNode() && v instanceof ScalarNode) {
                return t;
            }
        }
        return null;
    }

    private boolean flowStyle(JsonNode value, Node template) {
        if (value.isEmpty()) {
            return true;
        }
        if (template instanceof CollectionNode<?> c && (template instanceof MappingNode) == value.isObject()) {
            return c.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
        }
        for (JsonNode v : value) {
            if (v.isContainerNode() || v.isTextual() && v.textValue().indexOf('\n') >= 0) {
                return false;
            }
        }
        return value.toString().length() <= SHORT_FLOW;
    }

    /** A scalar node: plain when it reads back as itself, else quoted as the template is (double by default). */
    ScalarNode scalar(JsonNode value, Node template, boolean flow) {
        DumperOptions.ScalarStyle ts = template instanceof ScalarNode s ? s.getScalarStyle() : DumperOptions.ScalarStyle.PLAIN;
        if (value.isTextual()) {
            String s = value.textValue();
            DumperOptions.ScalarStyle style;
            if (s.indexOf('\n') >= 0 && !flow) {
                style = ts == DumperOptions.ScalarStyle.FOLDED ? ts : DumperOptions.ScalarStyle.LITERAL;
            } else if (!flow && ts == DumperOptions.ScalarStyle.FOLDED && s.length() > WIDTH / 2) {
                style = ts;
            } else if (ts == DumperOptions.ScalarStyle.SINGLE_QUOTED || ts == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
                style = ts;
            } else {
                style = YamlDocument.readsAsPlain(s, flow) ? DumperOptions.ScalarStyle.PLAIN
                        : DumperOptions.ScalarStyle.DOUBLE_QUOTED;
            }
            return new ScalarNode(Tag.STR, s, null, null, style);
        }
        return new ScalarNode(tagOf(value), plainText(value, template), null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static Tag tagOf(JsonNode value) {
        if (value.isNull()) {
            return Tag.NULL;
        }
        if (value.isBoolean()) {
            return Tag.BOOL;
        }
        if (value.isIntegralNumber()) {
            return Tag.INT;
        }
        if (value.isNumber()) {
            return Tag.FLOAT;
        }
        throw new IllegalArgumentException("not a scalar: " + value.getNodeType());
    }

    /**
     * The plain text of a number, boolean or null: booleans and nulls spelled as the template spells
     * them (yes/no, on/off, True/FALSE, ~), a whole double as a whole number when the template is one.
     */
    static String plainText(JsonNode value, Node template) {
        String old = template instanceof ScalarNode s && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                ? s.getValue() : "";
        if (value.isNull()) {
            return old.equals("~") || old.isEmpty() && template instanceof ScalarNode ? "~" : "null";
        }
        if (value.isBoolean()) {
            boolean b = value.booleanValue();
            String word = switch (old.toLowerCase(Locale.ROOT)) {
                case "yes", "no" -> b ? "yes" : "no";
                case "on", "off" -> b ? "on" : "off";
                case "y", "n" -> b ? "y" : "n";
                default -> b ? "true" : "false";
            };
            if (!old.isEmpty() && old.equals(old.toUpperCase(Locale.ROOT)) && !old.equals(old.toLowerCase(Locale.ROOT))) {
                return word.toUpperCase(Locale.ROOT);
            }
            if (!old.isEmpty() && Character.isUpperCase(old.charAt(0))) {
                return Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            return word;
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("YAML project files hold finite numbers only, not " + d);
        }
        boolean wholeOld = !old.isEmpty() && old.chars().allMatch(c -> c == '-' || c == '+' || Character.isDigit(c));
        if (wholeOld && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e >= 0 && s.charAt(e + 1) != '-') {
            s = s.substring(0, e + 1) + "+" + s.substring(e + 1);
        }
        return s;
    }

    /**
     * The value under a key, as lines relative to the key at column 0: the first line is what follows
     * {@code key:} (empty when a block collection follows, else starting with a space), the others
     * carry their own indentation.
     */
    List<String> underKey(Node value) {
        List<String> lines = emit(new MappingNode(Tag.MAP, List.of(new NodeTuple(
                new ScalarNode(Tag.STR, "k", null, null, DumperOptions.ScalarStyle.PLAIN), value)),
                DumperOptions.FlowStyle.BLOCK), false);
        List<String> out = new ArrayList<>(lines);
        out.set(0, lines.get(0).substring(2));
        return out;
    }

    /** A whole entry {@code key: value} as lines at column 0 (continuation lines indented). */
    List<String> entry(Node key, Node value) {
        return emit(new MappingNode(Tag.MAP, List.of(new NodeTuple(key, value)), DumperOptions.FlowStyle.BLOCK), false);
    }

    /** A sequence item as lines with its dash at column 0. */
    List<String> item(Node value) {
        return emit(new SequenceNode(Tag.SEQ, List.of(value), DumperOptions.FlowStyle.BLOCK), false);
    }

    /** A node in flow style on one line. */
    String inline(Node value) {
        List<String> lines = underKey(value);
        if (lines.size() != 1 || lines.get(0).isEmpty()) {
            throw new IllegalStateException("not a one-line value: " + lines);
        }
        return lines.get(0).substring(1);
    }

    /** A whole document. */
    String document(Node root) {
        return String.join("\n", emit(root, false)) + "\n";
    }

    /** Lines of the emitter's output with the smallest indentation removed. */
    List<String> emit(Node root, boolean fold) {
        DumperOptions o = new DumperOptions();
        o.setIndent(Math.max(2, Math.min(indent, 9)));
        if (indentedSequences) {
            o.setIndicatorIndent(o.getIndent());
            o.setIndentWithIndicator(true);
        }
        o.setWidth(WIDTH);
        o.setSplitLines(fold);
        o.setAllowUnicode(true);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        StringWriter w = new StringWriter();
        new Yaml(o).serialize(root, w);
        String text = w.toString();
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int min = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                min = Math.min(min, l.length() - l.stripLeading().length());
            }
        }
        if (min > 0 && min != Integer.MAX_VALUE) {
            final int cut = min;
            lines.replaceAll(l -> l.length() >= cut ? l.substring(cut) : l.strip());
        }
        return lines;
    }

    /** Each line prefixed with the given number of spaces (empty lines stay empty). */
    static List<String> shift(List<String> lines, int spaces, boolean first) {
        String pad = " ".repeat(spaces);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            out.add((i > 0 || first) && !l.isEmpty() ? pad + l : l);
        }
        return out;
    }

    static <T> List<T> map(List<String> l, Function<String, T> f) {
        return l.stream().map(f).toList();
    }
}
