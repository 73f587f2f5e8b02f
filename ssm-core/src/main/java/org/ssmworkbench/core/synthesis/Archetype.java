package org.ssmworkbench.core.synthesis;

import java.util.Locale;
import java.util.Set;

/**
 * The four archetypes under which SSM hangs a theory's concepts (Sjøberg et al.): Technology (what
 * is applied), System (what is acted upon), Activity (what is done), Actor (who acts). Context
 * aspects are free-form in project files, so their key is matched against a short word list
 * (documented in docs/formats/report.md); a key that matches none is {@link #OTHER}, not guessed.
 */
public enum Archetype {
    /** What is applied: techniques, tools, frameworks. */
    TECHNOLOGY("Technology"),
    /** What is acted upon: models, data, hardware. */
    SYSTEM("System"),
    /** What is done: tasks, measurement, procedures. */
    ACTIVITY("Activity"),
    /** Who acts: people, teams. */
    ACTOR("Actor"),
    /** Context aspects no word of the list matched. */
    OTHER("Other context");

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

    Archetype(String title) {
        this.title = title;
    }

    /** "Technology", …, "Other context". */
    public String title() {
        return title;
    }

    /**
     * The archetype of a context key: its words (split at '_', '-', ' ', '.', and camel case; a plural
     * 's' dropped) are looked up in the lists Actor, System, Activity, Technology, in that order of
     * precedence for the first word that matches; "energy_measurement" is an Activity, "datasets" a
     * System.
     */
    public static Archetype ofContextKey(String key) {
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
