package org.ssmworkbench.report;

import java.util.Locale;
import java.util.Set;

/**
 * The four archetypes under which SSM hangs a theory's concepts (Sjøberg et al.), used to group the
 * concepts of the evidence diagrams. The intervention is drawn as Technology and the effects as
 * attributes of the System. Context aspects are free-form in project files, so their key is matched
 * against a short word list (documented in docs/formats/report.md); a key that matches none is shown
 * as "Other context" rather than guessed.
 */
enum Archetype {
    /** What is applied: techniques, tools, frameworks. */
    TECHNOLOGY("Technology", "#6d28d9", "#f5f3ff"),
    /** What is acted upon: models, data, hardware. */
    SYSTEM("System", "#0f766e", "#f0fdfa"),
    /** What is done: tasks, measurement, procedures. */
    ACTIVITY("Activity", "#b45309", "#fffbeb"),
    /** Who acts: people, teams. */
    ACTOR("Actor", "#be185d", "#fdf2f8"),
    /** Context aspects no word of the list matched. */
    OTHER("Other context", "#4b5563", "#f9fafb");

    private static final Set<String> TECHNOLOGY_WORDS = Set.of("quantization", "technique", "technology", "framework",
            "tool", "library", "libraries", "compiler", "runtime", "format", "intervention", "optimization",
            "optimisation", "method");
    private static final Set<String> SYSTEM_WORDS = Set.of("model", "dataset", "data", "hardware", "system",
            "platform", "device", "architecture", "network", "software", "environment", "infrastructure", "os");
    private static final Set<String> ACTIVITY_WORDS = Set.of("task", "measurement", "measure", "procedure",
            "training", "evaluation", "benchmark", "workload", "experiment", "quality", "setting", "protocol",
            "activity", "process", "repetition", "inference");
    private static final Set<String> ACTOR_WORDS = Set.of("participant", "developer", "people", "person", "team",
            "subject", "user", "actor", "practitioner", "student", "engineer", "researcher", "author");

    private static final java.util.regex.Pattern CAMEL = java.util.regex.Pattern.compile("([a-z])([A-Z])");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[_\\-\\s.]+");

    private final String title;
    private final String colour;
    private final String tint;

    Archetype(String title, String colour, String tint) {
        this.title = title;
        this.colour = colour;
        this.tint = tint;
    }

    /** "Technology", … */
    String title() {
        return title;
    }

    /** Strong colour of the archetype's tags and frames. */
    String colour() {
        return colour;
    }

    /** Light fill of its frames. */
    String tint() {
        return tint;
    }

    /**
     * The archetype of a context key: its words (split at '_', '-', ' ', '.', and camel case; a plural
     * 's' dropped) are looked up in the lists Actor, System, Activity, Technology, in that order of
     * precedence for the first word that matches; "energy_measurement" is an Activity, "datasets" a
     * System.
     */
    static Archetype ofContextKey(String key) {
        String spaced = CAMEL.matcher(key).replaceAll("$1 $2").toLowerCase(Locale.ROOT);
        String[] words = SEPARATORS.split(spaced);
        for (int i = words.length - 1; i >= 0; i--) {
            // the last word is the head of a compound ("energy_measurement" is a measurement)
            String w = words[i];
            String singular = w.endsWith("s") && w.length() > 3 && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
            for (String x : new String[] {w, singular}) {
                if (ACTOR_WORDS.contains(x)) {
                    return ACTOR;
                }
                if (SYSTEM_WORDS.contains(x)) {
                    return SYSTEM;
                }
                if (ACTIVITY_WORDS.contains(x)) {
                    return ACTIVITY;
                }
                if (TECHNOLOGY_WORDS.contains(x)) {
                    return TECHNOLOGY;
                }
            }
        }
        return OTHER;
    }
}
