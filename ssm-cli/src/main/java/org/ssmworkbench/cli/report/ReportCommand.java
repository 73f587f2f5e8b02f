package org.ssmworkbench.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.ssmworkbench.cli.LoadsProject;
import org.ssmworkbench.cli.ExitCodes;
import org.ssmworkbench.cli.OutputOption;
import org.ssmworkbench.cli.synthesize.SynthesisService;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.results.OutputFolder;
import org.ssmworkbench.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ssm report`: runs a synthesis and writes its results with the HTML report and its exports. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run a synthesis project and write its HTML report and figures.",
        description = {
            "Writes OUT/report.html (one offline page: summary of findings, forest plots, evidence-model"
                + " diagrams, studies, trace, provenance), OUT/figures/*.svg, findings.csv, summary.tex and"
                + " evidence.tex, beside the results of `ssm synthesize` (results.json, results.csv); all or"
                + " nothing.",
            "",
            "The report's date is the project's own (date: in synthesis.yaml), else SOURCE_DATE_EPOCH when set,"
                + " else the time of this run; never a file's modification time. See docs/formats/report.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error",
            "2:bad input: the message names file, line and field (or the findings in conflict)"
        })
public final class ReportCommand implements Callable<Integer>, LoadsProject {

    /** The top-level names `ssm report` writes; an existing output folder may hold only these. */
    public static final Set<String> OUTPUT_NAMES = union(SynthesisService.OUTPUT_FILES, Report.OUTPUT_NAMES);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder (holding synthesis.yaml).")
    private Path dir;

    @Mixin
    private OutputOption output;

    @Mixin
    private FigureFlags figures;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        SynthesisService.Outcome outcome = SynthesisService.run(dir, SynthesisService.Overrides.NONE);
        Path target = output.folder(dir);
        Set<String> files;
        try {
            SynthesisService.Written w = SynthesisService.writeWithReport(outcome, null, figures.options(), target,
                    OUTPUT_NAMES);
            files = w.names();
            OutputFolder.keptNote(w.kept()).ifPresent(n -> spec.commandLine().getErr().println("note: " + n));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + InputException.display(target) + ": "
                    + OutputFolder.describe(e), e));
        }
        for (String w : outcome.project().warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        long figures = files.stream().filter(n -> n.startsWith(Report.FIGURES + "/") && n.endsWith(".svg"))
                .count();
        o.println("wrote " + InputException.display(target.resolve(Report.HTML)) + " with results.json, results.csv, "
                + Report.FINDINGS_CSV + ", " + Report.SUMMARY_TEX + ", " + Report.EVIDENCE_TEX + " and " + figures
                + " figures in " + Report.FIGURES + "/" + formats(files) + pages(files));
        return ExitCodes.OK;
    }

    /**
     * "; the evidence-model diagrams in N pages of their own (…)" when the report drew them in pages of their
     * own, and "; the trace of the largest effects in N pages (…)" when it paged traces; else "".
     */
    static String pages(Set<String> files) {
        long pages = count(files, "evidence-models-");
        long traces = count(files, "trace-");
        String out = "";
        if (pages > 0) {
            boolean own = files.stream().anyMatch(n -> n.startsWith(Report.FIGURES + "/evidence-") && n.endsWith(".svg"));
            out += "; the evidence-model diagrams in " + pages + (pages == 1 ? " page" : " pages") + " of their own ("
                    + Report.FIGURES + "/evidence-models-*.html" + (own ? ")" : "; --evidence-files also writes each as a"
                            + " figure file)");
        }
        if (traces > 0) {
            out += "; the traces of effects of more than 400 findings in " + traces
                    + (traces == 1 ? " page" : " pages") + " ("
                    + Report.FIGURES + "/trace-*.html)";
        }
        return out;
    }

    private static long count(Set<String> files, String prefix) {
        return files.stream().filter(n -> n.startsWith(Report.FIGURES + "/" + prefix) && n.endsWith(".html")).count();
    }

    /** " (SVG, PDF and PNG)" when more than the SVG files were written, else "". */
    static String formats(Set<String> files) {
        boolean pdf = files.stream().anyMatch(n -> n.startsWith(Report.FIGURES + "/") && n.endsWith(".pdf"));
        boolean png = files.stream().anyMatch(n -> n.startsWith(Report.FIGURES + "/") && n.endsWith(".png"));
        return pdf && png ? " (SVG, PDF and PNG)" : pdf ? " (SVG and PDF)" : png ? " (SVG and PNG)" : "";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
