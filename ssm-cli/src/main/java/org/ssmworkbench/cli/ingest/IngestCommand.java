package org.ssmworkbench.cli.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ssmworkbench.cli.ExitCodes;
import org.ssmworkbench.cli.VersionProvider;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.ingest.Ingest;
import org.ssmworkbench.io.ingest.IngestSpec;
import org.ssmworkbench.io.results.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ssm ingest SPEC`: energy and performance logs become a measurement table with its derivation. */
@Command(name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Read the logs an ingest spec (YAML) declares, each by its tool's layout (energibridge,",
            "nvidia-smi, codecarbon, pyjoules, pyrapl, experiment-runner), turn every run into one value",
            "of the metric in a named unit, pair treated and baseline runs by the declared rule, and",
            "write the spec's output folder: measurements.csv (effect,evidence,baseline,treated: the raw",
            "measurement table a study file reads) and derivation.json (every log with its SHA-256, the",
            "units and aggregates, every pair, every run left out and why). See docs/formats/ingest.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error",
            "2:bad input: a spec or log that cannot be read (file, line and column named); nothing was written"})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The ingest spec (e.g. ingest.yaml).")
    private Path specFile;

    @Override
    public Integer call() {
        IngestSpec s = IngestSpec.read(specFile);
        Ingest.Result r = Ingest.run(s, VersionProvider.version());
        try {
            OutputFolder.write(s.output(), r.files(), Set.of(Ingest.TABLE, Ingest.DERIVATION));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + InputException.display(s.output()) + ": "
                    + OutputFolder.describe(e), e));
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("ingested " + r.inputs() + " logs into " + InputException.display(s.output().resolve(Ingest.TABLE)));
        for (Ingest.SourceSummary ss : r.sources()) {
            StringBuilder ex = new StringBuilder();
            for (Map.Entry<String, Integer> e : ss.excluded().entrySet()) {
                ex.append(ex.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
            }
            o.println("  " + ss.effect() + " (" + ss.tool() + ", " + ss.metric() + "): " + ss.files() + " files, "
                    + ss.runs() + " runs, " + ss.pairs() + " pairs" + (ex.length() == 0 ? ""
                            : "; left out: " + ex + " (reasons in " + Ingest.DERIVATION + ")"));
        }
        return ExitCodes.OK;
    }
}
