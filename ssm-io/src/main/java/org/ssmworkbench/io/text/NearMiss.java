package org.ssmworkbench.io.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean": the known name closest to a name that matched nothing. Names are never matched
 * silently: this only suggests, for an error message.
 */
public final class NearMiss {

    private NearMiss() {
    }

    /**
     * The closest known name: one that differs only in letter case, else the one within edit distance
     * max(1, length / 3) (the first of equally close ones), else empty.
     */
    public static Optional<String> closest(String name, Collection<String> known) {
        for (String k : known) {
            if (!k.equals(name) && k.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        int limit = Math.max(1, name.length() / 3);
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance.apply(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d >= 0 && d < bestDistance && !k.equals(name)) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean 'x'?)" or "". */
    public static String hint(String name, Collection<String> known) {
        return closest(name, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }
}
