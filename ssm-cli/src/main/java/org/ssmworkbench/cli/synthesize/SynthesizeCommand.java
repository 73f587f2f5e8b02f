package org.ssmworkbench.cli.synthesize;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ssmworkbench.cli.LoadsProject;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.cli.Converters;
import org.ssmworkbench.cli.report.FigureFlags;
import org.ssmworkbench.cli.ExitCodes;
import org.ssmworkbench.cli.OutputOption;
import org.ssmworkbench.cli.SsmCommand;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.synthesis.SanityWarning;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.results.OutputFolder;
import org.ssmworkbench.io.results.Sanity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ssm synthesize`: a project folder in, aggregated results out. */
@Command(name = "synthesize",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run a synthesis project and write its aggregated results.",
        description = {
            "Computes per finding the intensity and mass from the studies' data, then per effect the"
                + " combination of its findings and the selected hypothesis. Writes OUT/results.json and"
                + " OUT/results.csv (all or nothing) and prints a summary table.",
            "",
            "The project format is described in docs/formats/project.md; `ssm init DIR` makes one."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error",
            "2:bad input: the message names file, line and field (or the findings in conflict)"
        })
public final class SynthesizeCommand implements Callable<Integer>, LoadsProject {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder (holding synthesis.yaml).")
    private Path dir;

    @Mixin
    private OutputOption output;

    @Option(names = "--rule", paramLabel = "RULE", converter = Converters.Rule.class,
            description = "Override the project's combination rule: dempster, conjunctive, disjunctive, yager,"
                    + " dubois-prade, murphy.")
    private CombinationRule rule;

    @Option(names = "--selector", paramLabel = "SELECTOR", converter = Converters.Selector.class,
            description = "Override the result selector: ef or santos.")
    private ResultSelector selector;

    @Option(names = "--assignment", paramLabel = "ASSIGNMENT", converter = Converters.Assignment.class,
            description = "Override the mass assignment: published, undiscounted-unsplit, mass-preserving-split,"
                    + " equitable-split.")
    private MassAssignment assignment;

    @Option(names = "--report", description = "Also write the HTML report and its exports (as `ssm report`).")
    private boolean report;

    @Option(names = "--explain", description = "Print what each column of the summary means, below it.")
    private boolean explain;

    @Mixin
    private FigureFlags figures;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (!report && !figures.given().isEmpty()) {
            throw new BadInputException(String.join(" and ", figures.given()) + " only apply with --report");
        }
        SynthesisService.Outcome outcome = SynthesisService.run(dir,
                new SynthesisService.Overrides(rule, selector, assignment));
        Path target = output.folder(dir);
        try {
            OutputFolder.keptNote(report
                    ? SynthesisService.writeWithReport(outcome, null, figures.options(), target,
                            OutputFolder.TOOL_OUTPUTS).kept()
                    : SynthesisService.write(outcome, target, OutputFolder.TOOL_OUTPUTS))
                    .ifPresent(n -> spec.commandLine().getErr().println("note: " + n));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + InputException.display(target) + ": "
                    + OutputFolder.describe(e), e));
        }
        if (!SsmCommand.quiet(spec)) {
            o.print(SynthesisService.summary(outcome.result()));
            if (explain) {
                o.print(SummaryTable.LEGEND);
            }
        }
        for (String w : outcome.project().warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        for (SanityWarning w : Sanity.of(outcome.project(), outcome.result())) {
            spec.commandLine().getErr().println("warning: " + w.message() + " [" + w.kind().id() + "]");
        }
        o.println("wrote " + InputException.display(target.resolve("results.json")) + " and results.csv"
                + (report ? ", report.html and its exports" : ""));
        return ExitCodes.OK;
    }
}
