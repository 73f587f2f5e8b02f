package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.core.synthesis.Context;

/**
 * A study's context as text for people: one entry per aspect, its values flattened ("hardware: CPU
 * AMD Threadripper 3960X; GPU 2x NVIDIA RTX 3090"), and the union of
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

    /** The entries of one study's context (empty when there is none). */
    static List<Entry> of(Context context) {
        List<Entry> out = new ArrayList<>();
        for (Context.Aspect a : context.aspects()) {
            out.add(new Entry(a.key(), Archetype.of(a.archetype()), a.values(), 1));
        }
        return out;
    }

    /** The union of several studies' entries: per key, the distinct values in order of appearance. */
    static List<Entry> union(List<List<Entry>> perStudy) {
        Map<String, LinkedHashSet<String>> values = new LinkedHashMap<>();
        Map<String, Integer> studies = new LinkedHashMap<>();
        Map<String, Archetype> archetypes = new LinkedHashMap<>();
        for (List<Entry> study : perStudy) {
            for (Entry e : study) {
                archetypes.putIfAbsent(e.key(), e.archetype());
                values.computeIfAbsent(e.key(), k -> new LinkedHashSet<>()).addAll(e.values());
                studies.merge(e.key(), 1, Integer::sum);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, LinkedHashSet<String>> v : values.entrySet()) {
            out.add(new Entry(v.getKey(), archetypes.get(v.getKey()), List.copyOf(v.getValue()),
                    studies.get(v.getKey())));
        }
        return out;
    }
}
