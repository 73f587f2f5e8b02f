package org.ssmworkbench.io.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The text of one YAML file and edits addressed by {@link YamlPath}, each changing only the lines it
 * must: comments, blank lines, key order, quoting and indentation of everything else stay as they are,
 * and an unedited document gives back its text unchanged.
 *
 * <p>Positions come from SnakeYAML's node marks, values from Jackson (the reader the project loader
 * uses). Every edit is checked before it is returned: the new text must parse and read back (with
 * Jackson) as the old tree with exactly that edit made; otherwise the edit fails with an
 * {@link IllegalStateException} and nothing is returned. Edits that cannot be made faithfully are
 * refused with a {@link YamlEditException}: documents with anchors or aliases, explicitly tagged
 * nodes, structural edits inside a flow collection that spans several lines, complex keys.
 *
 * <p>Instances are immutable; each edit returns a new document.
 */
public final class YamlDocument {

    /** Largest document, in code points (SnakeYAML's default is 3 MiB). */
    public static final int CODE_POINT_LIMIT = 64 * 1024 * 1024;

    private static final ObjectMapper TREES = YAMLMapper.builder(YAMLFactory.builder()
                    .loaderOptions(loaderOptions())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private final String text;
    private final Node root;
    private final JsonNode tree;
    private final int[] charIndex;
    private final String newline;
    private final int anchorLine;
    private final YamlRender render;

    private YamlDocument(String text, Node root, JsonNode tree) {
        this.text = text;
        this.root = root;
        this.tree = tree;
        this.charIndex = text.codePointCount(0, text.length()) == text.length() ? null : codePointStarts(text);
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        this.anchorLine = root == null ? 0 : anchorLine(root);
        this.render = root == null ? new YamlRender(2, true) : new YamlRender(indentStep(root), indentedSequences(root));
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(CODE_POINT_LIMIT);
        o.setAllowDuplicateKeys(false);
        return o;
    }

    /**
     * Parses a document.
     *
     * @throws YamlEditException when the text is not a single valid YAML document
     */
    public static YamlDocument parse(String text) {
        Objects.requireNonNull(text, "text");
        Node root;
        try {
            root = new Yaml(loaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            throw new YamlEditException(YamlPath.ROOT, m == null ? 0 : m.getLine() + 1,
                    "not valid YAML, so it cannot be edited: " + e.getProblem());
        } catch (YAMLException e) {
            throw new YamlEditException(YamlPath.ROOT, 0, "not valid YAML, so it cannot be edited: " + e.getMessage());
        }
        JsonNode tree;
        try {
            tree = TREES.readTree(text);
        } catch (JsonProcessingException e) {
            throw new YamlEditException(YamlPath.ROOT, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "cannot be read, so it cannot be edited: " + e.getOriginalMessage());
        }
        return new YamlDocument(text, root, tree == null ? MissingNode.getInstance() : tree);
    }

    /** A new document holding a tree, emitted in block style with short collections of scalars in flow style. */
    public static YamlDocument of(JsonNode tree) {
        YamlRender r = new YamlRender(2, true);
        YamlDocument d = parse(r.document(r.node(tree, null, false)));
        if (!same(d.tree, tree)) {
            throw new IllegalStateException("emitting a new document would not read back as written: "
                    + d.tree + " instead of " + tree);
        }
        return d;
    }

    /** The document's text. */
    public String text() {
        return text;
    }

    /** The values as Jackson reads them (a copy); {@link MissingNode} for an empty document. */
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /**
     * Sets the value at a path that exists: a scalar keeps its quoting style (plain, single, double,
     * literal, folded) where the new value allows it and its trailing comment; a collection or a change
     * of kind is re-emitted in the style of its surroundings.
     */
    public YamlDocument set(YamlPath path, JsonNode value) {
        checkText(path, value);
        if (path.isRoot()) {
            refuseAnchors(path);
            YamlDocument d = of(value);
            return d;
        }
        Located at = locate(path);
        refuseAnchors(path);
        JsonNode expected = edited(path, e -> e.set(value));
        if (same(treeAt(path), value)) {
            return this;
        }
        if (at.node instanceof ScalarNode s && value.isValueNode()) {
            return setScalar(path, at, s, value, expected);
        }
        return replace(path, at, value, expected);
    }

    /** Adds a key at the end of a mapping. */
    public YamlDocument put(YamlPath mapping, String key, JsonNode value) {
        Located at = locate(mapping);
        if (!(at.node instanceof MappingNode m)) {
            throw refuse(mapping, at.node, "is not a mapping");
        }
        String last = m.getValue().isEmpty() ? null : keyOf(mapping, m.getValue().get(m.getValue().size() - 1));
        return put(mapping, key, value, last);
    }

    /**
     * Adds a key to a mapping right after another key, or first when {@code afterKey} is null.
     *
     * @throws YamlEditException when the key is there already or {@code afterKey} is not
     */
    public YamlDocument put(YamlPath mapping, String key, JsonNode value, String afterKey) {
        checkText(mapping, JsonNodeFactory.instance.textNode(Objects.requireNonNull(key, "key")));
        checkText(mapping.key(key), value);
        Located at = locate(mapping);
        if (!(at.node instanceof MappingNode m)) {
            throw refuse(mapping, at.node, "is not a mapping");
        }
        refuseAnchors(mapping);
        List<NodeTuple> tuples = m.getValue();
        int after = -1;
        for (int i = 0; i < tuples.size(); i++) {
            String k = keyOf(mapping, tuples.get(i));
            if (k.equals(key)) {
                throw refuse(mapping.key(key), tuples.get(i).getKeyNode(), "is there already");
            }
            if (k.equals(afterKey)) {
                after = i;
            }
        }
        if (afterKey != null && after < 0) {
            throw refuse(mapping, m, "has no key '" + afterKey + "' to add '" + key + "' after");
        }
        JsonNode expected = edited(mapping, e -> ((ObjectNode) e.get()).set(key, value));
        Node template = template(mapping.key(key), value);
        String edited;
        if (m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            refuseMultiLine(mapping, m);
            String entry = render.inline(render.node(JsonNodeFactory.instance.objectNode().set(key, value), template, true));
            entry = entry.substring(1, entry.length() - 1);
            if (tuples.isEmpty()) {
                edited = splice(off(m.getStartMark()) + 1, off(m.getStartMark()) + 1, entry);
            } else if (after < 0) {
                int s = off(tuples.get(0).getKeyNode().getStartMark());
                edited = splice(s, s, entry + ", ");
            } else {
                int e = contentEnd(tuples.get(after).getValueNode());
                edited = splice(e, e, ", " + entry);
            }
        } else {
            int col = tuples.get(0).getKeyNode().getStartMark().getColumn();
            List<String> lines = YamlRender.shift(render.entry(
                    render.scalar(JsonNodeFactory.instance.textNode(key), keyTemplate(m), false),
                    render.node(value, template, false)), col, true);
            int firstKey = off(tuples.get(0).getKeyNode().getStartMark());
            if (after < 0 && !onlySpacesBefore(firstKey)) {
                // the mapping starts after a dash ("- id: e1"): the new key takes the dash's line
                List<String> l = new ArrayList<>(lines);
                l.set(0, l.get(0).substring(col));
                edited = splice(firstKey, firstKey, String.join(newline, l) + newline + " ".repeat(col));
            } else {
                int pos = after < 0 ? lineStart(firstKey) : lineAfter(contentEnd(tuples.get(after).getValueNode()));
                edited = insertLines(pos, lines);
            }
        }
        return commit(edited, expected, mapping.key(key), "add");
    }

    /** Appends an item to a sequence. */
    public YamlDocument append(YamlPath sequence, JsonNode value) {
        Located at = locate(sequence);
        if (!(at.node instanceof SequenceNode s)) {
            throw refuse(sequence, at.node, "is not a sequence");
        }
        return insert(sequence, s.getValue().size(), value);
    }

    /** Inserts an item into a sequence before the item at {@code index} (at the end when it is the size). */
    public YamlDocument insert(YamlPath sequence, int index, JsonNode value) {
        checkText(sequence.index(index), value);
        Located at = locate(sequence);
        if (!(at.node instanceof SequenceNode s)) {
            throw refuse(sequence, at.node, "is not a sequence");
        }
        refuseAnchors(sequence);
        List<Node> items = s.getValue();
        if (index < 0 || index > items.size()) {
            throw refuse(sequence, s, "has " + items.size() + " items; cannot insert at " + index);
        }
        JsonNode expected = edited(sequence, e -> ((ArrayNode) e.get()).insert(index, value));
        Node template = template(sequence.index(index), value);
        String edited;
        if (s.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            refuseMultiLine(sequence, s);
            String item = render.inline(render.node(value, template, true));
            if (items.isEmpty()) {
                edited = splice(off(s.getStartMark()) + 1, off(s.getStartMark()) + 1, item);
            } else if (index < items.size()) {
                int p = off(items.get(index).getStartMark());
                edited = splice(p, p, item + ", ");
            } else {
                int p = contentEnd(items.get(items.size() - 1));
                edited = splice(p, p, ", " + item);
            }
        } else {
            int dash = dash(sequence, items.get(0));
            int col = column(dash);
            List<String> lines = YamlRender.shift(render.item(render.node(value, template, false)), col, true);
            int pos = index < items.size() ? lineStart(dash(sequence.index(index), items.get(index)))
                    : lineAfter(contentEnd(items.get(items.size() - 1)));
            edited = insertLines(pos, lines);
        }
        return commit(edited, expected, sequence.index(index), "insert");
    }

    /**
     * Removes a key from its mapping or an item from its sequence, with its lines (and their trailing
     * comments); a collection left empty becomes {@code {}} or {@code []}.
     */
    public YamlDocument remove(YamlPath path) {
        if (path.isRoot()) {
            throw new YamlEditException(path, 0, "the document itself cannot be removed");
        }
        Located at = locate(path);
        refuseAnchors(path);
        YamlPath parentPath = path.parent();
        JsonNode expected = edited(parentPath, e -> {
            if (path.last() instanceof Integer i) {
                ((ArrayNode) e.get()).remove(i);
            } else {
                ((ObjectNode) e.get()).remove((String) path.last());
            }
        });
        CollectionNode<?> parent = (CollectionNode<?>) at.parent;
        int size = parent.getValue().size();
        if (size == 1) {
            return set(parentPath, parent instanceof MappingNode ? JsonNodeFactory.instance.objectNode()
                    : JsonNodeFactory.instance.arrayNode());
        }
        int i = at.index;
        String edited;
        if (parent.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            refuseMultiLine(parentPath, parent);
            int start = entryStart(parent, i);
            int end = contentEnd(entryLast(parent, i));
            if (i + 1 < size) {
                edited = splice(start, entryStart(parent, i + 1), "");
            } else {
                edited = splice(contentEnd(entryLast(parent, i - 1)), end, "");
            }
        } else {
            int start = parent instanceof MappingNode ? off(at.tuple.getKeyNode().getStartMark()) : dash(path, at.node);
            int end = lineAfter(contentEnd(at.node));
            if (onlySpacesBefore(start)) {
                edited = splice(lineStart(start), end, "");
            } else if (i + 1 < size) {
                // first entry after a dash: the next entry moves up onto the dash's line
                edited = splice(start, entryStart(parent, i + 1), "");
            } else {
                throw refuse(path, at.node, "shares its line with what precedes it; edit it by hand");
            }
        }
        return commit(edited, expected, path, "remove");
    }

    /**
     * Edits the document until it reads as the desired tree, one minimal edit at a time (see
     * {@link YamlRewrite}); a document that reads as the desired tree already is returned as it is.
     */
    public YamlDocument rewrite(JsonNode desired) {
        return YamlRewrite.rewrite(this, desired);
    }

    // ---------------------------------------------------------------------------------------------
    // scalars and replacements

    private YamlDocument setScalar(YamlPath path, Located at, ScalarNode old, JsonNode value, JsonNode expected) {
        refuseTagged(path, old);
        int start = off(old.getStartMark());
        int end = contentEnd(old);
        boolean empty = old.getValue().isEmpty() && old.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && start == end;
        if (empty) {
            return replace(path, at, value, expected);
        }
        List<String> candidates = new ArrayList<>();
        if (!value.isTextual()) {
            candidates.add(YamlRender.plainText(value, old));
        } else {
            String s = value.textValue();
            DumperOptions.ScalarStyle style = old.getScalarStyle();
            if (style == DumperOptions.ScalarStyle.PLAIN && readsAsPlain(s, at.inFlow)) {
                candidates.add(s);
            }
            if ((style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) && !at.inFlow) {
                candidates.add(blockScalar(s, style, old));
            }
            if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED) {
                candidates.add(quoted(s, style));
            }
            candidates.add(quoted(s, DumperOptions.ScalarStyle.DOUBLE_QUOTED));
        }
        for (String c : candidates) {
            YamlDocument d = tryCommit(keepCommentColumn(start, end, c), expected);
            if (d != null) {
                return d;
            }
        }
        throw new IllegalStateException("setting " + path + " to " + value + " would not read back as written"
                + " in any quoting style (tried: " + candidates + ")");
    }

    /** Replaces [start, end) keeping a trailing comment on the line at its column where there is room. */
    private String keepCommentColumn(int start, int end, String replacement) {
        int lineEnd = lineEnd(end);
        String rest = text.substring(end, lineEnd);
        int hash = rest.indexOf('#');
        if (replacement.indexOf('\n') < 0 && hash > 0 && rest.substring(0, hash).isBlank()) {
            int gap = hash - (replacement.length() - (end - start));
            String spaces = " ".repeat(Math.max(1, gap));
            return text.substring(0, start) + replacement + spaces + text.substring(end + hash);
        }
        return splice(start, end, replacement);
    }

    private String quoted(String s, DumperOptions.ScalarStyle style) {
        return render.inline(new ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, s, null, null, style));
    }

