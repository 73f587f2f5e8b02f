package org.ssmworkbench.cli.sensitivity;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ssmworkbench.cli.LoadsProject;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.cli.ExitCodes;
import org.ssmworkbench.cli.OutputOption;
import org.ssmworkbench.cli.SsmCommand;
import org.ssmworkbench.cli.synthesize.SynthesisService;
import org.ssmworkbench.core.sensitivity.EffectSensitivity;
import org.ssmworkbench.core.sensitivity.SensitivityAnalysis;
import org.ssmworkbench.core.sensitivity.SensitivityPlan;
import org.ssmworkbench.core.sensitivity.SensitivityResult;
import org.ssmworkbench.core.sensitivity.Variant;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.results.OutputFolder;
import org.ssmworkbench.io.results.SensitivityFiles;
import org.ssmworkbench.report.FigureOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ssm sensitivity`: what flips when a study, a rule, a policy or a cut point changes. */
@Command(name = "sensitivity",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Re-run a synthesis under variations and show what flips.",
        description = {
            "The variations: leave one study out, leave one evidence model out, each combination rule, each"
                + " selector, each mass assignment (published, undiscounted-unsplit, mass-preserving split,"
                + " equitable split), the discount factor varied, each cut point moved by each factor, subgroups"
                + " by moderator (synthesis.yaml 'sensitivity'), inclusion rules (belief threshold, study types,"
                + " quality items) and one finding per study. Per effect also the order dependence (spread of"
                + " the last K and of the result over every order, or a seeded sample, per rule) and the"
                + " cumulative synthesis in publication order.",
            "",
            "Writes OUT/sensitivity.json and OUT/sensitivity.csv beside results.json and results.csv (all or"
                + " nothing) and prints what flips. With --report, also writes the HTML report and its exports"
                + " (as `ssm report`) with a Sensitivity section: per effect the base result and every variant"
                + " that flips it on the SSM scale (figures/sensitivity-EFFECT.svg) and a table of every"
                + " variant."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad input (file, line and field named)"})
public final class SensitivityCommand implements Callable<Integer>, LoadsProject {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder (holding synthesis.yaml).")
    private Path dir;

    @Mixin
    private OutputOption output;

    @Option(names = "--cut-factors", paramLabel = "FACTORS", split = ",", hideParamSyntax = true,
            description = "Factors applied to each cut point, replacing the project's list (default "
                    + "0.75,0.9,1.1,1.25), e.g. --cut-factors 0.5,0.9,1.1,2")
    private List<Double> cutFactors;

    @Option(names = "--discount-factors", paramLabel = "FACTORS", split = ",", hideParamSyntax = true,
            description = "Discount factors to re-run with (default 0.05,0.2; the case's own is 0.1).")
    private List<Double> discountFactors;

    @Option(names = "--belief-thresholds", paramLabel = "BELIEFS", split = ",", hideParamSyntax = true,
            description = "Inclusion: re-run with only the studies of belief at least B, once per value"
                    + " (default 0.5).")
    private List<Double> beliefThresholds;

    @Option(names = "--types", paramLabel = "TYPES", split = ",", hideParamSyntax = true,
            description = "Inclusion: re-run with only these study types; repeat for another set (default"
                    + " controlled-experiment and quasi-experiment).")
    private List<String> types;

    @Option(names = "--no-quality-items", negatable = false,
            description = "Leave out the inclusion variants that drop the studies answering 'no' to a"
                    + " checklist item.")
    private boolean noQualityItems;

    @Option(names = "--conflicts", paramLabel = "summary|full",
            description = "Per variant the last step's K only (summary, default: leave-one-out variants share"
                    + " folds), or every step's K and their mean (full: each variant folded step by step).")
    private String conflicts;

    @Option(names = "--orders", paramLabel = "N",
            description = "Orders sampled per effect and rule where not every order is tried (default 200;"
                    + " effects of up to 7 findings try all).")
    private Integer orders;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the order sample (default 1).")
    private Long seed;

    @Option(names = "--all", description = "List every variant in the printed table, not only those that flip.")
    private boolean all;

    @Option(names = "--report", description = "Also write the HTML report and its exports (as `ssm report`), with"
            + " a Sensitivity section.")
    private boolean report;

    @Override
    public Integer call() throws Exception {
        SynthesisService.Outcome base = SynthesisService.run(dir, SynthesisService.Overrides.NONE);
        Project project = base.project();
        SensitivityPlan plan = plan(project.sensitivityWithYears());
        SensitivityResult r = SensitivityAnalysis.run(project.synthesis(), plan);
        Map<String, OutputFolder.Streamed> streamed = new LinkedHashMap<>();
        streamed.put("sensitivity.json", o -> SensitivityFiles.writeJson(o, project, r, base.provenance()));
        streamed.put("sensitivity.csv", o -> SensitivityFiles.writeCsv(o, r));
        Path target = output.folder(dir);
        OutputFolder.keptNote(report
                ? SynthesisService.writeWithReport(base, r, FigureOptions.DEFAULT, streamed, target,
                        OutputFolder.TOOL_OUTPUTS).kept()
                : OutputFolder.write(target, SynthesisService.outputs(base), streamed, OutputFolder.TOOL_OUTPUTS))
                .ifPresent(n -> spec.commandLine().getErr().println("note: " + n));
        PrintWriter o = spec.commandLine().getOut();
        if (!SsmCommand.quiet(spec)) {
            o.print(table(r, all));
        }
        o.println("wrote " + InputException.display(target.resolve("sensitivity.json")) + " and sensitivity.csv"
                + (report ? ", report.html and its exports" : ""));
        return ExitCodes.OK;
    }

    private SensitivityPlan plan(SensitivityPlan plan) {
        String option = "";
        try {
            if (cutFactors != null) {
                option = "--cut-factors";
                plan = plan.withCutFactors(cutFactors);
            }
            if (discountFactors != null) {
                option = "--discount-factors";
                plan = plan.withDiscountFactors(discountFactors);
            }
            if (beliefThresholds != null || types != null || noQualityItems) {
                option = beliefThresholds != null ? "--belief-thresholds" : "--types";
                plan = plan.withInclusion(beliefThresholds != null ? beliefThresholds : plan.beliefThresholds(),
                        types != null ? List.of(types) : plan.studyTypes(), !noQualityItems && plan.qualityItems());
            }
            if (conflicts != null) {
                option = "--conflicts";
                plan = plan.withConflicts(switch (conflicts.strip().toLowerCase(Locale.ROOT)) {
                    case "summary" -> SensitivityPlan.Conflicts.SUMMARY;
                    case "full" -> SensitivityPlan.Conflicts.FULL;
                    default -> throw new IllegalArgumentException("'" + conflicts + "' is neither summary nor full");
                });
            }
            if (orders != null || seed != null) {
                option = orders != null ? "--orders" : "--seed";
                plan = plan.withOrders(orders != null ? orders : plan.orderSample(), seed != null ? seed : plan.seed());
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
        return plan;
    }

    /** The "what flips" table: per effect its base result, how many variants flip it, and which. */
    static String table(SensitivityResult r, boolean all) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"effect", "base", "belief", "variants", "flips", "smallest cut flip", "flipping variants"});
        int total = 0;
        for (EffectSensitivity e : r.effects()) {
            String base = e.base().selection().map(s -> "{" + s.hypothesis().codes() + "}").orElse("(none)");
            String belief = e.base().selection().map(s -> String.format(Locale.ROOT, "%.3f", s.belief())).orElse("");
            List<String> names = new ArrayList<>();
            for (Variant v : all ? e.variants() : e.flips()) {
                names.add(v.name() + " → " + v.asHypothesis().map(h -> "{" + h.codes() + "}").orElse("(none)")
                        + (v.note().isEmpty() ? "" : " (" + v.note() + ")"));
            }
            total += e.variants().size();
            rows.add(new String[] {e.effect().id(), base, belief, Integer.toString(e.variants().size()),
                Integer.toString(e.flips().size()), e.smallestCutFlip().map(Variant::name).orElse("none"),
                names.isEmpty() ? "-" : names.get(0)});
            for (int i = 1; i < names.size(); i++) {
                rows.add(new String[] {"", "", "", "", "", "", names.get(i)});
            }
        }
        int[] widths = new int[7];
        for (String[] row : rows) {
            for (int i = 0; i < 7; i++) {
                widths[i] = Math.max(widths[i], row[i].length() + 2);
            }
        }
        TextTable t = TextTable.forColumnWidths(new ColorScheme.Builder(Ansi.OFF).build(), widths);
        t.setAdjustLineBreaksForWideCJKCharacters(false);
        rows.forEach(t::addRowValues);
        StringBuilder sb = new StringBuilder();
        sb.append("What flips: ").append(r.base().synthesis().title()).append('\n');
        sb.append(String.format(Locale.ROOT, "%d variants over %d effects; a variant flips when its hypothesis"
                + " differs from the base result%n%n", total, r.effects().size()));
        sb.append(t);
        if (!r.skipped().isEmpty()) {
            sb.append('\n').append("skipped: ").append(String.join("; ", r.skipped())).append('\n');
        }
        return sb.toString();
    }
}
