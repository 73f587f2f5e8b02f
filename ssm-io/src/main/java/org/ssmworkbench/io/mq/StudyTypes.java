package org.ssmworkbench.io.mq;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps the study type a package records ("controlled experiment", "simulation study", "observational
 * band") to a band of the default quality bands. With an explicit study belief, as both layouts give,
 * the band is only shown; it decides B only for a study without one.
 */
final class StudyTypes {

    /** The band ids of the default quality bands. */
    static final List<String> BANDS = List.of("unsystematic", "analytical", "simulation", "observational",
            "quasi-experiment", "controlled-experiment");

    private StudyTypes() {
    }

    /** The band a study type names, if it names one. */
    static Optional<String> band(String type) {
        if (type == null) {
            return Optional.empty();
        }
        String t = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+band$", "").strip();
        if (BANDS.contains(t)) {
            return Optional.of(t);
        }
        if (t.contains("simulation")) {
            return Optional.of("simulation");
        }
        if (t.contains("quasi")) {
            return Optional.of("quasi-experiment");
        }
        if (t.contains("controlled")) {
            return Optional.of("controlled-experiment");
        }
        if (t.contains("observational") || t.contains("case study") || t.contains("survey")) {
            return Optional.of("observational");
        }
        if (t.contains("analytical")) {
            return Optional.of("analytical");
        }
        if (t.contains("unsystematic")) {
            return Optional.of("unsystematic");
        }
        return Optional.empty();
    }

    /** The words of an error about a type that names no band. */
    static String unknown(String type) {
        return "study type '" + type + "' names no quality band (known: " + String.join(", ", BANDS)
                + ", or a description holding controlled, quasi, observational, simulation or analytical)";
    }
}
