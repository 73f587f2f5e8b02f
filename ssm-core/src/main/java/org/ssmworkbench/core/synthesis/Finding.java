package org.ssmworkbench.core.synthesis;

import java.util.Optional;
import java.util.OptionalDouble;
import org.ssmworkbench.core.ssm.Intensity;

/**
 * One evidence model's finding on one effect, ready to combine: its intensity and mass, and how they
 * were obtained.
 *
 * @param study       study id
 * @param evidence    evidence-model id
 * @param label       evidence-model label (configuration)
 * @param effect      the synthesis' effect id
 * @param concept     the study's own name for the effect (differs from effect when a mapping joined it)
 * @param statistics  the summary it came from (empty for direct input)
 * @param source      "summary", "direct", or the measurement file
 * @param intensity   the intensity
 * @param discount    the discount for spread (empty for direct input)
 * @param studyBelief the study belief B used (NaN when the study gives none; only direct findings allow that)
 * @param mass        the mass s of the finding's simple support function
 * @param recorded    values a source recorded for this finding
 * @param derivation  how the quantities were derived from a design (empty for an RI summary with an
 *                    IQR, raw paired runs and direct input under the default spread policy)
 */
public record Finding(String study, String evidence, String label, String effect, String concept,
        Optional<SummaryStatistics> statistics, String source, Intensity intensity, OptionalDouble discount,
        double studyBelief, double mass, EffectInput.Recorded recorded, Optional<Derivation> derivation) {

    /** A finding without a derivation. */
    public Finding(String study, String evidence, String label, String effect, String concept,
            Optional<SummaryStatistics> statistics, String source, Intensity intensity, OptionalDouble discount,
            double studyBelief, double mass, EffectInput.Recorded recorded) {
        this(study, evidence, label, effect, concept, statistics, source, intensity, discount, studyBelief, mass,
                recorded, Optional.empty());
    }

    /** "S1/e1": the label used in combination traces. */
    public String key() {
        return study + "/" + evidence;
    }
}
