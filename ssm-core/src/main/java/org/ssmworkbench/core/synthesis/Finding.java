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
 */
public record Finding(String study, String evidence, String label, String effect, String concept,
        Optional<SummaryStatistics> statistics, String source, Intensity intensity, OptionalDouble discount,
        double studyBelief, double mass, EffectInput.Recorded recorded) {

    /** "S1/e1": the label used in combination traces. */
    public String key() {
        return study + "/" + evidence;
    }
}
