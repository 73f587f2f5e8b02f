package org.ssmworkbench.core.synthesis;

import java.util.Locale;

/**
 * How a finding's spread is obtained when a study does not report an IQR of relative improvements, and
 * whether the discount looks at the spread of single values or at the uncertainty of the estimate
 * (docs/method-statistics.md). Recorded in every result that used it.
 *
 * @param sdToIqr the IQR taken for a standard deviation of 1: 1.349 (= 2 × 0.6745, the IQR of a
 *                normal distribution), the default
 * @param basis   what the discount's spread measures
 */
public record SpreadPolicy(double sdToIqr, Basis basis) {

    /** The IQR of a standard normal distribution, 2 × Φ⁻¹(0.75). */
    public static final double NORMAL_IQR = 1.3489795003921634;

    /** What the spread in the discount measures. */
    public enum Basis {
        /**
         * The spread of single values (runs, subjects): the IQR of the RI samples as today; n only
         * reported. The default, and the quantization synthesis' rule.
         */
        SAMPLE("sample"),
        /**
         * The uncertainty of the estimate: the spread divided by √n (standard error), so that larger
         * studies are discounted less. Needs n.
         */
        ESTIMATE("estimate");

        private final String id;

        Basis(String id) {
            this.id = id;
        }

        /** Id as written in project files. */
        public String id() {
            return id;
        }

        /**
         * Parses an id.
         *
         * @throws IllegalArgumentException naming the known ids
         */
        public static Basis byId(String text) {
            String k = text.strip().toLowerCase(Locale.ROOT);
            for (Basis b : values()) {
                if (b.id.equals(k)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown spread basis '" + text + "' (known: sample, estimate)");
        }
    }

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the factor is not a finite number &gt; 0
     */
    public SpreadPolicy {
        if (!Double.isFinite(sdToIqr) || sdToIqr <= 0.0) {
            throw new IllegalArgumentException("sd_to_iqr must be a finite number > 0, got " + sdToIqr);
        }
        if (basis == null) {
            throw new IllegalArgumentException("basis is required");
        }
    }

    /** The default: IQR = 1.349 × SD (normal), spread of single values. */
    public static SpreadPolicy standard() {
        return new SpreadPolicy(NORMAL_IQR, Basis.SAMPLE);
    }

    /** Whether this is the default policy. */
    public boolean isStandard() {
        return equals(standard());
    }
}
