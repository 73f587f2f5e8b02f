package org.ssmworkbench.report;


/**
 * The four archetypes under which SSM hangs a theory's concepts (Sjøberg et al.), used to group the
 * concepts of the evidence diagrams. The intervention is drawn as Technology and the effects as
 * attributes of the System. Which archetype a context aspect falls under is the core's
 * {@link org.ssmworkbench.core.synthesis.Archetype}; this enum adds its colours.
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

    /** The presentation of a core archetype. */
    static Archetype of(org.ssmworkbench.core.synthesis.Archetype a) {
        return valueOf(a.name());
    }
}
