package org.ssmworkbench.cli.mq;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.cli.ExitCodes;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.mq.MqExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ssm export FORMAT`: a synthesis project written in another tool's format. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthesis project in another tool's format.",
            "Formats: mq (the processed evidence of a model-quantization replication package)."
        },
        subcommands = {ExportCommand.Mq.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad input (file, line and field named)"})
public final class ExportCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new BadInputException("name the format to export, e.g. `ssm export mq DIR --out SRC` (see"
                + " `ssm export --help`)");
    }

    /** `ssm export mq DIR --out SRC`. */
    @Command(name = "mq",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Write the project in DIR as a model-quantization replication package's processed",
                "evidence (SRC): per finding the intensity and mass the method uses and the reference",
                "values kept under `source`. `ssm import mq SRC` gives the same project back. Layout:",
                "the one the project was imported from (import-log.txt), else 2."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success", "1:internal error",
                "2:bad input (file, line and field named); nothing was written"})
    static final class Mq implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The project folder (holding synthesis.yaml).")
        private Path dir;

        @Option(names = "--out", paramLabel = "SRC", required = true,
                description = "The package folder to create (must not exist, or be empty).")
        private Path out;

        @Option(names = "--layout", paramLabel = "N",
                description = "1 (per study effects.json, beliefs in README.md) or 2 (studies.json, per study"
                        + " effects_by_precision.json, the combination-order file).")
        private Integer layout;

        @Override
        public Integer call() {
            if (layout != null && layout != 1 && layout != 2) {
                throw new BadInputException("--layout " + layout + ": expected 1 or 2");
            }
            int l = layout != null ? layout : MqExporter.importedLayout(dir);
            MqExporter.Result r = MqExporter.export(dir, l);
            ProjectOutput.write(out, r.files(), "an export");
            PrintWriter o = spec.commandLine().getOut();
            for (String w : r.warnings()) {
                spec.commandLine().getErr().println("warning: " + w);
            }
            o.println("exported " + InputException.display(dir) + " to " + InputException.display(out) + " (layout "
                    + r.layout() + "): " + r.studies() + " studies, " + r.evidenceModels() + " evidence models, "
                    + r.findings() + " findings");
            return ExitCodes.OK;
        }
    }
}
