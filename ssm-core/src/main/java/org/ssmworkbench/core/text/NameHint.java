package org.ssmworkbench.core.text;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" hints for names a user typed: the known name at the smallest edit distance, letter
 * case ignored, if that distance is at most max(2, length / 3). Only a hint for an error message; no
 * name is ever matched by it. (ssm-io's {@code NearMiss} keeps its own, stricter rule for project files.)
 */
public final class NameHint {

    private NameHint() {
    }

    /** {@code "; did you mean 'x'?"} for the closest known name within a small edit distance, or "". */
    public static String didYouMean(String name, Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        if (best == null || bestD > Math.max(2, name.length() / 3)) {
            return "";
        }
        return "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
