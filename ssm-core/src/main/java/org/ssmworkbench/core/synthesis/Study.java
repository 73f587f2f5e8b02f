package org.ssmworkbench.core.synthesis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A primary study as the method needs it: its type (which selects the belief band), its quality
 * answers, an optional explicit belief that overrides the computed one, and its evidence models in
 * combination order. Citation and context live in the project layer.
 *
 * @param id             id unique in the synthesis ("S1")
 * @param type           study-type id, a key of the quality bands ("quasi-experiment")
 * @param answers        checklist item id to answer (may be empty)
 * @param explicitBelief B given explicitly, if any
 * @param evidence       the evidence models, in order
 */
public record Study(String id, String type, Map<String, Answer> answers, OptionalDouble explicitBelief,
        List<EvidenceModel> evidence) {

    /**
     * Defensive copies and validation.
     *
     * @throws IllegalArgumentException if the explicit belief is outside [0, 1]
     */
    public Study {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        evidence = List.copyOf(evidence);
        if (explicitBelief.isPresent()) {
            double b = explicitBelief.getAsDouble();
            if (!(b >= 0.0 && b <= 1.0)) {
                throw new IllegalArgumentException("study " + id + ": belief " + b + " is outside [0, 1]");
            }
        }
    }
}
