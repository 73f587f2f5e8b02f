package org.ssmworkbench.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Over every YAML file of both built-in cases and the {@code ssm init} scaffold: an unedited document
 * rewrites to the same bytes, and a random single edit changes only the lines it must and reads back
 * as the edited tree.
 */
class YamlEditPropertiesTest {

    /** Every YAML file of the examples and the scaffold, relative to the ssm-io module. */
    static final List<Path> FILES = files();

    private static List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(Path.of("..", "examples", "quantization"), Path.of("..", "examples", "quantization-extended"),
                Path.of("..", "ssm-cli", "src", "main", "resources", "org", "ssmworkbench", "cli", "init"))) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Example
    void everyFileRewritesToItsOwnBytes() {
        assertThat(FILES).hasSizeGreaterThan(30);
        for (Path p : FILES) {
            String text = read(p);
            YamlDocument d = YamlDocument.parse(text);
            assertThat(d.rewrite(d.tree()).text()).as(p.toString()).isEqualTo(text);
        }
    }

    /** A file and one of its scalars. */
    record Leaf(Path file, YamlPath path, JsonNode value) {
    }

    @Provide
    Arbitrary<Leaf> leaves() {
        List<Leaf> all = new ArrayList<>();
        for (Path p : FILES) {
            collect(p, YamlPath.ROOT, YamlDocument.parse(read(p)).tree(), all);
        }
        return Arbitraries.of(all);
    }

    private static void collect(Path file, YamlPath at, JsonNode n, List<Leaf> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(file, at.key(e.getKey()), e.getValue(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(file, at.index(i), n.get(i), out);
            }
        } else {
            out.add(new Leaf(file, at, n));
        }
    }

    @Provide
    Arbitrary<JsonNode> scalars() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(24),
                Arbitraries.of("a", "b", " ", ":", "#", "-", "'", "\"", "\\", ",", "[", "]", "{", "}", "\n", "é", "Σ",
                        "𝔘", "\t").list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l)),
                Arbitraries.of("yes", "no", "n.a.", "1.5", "2022", "null", "~", "true", "- x", "a: b", "q0.16",
                        "strongly positive", "", " lead", "trail "));
        return Arbitraries.oneOf(
                text.map(TextNode::valueOf),
                Arbitraries.doubles().between(-1e6, 1e6).map(DoubleNode::valueOf),
                Arbitraries.doubles().between(-1, 1).ofScale(3).map(DoubleNode::valueOf),
                Arbitraries.integers().between(-100, 5000).map(IntNode::valueOf),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE));
    }

    @Property(tries = 60)
    void settingAScalarChangesOnlyItsLinesAndReadsBack(@ForAll("leaves") Leaf leaf, @ForAll("scalars") JsonNode value) {
        String before = read(leaf.file());
        YamlDocument d = YamlDocument.parse(before).set(leaf.path(), value);
        JsonNode want = YamlDocument.parse(before).tree();
        setIn(want, leaf.path(), value);
        assertThat(YamlDocument.same(YamlDocument.parse(d.text()).tree(), want)).as(d.text()).isTrue();
        int[] lines = lines(before, leaf.path());
        Changed c = Changed.between(before, d.text());
        if (c.changed()) {
            assertThat(c.firstOld).isGreaterThanOrEqualTo(lines[0]);
            assertThat(c.endOld).isLessThanOrEqualTo(lines[1] + 1);
        }
    }

    @Property(tries = 50)
    void removingAnEntryRemovesOnlyItsLines(@ForAll("leaves") Leaf leaf) {
        String before = read(leaf.file());
        YamlPath entry = leaf.path();
        YamlDocument d = YamlDocument.parse(before);
        JsonNode parent = at(d.tree(), entry.parent());
        if (parent.size() < 2) {
            return;
        }
        String after = d.remove(entry).text();
        JsonNode want = d.tree();
        JsonNode p = at(want, entry.parent());
        if (entry.last() instanceof Integer i) {
            ((ArrayNode) p).remove(i);
        } else {
            ((ObjectNode) p).remove((String) entry.last());
        }
        assertThat(YamlDocument.same(YamlDocument.parse(after).tree(), want)).isTrue();
        Changed c = Changed.between(before, after);
        int[] lines = lines(before, entry);
        assertThat(c.firstOld).isGreaterThanOrEqualTo(lines[0] - 1);
        assertThat(c.endOld).isLessThanOrEqualTo(lines[1] + 2);
        if (!flow(before, entry.parent())) {
            // only lines go, except that the first key of a "- key: value" item hands its dash to the next key
            assertThat(c.endNew - c.firstOld).as("a block entry's removal only removes lines").isLessThanOrEqualTo(
                    entry.last() instanceof String && entry.parent().segments().size() > 0
                            && entry.parent().last() instanceof Integer ? 1 : 0);
            assertThat(c.endOld - c.endNew).isEqualTo(lines[1] - lines[0] + 1);
        }
    }

    @Property(tries = 50)
    void appendingToASequenceOnlyAddsLines(@ForAll("leaves") Leaf leaf, @ForAll("scalars") JsonNode value) {
        YamlPath seq = leaf.path().parent();
        String before = read(leaf.file());
        YamlDocument d = YamlDocument.parse(before);
        if (!at(d.tree(), seq).isArray()) {
            return;
        }
        String after;
        try {
            after = d.append(seq, value).text();
        } catch (YamlEditException e) {
            assertThat(e).hasMessageContaining("over several lines");
            return;
        }
        JsonNode want = d.tree();
        ((ArrayNode) at(want, seq)).add(value);
        assertThat(YamlDocument.same(YamlDocument.parse(after).tree(), want)).isTrue();
        Changed c = Changed.between(before, after);
        if (flow(before, seq)) {
            assertThat(c.endOld - c.firstOld).isEqualTo(1);
        } else {
            assertThat(c.endOld).as("appending to a block sequence only adds lines").isEqualTo(c.firstOld);
        }
    }

    static JsonNode at(JsonNode root, YamlPath path) {
        JsonNode n = root;
        for (Object s : path.segments()) {
            n = s instanceof Integer i ? n.get(i) : n.get((String) s);
        }
        return n;
    }

    static void setIn(JsonNode root, YamlPath path, JsonNode value) {
        JsonNode parent = at(root, path.parent());
        if (path.last() instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) path.last(), value);
        }
    }

    /** The 0-based first and last line of the node at a path (of its key, for a mapping entry). */
    static int[] lines(String text, YamlPath path) {
        Node n = new Yaml().compose(new StringReader(text));
        Node start = n;
        for (Object s : path.segments()) {
            if (s instanceof Integer i) {
                n = ((SequenceNode) n).getValue().get(i);
                start = n;
            } else {
                for (NodeTuple t : ((MappingNode) n).getValue()) {
                    if (((ScalarNode) t.getKeyNode()).getValue().equals(s)) {
                        n = t.getValueNode();
                        start = t.getKeyNode();
                        break;
                    }
                }
            }
        }
        int end = n.getEndMark().getIndex();
        int[] cps = text.codePoints().toArray();
        while (end > 0 && Character.isWhitespace(cps[end - 1])) {
            end--;
        }
        int line = 0;
        for (int i = 0; i < end; i++) {
            line += cps[i] == '\n' ? 1 : 0;
        }
        return new int[] {start.getStartMark().getLine(), line};
    }

    static boolean flow(String text, YamlPath path) {
        Node n = new Yaml().compose(new StringReader(text));
        for (Object s : path.segments()) {
            if (n instanceof org.yaml.snakeyaml.nodes.CollectionNode<?> c
                    && c.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
                return true;
            }
            if (s instanceof Integer i) {
                n = ((SequenceNode) n).getValue().get(i);
            } else {
                for (NodeTuple t : ((MappingNode) n).getValue()) {
                    if (((ScalarNode) t.getKeyNode()).getValue().equals(s)) {
                        n = t.getValueNode();
                        break;
                    }
                }
            }
        }
        return n instanceof org.yaml.snakeyaml.nodes.CollectionNode<?> c
                && c.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW;
    }

    /**
     * The lines two texts do not share: after their common head and tail, old lines
     * [firstOld, endOld) became new lines [firstOld, endNew).
     */
    record Changed(int firstOld, int endOld, int endNew) {

        static Changed between(String a, String b) {
            String[] x = a.split("\n", -1);
            String[] y = b.split("\n", -1);
            int head = 0;
            while (head < x.length && head < y.length && x[head].equals(y[head])) {
                head++;
            }
            int tail = 0;
            while (tail < x.length - head && tail < y.length - head
                    && x[x.length - 1 - tail].equals(y[y.length - 1 - tail])) {
                tail++;
            }
            return new Changed(head, x.length - tail, y.length - tail);
        }

        boolean changed() {
            return endOld > firstOld || endNew > firstOld;
        }
    }
}
