package org.ssmworkbench.report;

import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.SynthesisResult;

/**
 * The forest plot of one effect as the report draws it, for callers that redraw one result at a time
 * (the workbench's what-if); its texts are escaped by {@link Svg}.
 */
public final class EffectFigures {

    private EffectFigures() {
    }

    /**
     * The forest panel of one effect of a result, on its family's intensity bands under the result's
     * own cut points.
     *
     * @throws IllegalArgumentException when the result has no effect of that id
     */
    public static Figure forest(SynthesisResult r, String effectId) {
        EffectResult e = r.effect(effectId)
                .orElseThrow(() -> new IllegalArgumentException("no effect '" + effectId + "' in the result"));
        String name = "forest-" + Markup.slug(effectId);
        return ForestPlot.of("fig-" + name, name, r.synthesis().intervention(), e,
                r.synthesis().policies().cuts(e.effect().family()));
    }
}
