package org.ssmworkbench.core.synthesis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finding of a study drawn as a small theory: the intervention at one configuration, its effects,
 * moderators and explanation.
 *
 * @param id          id unique within the study ("e1")
 * @param label       the configuration's name ("q0.16", "int8")
 * @param moderators  moderator name to value ("bits_weights" → "16", "method" → "QAT"), in order
 * @param explanation free text
 * @param effects     effect id to what the study reports, in order
 */
public record EvidenceModel(String id, String label, Map<String, String> moderators, String explanation,
        Map<String, EffectInput> effects) {

    /** Defensive copies keeping order. */
    public EvidenceModel {
        moderators = Collections.unmodifiableMap(new LinkedHashMap<>(moderators));
        effects = Collections.unmodifiableMap(new LinkedHashMap<>(effects));
        explanation = explanation == null ? "" : explanation;
    }
}
