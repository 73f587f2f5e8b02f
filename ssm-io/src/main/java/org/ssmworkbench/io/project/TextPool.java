package org.ssmworkbench.io.project;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared {@code String} for equal short texts read during one project load. Keys and many values
 * repeat across the study files ("mean", "iqr", "yes", "1.1", an effect's id); the YAML parser makes a
 * new string for each occurrence, so without the pool a project of 10,000 studies holds some 1.5
 * million strings, most of them copies, which the garbage collector copies again and again while the
 * files are read. Strings are immutable, so sharing them changes no value. Safe for the loader's
 * parallel reads; bounded, so that a hostile project cannot grow it without limit (texts beyond the
 * bound are kept as read).
 */
final class TextPool {

    /** The longest text pooled; longer ones (titles, notes) are rarely repeated. */
    static final int MAX_LENGTH = 64;

    /** The most texts pooled per load. */
    static final int MAX_SIZE = 1 << 16;

    private final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();

    /** {@code s}, or the equal string pooled before it; null for null. */
    String of(String s) {
        if (s == null || s.length() > MAX_LENGTH) {
            return s;
        }
        String pooled = texts.get(s);
        if (pooled != null) {
            return pooled;
        }
        if (texts.size() >= MAX_SIZE) {
            return s;
        }
        pooled = texts.putIfAbsent(s, s);
        return pooled == null ? s : pooled;
    }

    /** How many texts are pooled. */
    int size() {
        return texts.size();
    }
}
