package org.ssmworkbench.io.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a node sits in a YAML document: mapping keys ({@link String}) and sequence indexes
 * ({@link Integer}) from the root. Printed as in error messages, e.g. {@code evidence[0].effects.accuracy}
 * or {@code quality."1.1"}.
 *
 * @param segments keys and indexes, outermost first
 */
public record YamlPath(List<Object> segments) {

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_@-]*");

    /** The root of the document. */
    public static final YamlPath ROOT = new YamlPath(List.of());

    /** Keys and indexes only. */
    public YamlPath {
        for (Object s : segments) {
            if (!(s instanceof String) && !(s instanceof Integer)) {
                throw new IllegalArgumentException("a path segment is a key (String) or an index (Integer): " + s);
            }
        }
        segments = List.copyOf(segments);
    }

    /** A path from keys and indexes. */
    public static YamlPath of(Object... segments) {
        return new YamlPath(List.of(segments));
    }

    /** This path followed by a key. */
    public YamlPath key(String key) {
        return append(key);
    }

    /** This path followed by an index. */
    public YamlPath index(int index) {
        return append(index);
    }

    private YamlPath append(Object s) {
        List<Object> l = new ArrayList<>(segments);
        l.add(s);
        return new YamlPath(l);
    }

    /** Whether this is the root. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The path without its last segment. */
    public YamlPath parent() {
        if (isRoot()) {
            throw new IllegalStateException("the root has no parent");
        }
        return new YamlPath(segments.subList(0, segments.size() - 1));
    }

    /** The last segment. */
    public Object last() {
        if (isRoot()) {
            throw new IllegalStateException("the root has no last segment");
        }
        return segments.get(segments.size() - 1);
    }

    @Override
    public String toString() {
        if (isRoot()) {
            return "(document)";
        }
        StringBuilder b = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                String k = (String) s;
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(SIMPLE_KEY.matcher(k).matches() ? k : '"' + k.replace("\"", "\\\"") + '"');
            }
        }
        return b.toString();
    }
}
