package org.ssmworkbench.io.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A name pattern with {@code {attribute}} placeholders and {@code *} wildcards, matched against a whole
 * string: a file path relative to the spec's folder ({@code logs/{variant}/rep{repetition}.csv}) or a
 * cell ({@code {variant}-rep{repetition}}). In a path, neither a placeholder nor {@code *} crosses a
 * {@code /}. A placeholder that appears twice must match the same text both times. Attribute names are
 * letters, digits and {@code _}, not starting with a digit.
 */
final class Pattern {

    private final String text;
    private final java.util.regex.Pattern regex;
    private final List<String> names;

    private Pattern(String text, java.util.regex.Pattern regex, List<String> names) {
        this.text = text;
        this.regex = regex;
        this.names = names;
    }

    /**
     * Compiles a pattern.
     *
     * @param path whether it is a path (placeholders stop at '/')
     * @throws IllegalArgumentException with what is wrong
     */
    static Pattern compile(String text, boolean path) {
        StringBuilder re = new StringBuilder();
        List<String> names = new ArrayList<>();
        String any = path ? "[^/]" : ".";
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("'{' at position " + (i + 1) + " has no closing '}'");
                }
                String name = text.substring(i + 1, end);
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("'{" + name + "}': an attribute name is letters, digits and _");
                }
                int first = names.indexOf(name);
                if (first >= 0) {
                    re.append("\\").append(first + 1); // the same text as the first time
                } else {
                    names.add(name);
                    re.append('(').append(any).append("+?)");
                }
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("'}' at position " + (i + 1) + " has no opening '{'");
            } else if (c == '*') {
                re.append(any).append("*?");
                i++;
            } else {
                re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return new Pattern(text, java.util.regex.Pattern.compile(re.toString()), Collections.unmodifiableList(names));
    }

    /** The attributes of a matching string, or empty when it does not match. */
    Optional<Map<String, String>> match(String s) {
        Matcher m = regex.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int g = 0; g < names.size(); g++) {
            out.put(names.get(g), m.group(g + 1));
        }
        return Optional.of(out);
    }

    /** The attribute names, in order of first appearance. */
    List<String> names() {
        return names;
    }

    /** The folder part before the first placeholder or wildcard ("" for none). */
    String fixedFolder() {
        int cut = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '{' || text.charAt(i) == '*') {
                cut = i;
                break;
            }
        }
        int slash = text.lastIndexOf('/', cut == text.length() ? text.length() - 1 : cut);
        return slash < 0 ? "" : text.substring(0, slash);
    }

    /** Whether the pattern has no placeholder and no wildcard. */
    boolean literal() {
        return text.indexOf('{') < 0 && text.indexOf('*') < 0;
    }

    /**
     * Fills the placeholders from attributes.
     *
     * @throws IllegalArgumentException naming a placeholder the attributes lack
     */
    String fill(Map<String, String> attributes) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int end = text.indexOf('}', i);
                String name = text.substring(i + 1, end);
                String v = attributes.get(name);
                if (v == null) {
                    throw new IllegalArgumentException("no attribute '" + name + "'");
                }
                sb.append(v);
                i = end + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