    private String blockScalar(String s, DumperOptions.ScalarStyle style, ScalarNode old) {
        ScalarNode n = new ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, s, null, null, style);
        List<String> lines = render.emit(new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, List.of(new NodeTuple(
                new ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, "k", null, null, DumperOptions.ScalarStyle.PLAIN), n)),
                DumperOptions.FlowStyle.BLOCK), style == DumperOptions.ScalarStyle.FOLDED);
        int contentCol = old.getStartMark().getColumn() + 2;
        int first = lineAfter(off(old.getStartMark()));
        for (int p = first; p < text.length(); p = lineAfter(p)) {
            String l = text.substring(p, lineEnd(p));
            if (!l.isBlank()) {
                contentCol = l.length() - l.stripLeading().length();
                break;
            }
        }
        int emitted = lines.size() > 1 ? lines.get(1).length() - lines.get(1).stripLeading().length() : 2;
        List<String> out = new ArrayList<>();
        out.add(lines.get(0).substring(3));
        for (String l : lines.subList(1, lines.size())) {
            out.add(l.isEmpty() ? l : " ".repeat(contentCol) + l.substring(Math.min(emitted, l.length())));
        }
        return String.join(newline, out);
    }

    /** Replaces the value at a path by a newly emitted one (the entry's key and surroundings stay). */
    private YamlDocument replace(YamlPath path, Located at, JsonNode value, JsonNode expected) {
        refuseTagged(path, at.node);
        if (at.inFlow) {
            String inline = render.inline(render.node(value, template(path, value), true));
            return commit(splice(off(at.node.getStartMark()), contentEnd(at.node), inline), expected, path, "set");
        }
        Node template = template(path, value);
        Node fresh = render.node(value, template, false);
        if (at.parent instanceof MappingNode) {
            int keyEnd = contentEnd(at.tuple.getKeyNode());
            int colon = skipSpaces(keyEnd);
            if (colon >= text.length() || text.charAt(colon) != ':') {
                throw refuse(path, at.tuple.getKeyNode(), "has a complex key; edit it by hand");
            }
            int keyCol = at.tuple.getKeyNode().getStartMark().getColumn();
            List<String> lines = render.underKey(fresh);
            return commit(replaceAfter(colon + 1, at.node, lines, keyCol), expected, path, "set");
        }
        int dash = dash(path, at.node);
        List<String> item = render.item(fresh);
        List<String> lines = new ArrayList<>(item);
        lines.set(0, item.get(0).substring(1));
        return commit(replaceAfter(dash + 1, at.node, lines, column(dash)), expected, path, "set");
    }

    /**
     * Replaces what follows a key's colon or an item's dash up to the end of the old value's last line by
     * emitted lines (first line: what follows the indicator; the rest indented from {@code col}); a
     * comment after the indicator on its line, or after a one-line value, is kept.
     */
    private String replaceAfter(int from, Node old, List<String> lines, int col) {
        int oldStart = off(old.getStartMark());
        int oldEnd = contentEnd(old);
        boolean oldEmpty = old instanceof ScalarNode s && s.getValue().isEmpty()
                && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && oldStart == oldEnd;
        boolean oldInline = !oldEmpty && lineStart(oldStart) == lineStart(from);
        String comment;
        int end;
        if (oldEmpty) {
            end = lineEnd(from);
            comment = text.substring(from, end);
        } else if (oldInline) {
            end = lineEnd(oldEnd);
            comment = text.substring(oldEnd, end);
        } else {
            end = lineEnd(oldEnd);
            comment = text.substring(from, lineEnd(from));
        }
        comment = comment.isBlank() ? "" : comment;
        if (lines.size() == 1 && !lines.get(0).isEmpty()) {
            if (oldInline) {
                return keepCommentColumn(oldStart, oldEnd, lines.get(0).substring(1));
            }
            return splice(from, end, lines.get(0) + comment);
        }
        StringBuilder b = new StringBuilder(lines.get(0)).append(comment);
        for (String l : YamlRender.shift(lines.subList(1, lines.size()), col, true)) {
            b.append(newline).append(l);
        }
        return splice(from, end, b.toString());
    }

    // ---------------------------------------------------------------------------------------------
    // checking

    private YamlDocument commit(String edited, JsonNode expected, YamlPath path, String what) {
        YamlDocument d;
        try {
            d = parse(edited);
        } catch (YamlEditException e) {
            throw new IllegalStateException("the " + what + " at " + path + " would write a file that does not"
                    + " parse (" + e.getMessage() + "); nothing was changed", e);
        }
        if (!same(d.tree, expected)) {
            throw new IllegalStateException("the " + what + " at " + path + " would write a file that reads back"
                    + " differently; nothing was changed. Expected " + expected + ", read " + d.tree);
        }
        return d;
    }

    private YamlDocument tryCommit(String edited, JsonNode expected) {
        try {
            YamlDocument d = parse(edited);
            return same(d.tree, expected) ? d : null;
        } catch (YamlEditException e) {
            return null;
        }
    }

    /**
     * Whether two trees hold the same values: numbers compare by value (so {@code 2} and {@code 2.0} are
     * the same), everything else exactly; mapping order is not compared.
     */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.isFloatingPointNumber() && !Double.isFinite(a.doubleValue())
                    || b.isFloatingPointNumber() && !Double.isFinite(b.doubleValue())) {
                return a.doubleValue() == b.doubleValue();
            }
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!same(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Whether a string written plain (unquoted) reads back as that string, in block or flow context. */
    static boolean readsAsPlain(String s, boolean flow) {
        if (s.isEmpty() || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || !s.strip().equals(s)
                || s.indexOf('\t') >= 0 || s.contains(" #") || s.startsWith("#")) {
            return false;
        }
        try {
            JsonNode n = TREES.readTree(flow ? "[" + s + "]" : "k: " + s);
            JsonNode v = flow ? (n.isArray() && n.size() == 1 ? n.get(0) : null) : n.get("k");
            return v != null && v.isTextual() && v.textValue().equals(s)
                    && new Yaml(loaderOptions()).compose(new StringReader(flow ? "[" + s + "]" : "k: " + s)) != null;
        } catch (JsonProcessingException | YAMLException e) {
            return false;
        }
    }

    private interface Edit {
        void apply(Holder h);
    }

    /** A slot in a tree copy: get the node, or set it in its parent. */
    private static final class Holder {
        private final JsonNode parent;
        private final Object segment;
        private JsonNode rootValue;

        Holder(JsonNode parent, Object segment, JsonNode root) {
            this.parent = parent;
            this.segment = segment;
            this.rootValue = root;
        }

        JsonNode get() {
            if (parent == null) {
                return rootValue;
            }
            return segment instanceof Integer i ? parent.get(i) : parent.get((String) segment);
        }

        void set(JsonNode v) {
            if (parent == null) {
                rootValue = v;
            } else if (segment instanceof Integer i) {
                ((ArrayNode) parent).set(i, v);
            } else {
                ((ObjectNode) parent).set((String) segment, v);
            }
        }
    }

    /** The tree with one edit made at a path, on a copy. */
    private JsonNode edited(YamlPath path, Edit edit) {
        JsonNode copy = tree.deepCopy();
        if (path.isRoot()) {
            Holder h = new Holder(null, null, copy);
            edit.apply(h);
            return h.rootValue;
        }
        JsonNode parent = copy;
        List<Object> s = path.segments();
        for (int i = 0; i < s.size() - 1; i++) {
            parent = s.get(i) instanceof Integer n ? parent.get(n) : parent.get((String) s.get(i));
        }
        edit.apply(new Holder(parent, path.last(), copy));
        return copy;
    }

    private JsonNode treeAt(YamlPath path) {
        JsonNode n = tree;
        for (Object s : path.segments()) {
            n = n == null ? null : s instanceof Integer i ? n.get(i) : n.get((String) s);
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------
    // finding nodes

    /** A node with its parent collection, its entry there, and whether it sits inside a flow collection. */
    private record Located(Node node, Node parent, NodeTuple tuple, int index, boolean inFlow) {
    }

    private Located locate(YamlPath path) {
        if (root == null) {
            throw new YamlEditException(path, 0, "the document is empty");
        }
        Node n = root;
        Node parent = null;
        NodeTuple tuple = null;
        int index = -1;
        boolean flow = false;
        List<Object> done = new ArrayList<>();
        for (Object s : path.segments()) {
            YamlPath here = new YamlPath(done);
            flow |= n instanceof CollectionNode<?> c && c.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
            parent = n;
            if (s instanceof Integer i) {
                if (!(n instanceof SequenceNode q)) {
                    throw refuse(here, n, "is not a sequence");
                }
                if (i < 0 || i >= q.getValue().size()) {
                    throw refuse(here, n, "has no item " + i + " (it has " + q.getValue().size() + ")");
                }
                tuple = null;
                index = i;
                n = q.getValue().get(i);
            } else {
                if (!(n instanceof MappingNode m)) {
                    throw refuse(here, n, "is not a mapping");
                }
                tuple = null;
                List<NodeTuple> tuples = m.getValue();
                for (int k = 0; k < tuples.size(); k++) {
                    if (tuples.get(k).getKeyNode() instanceof ScalarNode key && key.getValue().equals(s)) {
                        tuple = tuples.get(k);
                        index = k;
                    }
                }
                if (tuple == null) {
                    throw refuse(here, n, "has no key '" + s + "'");
                }
                n = tuple.getValueNode();
            }
            done.add(s);
        }
        return new Located(n, parent, tuple, index, flow);
    }

    /** A node like the one a new value at this path becomes: the same path in a sibling item, else null. */
    private Node template(YamlPath path, JsonNode value) {
        Node found = similar(root, path.segments(), 0, true);
        if (found == null && path.segments().size() > 0 && path.last() instanceof String) {
            try {
                Located p = locate(path.parent());
                if (p.node instanceof MappingNode m) {
                    for (NodeTuple t : m.getValue()) {
                        Node v = t.getValueNode();
                        if (value.isObject() && v instanceof MappingNode || value.isArray() && v instanceof SequenceNode) {
                            return v;
                        }
                    }
                }
            } catch (YamlEditException e) {
                return null;
            }
        }
        return found;
    }

    private static Node similar(Node n, List<Object> path, int at, boolean exactIndex) {
        if (n == null) {
            return null;
        }
        if (at == path.size()) {
            return n;
        }
        Object s = path.get(at);
        if (s instanceof Integer i && n instanceof SequenceNode q) {
            List<Node> items = q.getValue();
            if (i < items.size()) {
                Node r = similar(items.get(i), path, at + 1, exactIndex);
                if (r != null) {
                    return r;
                }
            }
            for (int k = items.size() - 1; k >= 0; k--) {
                Node r = similar(items.get(k), path, at + 1, false);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        if (s instanceof String key && n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return similar(t.getValueNode(), path, at + 1, exactIndex);
                }
            }
        }
        return null;
    }

    private static Node keyTemplate(MappingNode m) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
                return k;
            }
        }
        return null;
    }

    private String keyOf(YamlPath mapping, NodeTuple t) {
        if (t.getKeyNode() instanceof ScalarNode k) {
            return k.getValue();
        }
        throw refuse(mapping, t.getKeyNode(), "has a complex key; edit it by hand");
    }

    /** Start of entry i of a collection: its key, or the item. */
    private int entryStart(CollectionNode<?> c, int i) {
        Object e = c.getValue().get(i);
        return off(e instanceof NodeTuple t ? t.getKeyNode().getStartMark() : ((Node) e).getStartMark());
    }

    private static Node entryLast(CollectionNode<?> c, int i) {
        Object e = c.getValue().get(i);
        return e instanceof NodeTuple t ? t.getValueNode() : (Node) e;
    }

    // ---------------------------------------------------------------------------------------------
    // refusals

    /** Refuses text a UTF-8 file cannot hold: unpaired surrogates, and non-finite numbers. */
    private static void checkText(YamlPath path, JsonNode value) {
        Objects.requireNonNull(value, "value");
        if (value.isTextual()) {
            String s = value.textValue();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new YamlEditException(path, 0, "the text holds an unpaired surrogate (U+"
                            + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + "), which no UTF-8 file can hold");
                }
            }
        } else if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            throw new YamlEditException(path, 0, "the number " + value.doubleValue() + " cannot be written: project"
                    + " files hold finite numbers only");
        }
        for (JsonNode c : value) {
            checkText(path, c);
        }
        if (value.isObject()) {
            value.fieldNames().forEachRemaining(k -> checkText(path, JsonNodeFactory.instance.textNode(k)));
        }
    }

    private void refuseAnchors(YamlPath path) {
        if (anchorLine > 0) {
            throw new YamlEditException(path, anchorLine, "the file uses YAML anchors or aliases (&name / *name);"
                    + " it is not edited automatically, since an edit there would change every place that refers"
                    + " to it. Edit it by hand, or write the values out");
        }
    }

    private void refuseTagged(YamlPath path, Node n) {
        int s = off(n.getStartMark());
        if (s < text.length() && (text.charAt(s) == '!' || text.charAt(s) == '&' || text.charAt(s) == '*')) {
            throw refuse(path, n, "carries an explicit tag; edit it by hand");
        }
    }

    private void refuseMultiLine(YamlPath path, CollectionNode<?> c) {
        if (c.getStartMark().getLine() != c.getEndMark().getLine()) {
            throw refuse(path, c, "is a flow collection ([...] or {...}) over several lines; only one-line flow"
                    + " collections are edited automatically. Edit it by hand, or write it in block style");
        }
    }

    private static YamlEditException refuse(YamlPath path, Node n, String message) {
        return new YamlEditException(path, n == null ? 0 : n.getStartMark().getLine() + 1, message);
    }

    private static int anchorLine(Node root) {
        IdentityHashMap<Node, Boolean> seen = new IdentityHashMap<>();
        List<Node> todo = new ArrayList<>(List.of(root));
        int first = 0;
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            if (n.getAnchor() != null || seen.put(n, Boolean.TRUE) != null) {
                int line = n.getStartMark().getLine() + 1;
                first = first == 0 ? line : Math.min(first, line);
                continue;
            }
            if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    todo.add(t.getKeyNode());
                    todo.add(t.getValueNode());
                }
            } else if (n instanceof SequenceNode q) {
                todo.addAll(q.getValue());
            }
        }
        return first;
    }

    // ---------------------------------------------------------------------------------------------
    // layout

    private static int indentStep(Node root) {
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.remove(0);
            if (n instanceof MappingNode m && m.getFlowStyle() != DumperOptions.FlowStyle.FLOW) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getValueNode() instanceof MappingNode v && v.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                            && !v.getValue().isEmpty()) {
                        int step = v.getValue().get(0).getKeyNode().getStartMark().getColumn()
                                - t.getKeyNode().getStartMark().getColumn();
                        if (step > 0) {
                            return step;
                        }
                    }
                    todo.add(t.getValueNode());
                }
            } else if (n instanceof SequenceNode q) {
                todo.addAll(q.getValue());
            }
        }
        return 2;
    }

    private boolean indentedSequences(Node root) {
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.remove(0);
            if (n instanceof MappingNode m && m.getFlowStyle() != DumperOptions.FlowStyle.FLOW) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getValueNode() instanceof SequenceNode v && v.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                            && !v.getValue().isEmpty()) {
                        return v.getStartMark().getColumn() > t.getKeyNode().getStartMark().getColumn();
                    }
                    todo.add(t.getValueNode());
                }
            } else if (n instanceof SequenceNode q) {
                todo.addAll(q.getValue());
            }
        }
        return true;
    }

    /** The char offset of a mark. */
    private int off(Mark m) {
        return charIndex == null ? m.getIndex() : charIndex[m.getIndex()];
    }

    private int column(int offset) {
        return offset - lineStart(offset);
    }

    private static int[] codePointStarts(String text) {
        int n = text.codePointCount(0, text.length());
        int[] r = new int[n + 1];
        int c = 0;
        for (int i = 0; i < n; i++) {
            r[i] = c;
            c += Character.charCount(text.codePointAt(c));
        }
        r[n] = text.length();
        return r;
    }

    /** Offset just after the node's last character that is not white space. */
    private int contentEnd(Node n) {
        if (n instanceof ScalarNode s) {
            int e = off(s.getEndMark());
            if (s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL || s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED) {
                while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
            }
            return e;
        }
        CollectionNode<?> c = (CollectionNode<?>) n;
        if (c.getFlowStyle() == DumperOptions.FlowStyle.FLOW || c.getValue().isEmpty()) {
            return off(c.getEndMark());
        }
        Object last = c.getValue().get(c.getValue().size() - 1);
        if (last instanceof NodeTuple t) {
            return Math.max(contentEnd(t.getKeyNode()), contentEnd(t.getValueNode()));
        }
        return contentEnd((Node) last);
    }

    /** The dash of a block sequence item. */
    private int dash(YamlPath path, Node item) {
        int p = off(item.getStartMark()) - 1;
        while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\t' || text.charAt(p) == '\n'
                || text.charAt(p) == '\r')) {
            p--;
        }
        if (p < 0 || text.charAt(p) != '-' || !onlySpacesBefore(p)) {
            throw refuse(path, item, "is a sequence item laid out in a way that is not edited automatically"
                    + " (nested dashes or a comment before it); edit it by hand");
        }
        return p;
    }

    private boolean onlySpacesBefore(int offset) {
        for (int p = offset - 1; p >= 0 && text.charAt(p) != '\n'; p--) {
            if (text.charAt(p) != ' ') {
                return false;
            }
        }
        return true;
    }

    private int skipSpaces(int p) {
        while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    private int lineStart(int offset) {
        int p = offset;
        while (p > 0 && text.charAt(p - 1) != '\n') {
            p--;
        }
        return p;
    }

    /** Offset of the line break (or the end of text) ending the line that holds {@code offset - 1}. */
    private int lineEnd(int offset) {
        int p = Math.max(offset, 0);
        while (p < text.length() && text.charAt(p) != '\n' && text.charAt(p) != '\r') {
            p++;
        }
        return p;
    }

    /** Start of the line after the one that holds the character before {@code contentEnd}. */
    private int lineAfter(int contentEnd) {
        int p = lineEnd(contentEnd);
        if (p < text.length() && text.charAt(p) == '\r') {
            p++;
        }
        if (p < text.length() && text.charAt(p) == '\n') {
            p++;
        }
        return p;
    }

    private String splice(int start, int end, String replacement) {
        return text.substring(0, start) + replacement + text.substring(end);
    }

    /** Inserts whole lines at a line start (or at the end of a text that does not end in a line break). */
    private String insertLines(int pos, List<String> lines) {
        String block = String.join(newline, lines);
        if (pos == text.length() && !text.isEmpty() && !text.endsWith("\n")) {
            return text + newline + block;
        }
        return splice(pos, pos, block + newline);
    }
}
