package org.ssmworkbench.io.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a document into one that reads as a desired tree with the fewest, smallest edits: keys that
 * are gone are removed, new keys added after the key they follow in the desired tree, changed scalars
 * set in place, sequences edited where they differ (a common head and tail stay untouched, so an
 * appended or removed item is one insertion or removal). Keys keep their order in the file.
 *
 * <p>Values compare as the loader reads them: numbers by value ({@code 2} and {@code 2.0}); a desired
 * string and a number or boolean in the file when the loader would read the file's value as that
 * string (a string field given as {@code year: 2022}); a key with a null value and an absent key.
 */
final class YamlRewrite {

    /** Upper bound on edits, far above any real change: hitting it means an edit does not converge. */
    private static final int MAX_EDITS = 100_000;

    private YamlRewrite() {
    }

    static YamlDocument rewrite(YamlDocument doc, JsonNode desired) {
        if (doc.tree().isMissingNode()) {
            return YamlDocument.of(desired);
        }
        YamlDocument d = doc;
        for (int n = 0; n < MAX_EDITS; n++) {
            Step s = first(YamlPath.ROOT, d.tree(), desired);
            if (s == null) {
                return d;
            }
            d = s.apply(d);
        }
        throw new IllegalStateException("rewriting the document did not converge after " + MAX_EDITS + " edits");
    }

    /** One edit. */
    private sealed interface Step {
        YamlDocument apply(YamlDocument d);
    }

    private record Set(YamlPath path, JsonNode value) implements Step {
        public YamlDocument apply(YamlDocument d) {
            return d.set(path, value);
        }
    }

    private record Put(YamlPath mapping, String key, JsonNode value, String after) implements Step {
        public YamlDocument apply(YamlDocument d) {
            return d.put(mapping, key, value, after);
        }
    }

    private record Insert(YamlPath sequence, int index, JsonNode value) implements Step {
        public YamlDocument apply(YamlDocument d) {
            return d.insert(sequence, index, value);
        }
    }

    private record Remove(YamlPath path) implements Step {
        public YamlDocument apply(YamlDocument d) {
            return d.remove(path);
        }
    }

    /** The first edit that brings {@code have} closer to {@code want}, or null when they read the same. */
    private static Step first(YamlPath at, JsonNode have, JsonNode want) {
        if (equivalent(have, want)) {
            return null;
        }
        if (have.isObject() && want.isObject()) {
            for (Iterator<String> it = have.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!want.has(k) && !have.get(k).isNull()) {
                    return new Remove(at.key(k));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = have.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (want.has(e.getKey())) {
                    Step s = first(at.key(e.getKey()), e.getValue(), want.get(e.getKey()));
                    if (s != null) {
                        return s;
                    }
                }
            }
            String previous = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (have.has(e.getKey())) {
                    previous = e.getKey();
                } else if (!e.getValue().isNull()) {
                    return new Put(at, e.getKey(), e.getValue(), previous);
                }
            }
            throw new IllegalStateException("objects differ but no edit found at " + at);
        }
        if (have.isArray() && want.isArray()) {
            int head = 0;
            int max = Math.min(have.size(), want.size());
            while (head < max && equivalent(have.get(head), want.get(head))) {
                head++;
            }
            int tail = 0;
            while (tail < max - head && equivalent(have.get(have.size() - 1 - tail), want.get(want.size() - 1 - tail))) {
                tail++;
            }
            int haveMid = have.size() - head - tail;
            int wantMid = want.size() - head - tail;
            if (wantMid == 0) {
                return new Remove(at.index(head));
            }
            if (haveMid == 0) {
                return new Insert(at, head, want.get(head));
            }
            if (haveMid != wantMid && have.get(head).getNodeType() != want.get(head).getNodeType()) {
                return haveMid > wantMid ? new Remove(at.index(head)) : new Insert(at, head, want.get(head));
            }
            Step s = first(at.index(head), have.get(head), want.get(head));
            return s != null ? s : new Set(at.index(head), want.get(head));
        }
        return new Set(at, want);
    }

    /** Whether the loader reads a file's value {@code have} as the desired {@code want}. */
    static boolean equivalent(JsonNode have, JsonNode want) {
        if (have.isNumber() && want.isNumber()) {
            return YamlDocument.same(have, want);
        }
        if (want.isTextual() && (have.isNumber() || have.isBoolean())) {
            return have.asText().equals(want.textValue());
        }
        if (have.isObject() && want.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = have.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode w = want.get(e.getKey());
                if (w == null ? !e.getValue().isNull() : !equivalent(e.getValue(), w)) {
                    return false;
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!have.has(e.getKey()) && !e.getValue().isNull()) {
                    return false;
                }
            }
            return true;
        }
        if (have.isArray() && want.isArray()) {
            if (have.size() != want.size()) {
                return false;
            }
            for (int i = 0; i < have.size(); i++) {
                if (!equivalent(have.get(i), want.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return have.equals(want);
    }
}
