package org.ssmworkbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A study's free-form context (a YAML mapping) as text for people: one entry per top-level key, its
 * value flattened ("hardware: CPU AMD Threadripper 3960X; GPU 2x NVIDIA RTX 3090"), and the union of
 * several studies' contexts for the aggregated theory. Keys keep the order of the files.
 */
final class ContextText {

    /**
     * One context aspect.
     *
     * @param key       the key as written
     * @param archetype its archetype
     * @param values    its values, flattened, in order (distinct in a union)
     * @param studies   how many studies report it
     */
    record Entry(String key, Archetype archetype, List<String> values, int studies) {
        /** "energy measurement" for "energy_measurement". */
        String name() {
            return key.replace('_', ' ');
        }

        /** All values joined. */
        String text() {
            return String.join(", ", values);
        }
    }

    private ContextText() {
    }

    /** The entries of one study's context (empty when there is none or it is not a mapping). */
    static List<Entry> of(JsonNode context) {
        List<Entry> out = new ArrayList<>();
        if (context == null || !context.isObject()) {
            if (context != null && !context.isNull() && !context.isMissingNode()) {
                out.add(new Entry("context", Archetype.OTHER, values(context), 1));
            }
            return out;
        }
        for (Map.Entry<String, JsonNode> f : context.properties()) {
            out.add(new Entry(f.getKey(), Archetype.ofContextKey(f.getKey()), values(f.getValue()), 1));
        }
        return out;
    }

    /** The union of several studies' entries: per key, the distinct values in order of appearance. */
    static List<Entry> union(List<List<Entry>> perStudy) {
        Map<String, LinkedHashSet<String>> values = new LinkedHashMap<>();
        Map<String, Integer> studies = new LinkedHashMap<>();
        for (List<Entry> study : perStudy) {
            for (Entry e : study) {
                values.computeIfAbsent(e.key(), k -> new LinkedHashSet<>()).addAll(e.values());
                studies.merge(e.key(), 1, Integer::sum);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, LinkedHashSet<String>> v : values.entrySet()) {
            out.add(new Entry(v.getKey(), Archetype.ofContextKey(v.getKey()), List.copyOf(v.getValue()),
                    studies.get(v.getKey())));
        }
        return out;
    }

    /** A value flattened into items: an array gives its elements, a mapping "key value" items. */
    static List<String> values(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull() || v.isMissingNode()) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode x : v) {
                out.add(scalar(x));
            }
        } else if (v.isObject()) {
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                out.add(f.getKey().replace('_', ' ') + " " + scalar(f.getValue()));
            }
        } else {
            out.add(scalar(v));
        }
        return out;
    }

    /** A value as one line: scalars as text, arrays joined by ", ", mappings by "; ". */
    static String scalar(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode x : v) {
                parts.add(scalar(x));
            }
            return String.join(", ", parts);
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                parts.add(f.getKey().replace('_', ' ') + " " + scalar(f.getValue()));
            }
            return String.join("; ", parts);
        }
        return v.asText();
    }
}
