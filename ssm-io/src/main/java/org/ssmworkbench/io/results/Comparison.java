package org.ssmworkbench.io.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.ssmworkbench.core.synthesis.Finding;

/** How computed values compare with values a publication printed. */
public final class Comparison {

    private Comparison() {
    }

    /**
     * Whether a computed value, rounded half-up to as many decimals as the printed value shows,
     * equals it (0.8858 against a printed 0.89 matches; against 0.90 it does not).
     */
    public static boolean matchesAsPrinted(double computed, double printed) {
        BigDecimal p = new BigDecimal(Double.toString(printed)).stripTrailingZeros();
        int scale = Math.max(2, p.scale());
        // the shortest decimal form, as a person reading the number would round it (0.705 -> 0.71)
        BigDecimal c = new BigDecimal(Double.toString(computed)).setScale(scale, RoundingMode.HALF_UP);
        return c.compareTo(p.setScale(scale, RoundingMode.HALF_UP)) == 0;
    }

    /** Whether a finding's computed intensity, discount and mass equal what its source recorded. */
    public static boolean findingMatches(Finding f) {
        var r = f.recorded();
        if (r.intensity().isPresent() && r.intensity().get() != f.intensity()) {
            return false;
        }
        if (r.discount().isPresent() && (f.discount().isEmpty()
                || Math.abs(r.discount().getAsDouble() - f.discount().getAsDouble()) > 1e-9)) {
            return false;
        }
        return r.mass().isEmpty() || Math.abs(r.mass().getAsDouble() - f.mass()) <= 1e-9;
    }

    /** The computed value rounded half-up to two decimals, as publications print beliefs. */
    public static double asPrinted(double computed) {
        return new BigDecimal(Double.toString(computed)).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
