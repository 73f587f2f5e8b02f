package org.ssmworkbench.core.synthesis;

import java.util.Locale;

/** An answer to one item of a quality checklist. */
public enum Answer {
    /** The study does what the item asks. */
    YES("yes"),
    /** It does not. */
    NO("no"),
    /** The item does not apply to the study; left out of the score. */
    NOT_APPLICABLE("n.a.");

    private final String id;

    Answer(String id) {
        this.id = id;
    }

    /** "yes", "no" or "n.a.". */
    public String id() {
        return id;
    }

    /**
     * Parses yes / no / n.a. (also "na", "n/a", "not applicable", and true / false as YAML 1.1 reads an
     * unquoted yes / no), case-insensitively.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Answer byId(String text) {
        String k = text.strip().toLowerCase(Locale.ROOT);
        switch (k) {
            case "yes":
            case "y":
            case "true": // YAML 1.1 reads an unquoted yes as true
                return YES;
            case "no":
            case "n":
            case "false":
                return NO;
            case "n.a.":
            case "na":
            case "n/a":
            case "n.a":
            case "not applicable":
                return NOT_APPLICABLE;
            default:
                throw new IllegalArgumentException("'" + text + "' is not an answer (expected yes, no or n.a.)");
        }
    }
}
