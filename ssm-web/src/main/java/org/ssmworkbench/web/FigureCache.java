package org.ssmworkbench.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drawn figures by what they show, so that a what-if redraws only the effects it changes: the key is
 * the value the figure is drawn from (records compare by value, so an equal key draws the same SVG),
 * least recently used entries are dropped beyond a total size.
 *
 * @param <K> the key: every value the drawing reads
 */
final class FigureCache<K> {

    private final long maxChars;
    private final LinkedHashMap<K, String> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long chars;

    /** A cache holding at most {@code maxChars} characters of SVG. */
    FigureCache(long maxChars) {
        this.maxChars = maxChars;
    }

    /** The figure of {@code key}, drawn by {@code draw} unless it was drawn before. */
    String get(K key, Supplier<String> draw) {
        synchronized (this) {
            String hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        String svg = draw.get();
        synchronized (this) {
            if (entries.put(key, svg) == null) {
                chars += svg.length();
            }
            for (Iterator<Map.Entry<K, String>> it = entries.entrySet().iterator(); chars > maxChars && it.hasNext();) {
                chars -= it.next().getValue().length();
                it.remove();
            }
        }
        return svg;
    }
}
