package org.ssmworkbench.cli.synthesize;

import java.util.List;
import java.util.Locale;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.PublishedResult;
import org.ssmworkbench.core.synthesis.StudyResult;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.results.Comparison;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;

/** The readable summary `ssm synthesize` prints: one row per effect, computed beside published. */
final class SummaryTable {

    private static final String[] HEADER = {"effect", "n", "st", "intensity", "belief", "pl", "last K", "mean K",
        "vs strongest", "published", "delta"};

    /** What each column means (`ssm synthesize --explain`). */
    static final String LEGEND = String.join("\n",
            "",
            "Columns:",
            "  effect        the effect (outcome) the findings are combined for",
            "  n             findings (evidence model x effect) combined",
            "  st            distinct studies among them",
            "  intensity     the hypothesis the selector reads off the combined mass function",
            "  belief        Bel of that hypothesis: the mass committed to it and its subsets",
            "  pl            Pl of that hypothesis: the mass not committed against it",
            "  last K        conflict of the last combination step (mass Dempster's rule renormalized away)",
            "  mean K        mean conflict over the combination steps",
            "  vs strongest  reinforced / weakened / unchanged: the belief against the mass of the strongest",
            "                single finding",
            "  published     the hypothesis and belief the synthesis' publication printed, if recorded",
            "  delta         belief minus the published belief ('as printed': equal at the printed decimals;",
            "                'other hypothesis': the selected hypothesis differs)",
            "Warnings on the error stream name what to check; results.json has them under sanity_warnings.",
            "");

    private SummaryTable() {
    }

    static String render(SynthesisResult r) {
        int[] widths = new int[HEADER.length];
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(HEADER);
        for (EffectResult e : r.effects()) {
            rows.add(row(e));
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length() + 2);
            }
        }
        TextTable t = TextTable.forColumnWidths(new ColorScheme.Builder(Ansi.OFF).build(), widths);
        t.setAdjustLineBreaksForWideCJKCharacters(false);
        for (String[] row : rows) {
            t.addRowValues(row);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(r.synthesis().title()).append('\n');
        sb.append(String.format(Locale.ROOT, "%d studies, %d findings; rule %s, selector %s, assignment %s%n",
                r.studies().size(), r.findings().size(), r.synthesis().policies().rule().id(),
                r.synthesis().policies().selector().id(), r.synthesis().policies().assignment().id()));
        sb.append('\n').append(t);
        long explicitDiffer = r.studies().stream().filter(s -> s.explicit() && s.computed().isPresent()
                && Math.abs(s.computed().getAsDouble() - s.belief()) > 1e-4).count();
        if (explicitDiffer > 0) {
            sb.append('\n').append("Study beliefs given explicitly that differ from band × checklist:");
            for (StudyResult s : r.studies()) {
                if (s.explicit() && s.computed().isPresent() && Math.abs(s.computed().getAsDouble() - s.belief()) > 1e-4) {
                    sb.append(String.format(Locale.ROOT, " %s %.5f (computed %.5f);", s.study(), s.belief(),
                            s.computed().getAsDouble()));
                }
            }
            sb.setLength(sb.length() - 1);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String[] row(EffectResult e) {
        String[] row = new String[HEADER.length];
        java.util.Arrays.fill(row, "");
        row[0] = e.effect().id();
        row[1] = Integer.toString(e.findings().size());
        row[2] = Integer.toString(e.studies());
        if (e.selection().isPresent()) {
            Selection s = e.selection().get();
            var c = e.combination().orElseThrow();
            row[3] = s.hypothesis().isWholeScale() ? "(whole scale)" : s.hypothesis().braces();
            row[4] = f3(s.belief());
            row[5] = f3(s.plausibility());
            row[6] = f3(c.lastConflict());
            row[7] = f3(c.meanConflict());
            row[8] = e.change().id();
        } else {
            row[3] = "(no findings)";
        }
        if (e.published().isPresent()) {
            PublishedResult p = e.published().get();
            row[9] = "{" + p.asHypothesis().codes() + "} "
                    + String.format(Locale.ROOT, "%.2f", p.belief());
            if (e.selection().isPresent()) {
                Selection s = e.selection().get();
                String delta = String.format(Locale.ROOT, "%+.3f", s.belief() - p.belief());
                if (!s.hypothesis().equals(p.asHypothesis())) {
                    delta += " other hypothesis";
                } else if (Comparison.matchesAsPrinted(s.belief(), p.belief())) {
                    delta += " (as printed)";
                }
                row[10] = delta;
            }
        }
        return row;
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
