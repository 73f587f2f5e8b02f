package org.ssmworkbench.core.synthesis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The study-belief band of each study type: B = L + (U − L) × q (docs/method.md section 4).
 *
 * @param bands type id to band, in declaration order
 */
public record QualityBands(Map<String, Band> bands) {

    /** Defensive copy keeping order. */
    public QualityBands {
        bands = Collections.unmodifiableMap(new LinkedHashMap<>(bands));
    }

    /** SSM's GRADE-like bands. */
    public static QualityBands ssm() {
        Map<String, Band> m = new LinkedHashMap<>();
        m.put("unsystematic", new Band(0.0, 0.25));
        m.put("analytical", new Band(0.0, 0.25));
        m.put("simulation", new Band(0.0, 0.25));
        m.put("observational", new Band(0.25, 0.50));
        m.put("quasi-experiment", new Band(0.50, 0.75));
        m.put("controlled-experiment", new Band(0.75, 1.00));
        return new QualityBands(m);
    }

    /**
     * The band of a type.
     *
     * @throws IllegalArgumentException naming the known types
     */
    public Band band(String type) {
        Band b = bands.get(type);
        if (b == null) {
            throw new IllegalArgumentException("unknown study type '" + type + "' (known: "
                    + String.join(", ", bands.keySet()) + ")");
        }
        return b;
    }

    /**
     * A band [lower, upper] within [0, 1].
     *
     * @param lower L
     * @param upper U
     */
    public record Band(double lower, double upper) {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException unless 0 ≤ lower ≤ upper ≤ 1
         */
        public Band {
            if (!(lower >= 0.0 && lower <= upper && upper <= 1.0)) {
                throw new IllegalArgumentException("band [" + lower + ", " + upper + "] must satisfy 0 ≤ L ≤ U ≤ 1");
            }
        }

        /** B = L + (U − L) × q. */
        public double belief(double quality) {
            return lower + (upper - lower) * quality;
        }
    }
}
