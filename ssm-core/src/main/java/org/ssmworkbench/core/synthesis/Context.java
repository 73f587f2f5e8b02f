package org.ssmworkbench.core.synthesis;

import java.util.List;
import java.util.Objects;

/**
 * A study's context: the aspects its file describes (hardware, models, tasks, participants, …),
 * each under one of the four {@link Archetype}s, in the order of the file.
 *
 * @param aspects the aspects, in order
 */
public record Context(List<Aspect> aspects) {

    /** No context given. */
    public static final Context NONE = new Context(List.of());

    /** Defensive copy. */
    public Context {
        aspects = List.copyOf(aspects);
    }

    /**
     * One aspect of a context.
     *
     * @param key       the key as written ("energy_measurement")
     * @param archetype its archetype, from the key ({@link Archetype#ofContextKey})
     * @param values    its values as text, in order: a list gives its items, a mapping "name value" items
     */
    public record Aspect(String key, Archetype archetype, List<String> values) {

        /** Defensive copy; nulls refused. */
        public Aspect {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(archetype, "archetype");
            values = List.copyOf(values);
        }

        /** The aspect of a key, its archetype read from the key. */
        public static Aspect of(String key, List<String> values) {
            return new Aspect(key, Archetype.ofContextKey(key), values);
        }
    }
}
