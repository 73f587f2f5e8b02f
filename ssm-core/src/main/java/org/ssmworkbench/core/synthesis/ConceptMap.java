package org.ssmworkbench.core.synthesis;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one reading of a synthesis' concept-mapping decisions: which effect a concept named in an
 * evidence model counts for. A concept a join decision names becomes the effect it joins into; a
 * concept a drop decision names is left out (and reported); any other concept is the effect of the
 * same id, if one is declared. Validated in its factory.
 */
public final class ConceptMap {

    private final Map<String, String> joins;
    private final Set<String> drops;
    private final Set<String> effects;

    private ConceptMap(Map<String, String> joins, Set<String> drops, Set<String> effects) {
        this.joins = joins;
        this.drops = drops;
        this.effects = effects;
    }

    /**
     * The map of these decisions over these effects.
     *
     * @throws SynthesisException when a join names an undeclared effect, a concept is joined or dropped
     *                            by two decisions, or a declared effect is dropped
     */
    public static ConceptMap of(List<ConceptMapping> mappings, Collection<String> effectIds) {
        Set<String> effects = Collections.unmodifiableSet(new LinkedHashSet<>(effectIds));
        Map<String, String> joins = new HashMap<>();
        Set<String> drops = new LinkedHashSet<>();
        Map<String, Integer> decided = new HashMap<>();
        for (int i = 0; i < mappings.size(); i++) {
            ConceptMapping m = mappings.get(i);
            if (m.decision() == ConceptMapping.Decision.KEEP) {
                continue;
            }
            if (m.decision() == ConceptMapping.Decision.JOIN && !effects.contains(m.into())) {
                throw new SynthesisException("concept mapping joins " + m.concepts() + " into unknown effect '"
                        + m.into() + "'");
            }
            for (String c : m.concepts()) {
                Integer prev = decided.put(c, i);
                if (prev != null) {
                    throw new SynthesisException("concept '" + c + "' is mapped by decisions " + (prev + 1) + " and "
                            + (i + 1));
                }
                if (m.decision() == ConceptMapping.Decision.JOIN) {
                    joins.put(c, m.into());
                } else {
                    if (effects.contains(c)) {
                        throw new SynthesisException("'" + c + "' is a declared effect and cannot be dropped");
                    }
                    drops.add(c);
                }
            }
        }
        return new ConceptMap(Map.copyOf(joins), Collections.unmodifiableSet(drops), effects);
    }

    /** Whether a drop decision leaves this concept out. */
    public boolean dropped(String concept) {
        return drops.contains(concept);
    }

    /**
     * The effect a concept counts for: the effect it is joined into, else the effect of its own id;
     * empty when it is dropped or no such effect is declared.
     */
    public Optional<String> effectOf(String concept) {
        if (drops.contains(concept)) {
            return Optional.empty();
        }
        String id = joins.getOrDefault(concept, concept);
        return effects.contains(id) ? Optional.of(id) : Optional.empty();
    }

    /** The effect id a concept names after joins (whether declared or not), for messages. */
    public String joined(String concept) {
        return joins.getOrDefault(concept, concept);
    }
}
