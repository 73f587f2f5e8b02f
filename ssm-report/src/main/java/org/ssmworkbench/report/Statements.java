package org.ssmworkbench.report;

import java.util.List;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.EffectResult;

/**
 * The verbal statement of an aggregated result in the style of SSM publications: "model quantization
 * weakly negatively affects accuracy (belief 0.89, 17 findings from 5 studies)". Positive means the
 * intervention improved the effect's metric (docs/method.md section 3).
 */
final class Statements {

    private static final List<String> ADVERBS = List.of("strongly negatively", "negatively", "weakly negatively",
            "indifferently", "weakly positively", "positively", "strongly positively");

    private Statements() {
    }

    /** The statement for one effect (belief to two decimals; "no finding" when nothing was combined). */
    static String of(String intervention, EffectResult e) {
        String effect = inProse(e.effect().label());
        if (e.selection().isEmpty()) {
            return "No study reports " + effect + ": nothing to aggregate.";
        }
        Selection s = e.selection().get();
        String claim = claim(intervention, effect, s.set());
        int n = e.findings().size();
        String evidence = "belief " + Num.fixed(s.belief(), 2) + ", " + n + (n == 1 ? " finding" : " findings")
                + " from " + e.studies() + (e.studies() == 1 ? " study" : " studies");
        return capitalize(claim) + " (" + evidence + ").";
    }

    /** The claim alone: "model quantization weakly negatively affects accuracy". */
    static String claim(String intervention, String effect, long set) {
        if (set == SsmScale.THETA || !SsmScale.isInterval(set)) {
            return "the evidence does not narrow down how " + intervention + " affects " + effect;
        }
        int lo = Scale.lo(set);
        int hi = Scale.hi(set);
        if (lo == hi) {
            if (lo == 3) {
                return intervention + " is indifferent for " + effect;
            }
            return intervention + " " + ADVERBS.get(lo) + " affects " + effect;
        }
        return intervention + " affects " + effect + " " + ADVERBS.get(lo) + " to " + ADVERBS.get(hi);
    }

    /** Thin evidence, worth a flag beside the result (docs/method.md section 7), or empty. */
    static String thinness(EffectResult e) {
        if (e.findings().isEmpty()) {
            return "no findings";
        }
        if (e.studies() == 1) {
            return e.findings().size() == 1 ? "one finding only" : "one study only";
        }
        if (e.findings().size() < 3) {
            return "fewer than 3 findings";
        }
        return "";
    }

    /** A label as it reads inside a sentence: "Accuracy" → "accuracy", while "GPU power" and "F1 score" stay. */
    static String inProse(String label) {
        if (label.length() >= 2 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))) {
            return Character.toLowerCase(label.charAt(0)) + label.substring(1);
        }
        return label;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
